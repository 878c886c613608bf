import type { Rng } from '../rng.ts';
import { DAY_IN_YEARS } from './price-model.ts';

/**
 * Geometric Brownian motion, discretised exactly on daily steps (dmitrische/nzu-market modelling.md):
 * p(t+1) = p(t)·exp((μ − σ²/2)·dt + σ·√dt·ξ), ξ ~ N(0, 1). The log return of a day is therefore normal
 * with mean (μ − σ²/2)·dt and variance σ²·dt.
 */
export function gbmLogReturn(drift: number, volatility: number, rng: Rng): number {
  return (
    (drift - (volatility * volatility) / 2) * DAY_IN_YEARS +
    volatility * Math.sqrt(DAY_IN_YEARS) * rng.normal()
  );
}

/** Fills out[1…] from out[0] with GBM steps. */
export function gbmPath(out: Float64Array, drift: number, volatility: number, rng: Rng): void {
  for (let d = 1; d < out.length; d++) out[d] = out[d - 1] * Math.exp(gbmLogReturn(drift, volatility, rng));
}
