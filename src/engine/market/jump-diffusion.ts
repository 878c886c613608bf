import type { Rng } from '../rng.ts';
import { DAY_IN_YEARS } from './price-model.ts';

/**
 * Merton jump-diffusion (Glasserman §3.5; mlian031/merton-jump-diffusion): a GBM day plus a compound
 * Poisson sum of log-jumps, N ~ Poisson(λ·dt) jumps of size Y ~ N(m, s²) each. The diffusion drift is
 * compensated by λ·κ, κ = E[e^Y − 1] = e^{m + s²/2} − 1, so `drift` stays the expected total return
 * (E[S_t] = S_0·e^{μt}) whatever the jumps.
 */

/** A Poisson draw (Knuth's product of uniforms: fine for the small means of one day). */
export function poisson(mean: number, rng: Rng): number {
  if (!(mean > 0)) return 0;
  const limit = Math.exp(-mean);
  let k = 0;
  let product = rng.uniform();
  while (product > limit) {
    k++;
    product *= rng.uniform();
  }
  return k;
}

export interface JumpLaw {
  /** Jumps per year. */
  rate: number;
  /** Mean and standard deviation of one log-jump. */
  mean: number;
  sd: number;
}

/** Fills out[1…] from out[0]. Per day: one normal, the Poisson uniforms, then one normal per jump. */
export function mertonPath(
  out: Float64Array,
  drift: number,
  volatility: number,
  jumps: JumpLaw,
  rng: Rng,
): void {
  const kappa = Math.exp(jumps.mean + (jumps.sd * jumps.sd) / 2) - 1;
  const mu = (drift - (volatility * volatility) / 2 - jumps.rate * kappa) * DAY_IN_YEARS;
  const sd = volatility * Math.sqrt(DAY_IN_YEARS);
  const perDay = jumps.rate * DAY_IN_YEARS;
  for (let d = 1; d < out.length; d++) {
    let r = mu + sd * rng.normal();
    const n = poisson(perDay, rng);
    for (let k = 0; k < n; k++) r += jumps.mean + jumps.sd * rng.normal();
    out[d] = out[d - 1] * Math.exp(r);
  }
}
