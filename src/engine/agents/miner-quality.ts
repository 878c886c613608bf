import type { QualityModel, ScalarFn } from '../config.ts';
import type { Rng } from '../rng.ts';

/**
 * A miner's latent model quality, in [0, 1], evolved once per epoch:
 *   q ← clamp(q + drift + noise·N(0,1) + jump), jump = size·Exp(1) with the release probability.
 * Drift and noise may be expressions of the epoch's variables (QUALITY_VARIABLES).
 */
export interface QualityScope {
  q: number;
  epoch: number;
  age: number;
  uid: number;
  best: number;
  mean: number;
  day: number;
}

function evaluateAt(x: number | ScalarFn, scope: QualityScope): number {
  return typeof x === 'number' ? x : x(scope as unknown as Record<string, number>);
}

export function initialQuality(model: QualityModel, rng: Rng): number {
  const { min, max } = model.initial;
  return min + (max - min) * rng.uniform();
}

/** The next epoch's quality. Always draws a normal, a uniform and an exponential, whether used or not, so the stream stays aligned. */
export function evolveQuality(model: QualityModel, scope: QualityScope, rng: Rng): number {
  const drift = evaluateAt(model.drift, scope);
  const noise = evaluateAt(model.noise, scope);
  const shock = rng.normal();
  const jumpDraw = rng.uniform();
  const jumpSize = rng.exponential();
  let q = scope.q + drift + noise * shock;
  if (jumpDraw < model.release.probability) q += model.release.size * jumpSize;
  if (!(q > 0)) return 0; // also catches NaN from a degenerate expression
  return Math.min(q, 1);
}
