import type { Rng } from '../rng.ts';
import { gbmLogReturn } from './gbm.ts';
import type { Regime } from './price-model.ts';

/**
 * Markov regime switching (jreyes913/financial-regime-analysis): each day the price takes a GBM step with
 * the drift and volatility of the day's regime, then the regime moves to the next day's by its row of the
 * transition matrix (per-day probabilities). A regime's mean stay is 1 / (1 − its own probability) days.
 */

/** The next regime: row `from` of the row-major matrix, inverted with one uniform. */
export function nextRegime(transitions: Float64Array, count: number, from: number, rng: Rng): number {
  const u = rng.uniform();
  let cumulative = 0;
  for (let j = 0; j < count; j++) {
    cumulative += transitions[from * count + j];
    if (u < cumulative) return j;
  }
  return from; // rounding left the row a hair short of 1: stay
}

/** Fills out[1…] from out[0] and regime[0…] from `start`. */
export function regimePath(
  out: Float64Array,
  regime: Uint8Array,
  regimes: readonly Regime[],
  transitions: Float64Array,
  start: number,
  rng: Rng,
): void {
  regime[0] = start;
  for (let d = 1; d < out.length; d++) {
    const r = regimes[regime[d - 1]];
    out[d] = out[d - 1] * Math.exp(gbmLogReturn(r.drift, r.volatility, rng));
    regime[d] = nextRegime(transitions, regimes.length, regime[d - 1], rng);
  }
}
