/**
 * weightedMedianCol's proven fast path (weighted-median-fast.ts: bucketed search, two interleaved
 * histograms) against the plain quick-select (weightedMedianInPlace) column by column, to the bit, on
 * seeded random matrices: clustered and spread scores, ties, zeros, −0, negatives, NaN, ∞, zero and
 * tiny stakes, 0–130 rows (both bucket counts), κ from 0 to 1.
 */
import { describe, expect, it } from 'vitest';
import {
  createWeightedMedianBuffers,
  weightedMedianCol,
  weightedMedianInPlace,
} from '../../../src/engine/math/weighted-median.ts';

function rng(seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  return { next, pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] };
}

/** The quick-select on each column, with the stakes and minority weightedMedianCol derives. */
function reference(stake: Float64Array, scores: Float64Array, rows: number, cols: number, kappa: number) {
  const voters = Array.from({ length: rows }, (_, i) => i).filter((i) => stake[i] > 0);
  const out = new Float64Array(cols);
  if (voters.length === 0) return out;
  let total = 0;
  for (const i of voters) total += stake[i];
  const voterStake = Float64Array.from(voters, (i) => stake[i] / total);
  let stakeSum = 0;
  for (const s of voterStake) stakeSum += s;
  for (let j = 0; j < cols; j++) {
    const col = Float64Array.from(voters, (i) => scores[i * cols + j]);
    out[j] = weightedMedianInPlace(col, voterStake.slice(), voters.length, stakeSum - kappa);
  }
  return out;
}

describe('weightedMedianCol fast path', () => {
  it('returns what the quick-select returns, column by column, to the bit', () => {
    // One set of buffers and one transposed-scores scratch for every shape, as a run's epochs share them.
    const buffers = createWeightedMedianBuffers();
    const shared = new Float64Array(130 * 33);
    for (let seed = 1; seed <= 400; seed++) {
      const { next, pick } = rng(seed);
      const rows = pick([0, 1, 2, 3, 7, 16, 40, 70, 130]);
      const cols = pick([1, 3, 9, 33]);
      const mode = seed % 5;
      const score = (): number => {
        if (mode === 0) return 0.3 + 0.01 * next(); // clustered: one crowded bucket
        if (mode === 1) return pick([0, 0.25, 0.5, 0.5, 1]); // ties
        if (mode === 2) return pick([0, -0, 1e-300, 2 ** -1074, 0.7, -0.1]); // signs and tiny values
        if (mode === 3) return pick([0.1, 0.2, Number.NaN, Number.POSITIVE_INFINITY]);
        return next() < 0.3 ? 0 : next() / (1 + 50 * next());
      };
      const scores = Float64Array.from({ length: rows * cols }, score);
      const stake = Float64Array.from({ length: rows }, () => pick([0, 0, 1, 1, 2, 1e-9, 1000 * next()]));
      const kappa = pick([0, 0.3, 0.5, 32767 / 65535, 1]);
      const want = reference(stake, scores, rows, cols, kappa);
      const got = weightedMedianCol(stake, scores, rows, cols, kappa);
      const reused = weightedMedianCol(
        stake,
        scores,
        rows,
        cols,
        kappa,
        new Float64Array(cols),
        new Float64Array(1),
      );
      const kept = weightedMedianCol(stake, scores, rows, cols, kappa, undefined, shared, false, buffers);
      for (let j = 0; j < cols; j++) {
        expect(Object.is(got[j], want[j]), `seed ${seed} column ${j}`).toBe(true);
        expect(Object.is(reused[j], want[j])).toBe(true);
        expect(Object.is(kept[j], want[j]), `seed ${seed} column ${j}, kept buffers`).toBe(true);
      }
    }
  });
  it('a column where every score ties returns that score whatever the stakes', () => {
    const scores = Float64Array.from([0.4, 0.4, 0.4]);
    expect(weightedMedianCol([1, 5, 2], scores, 3, 1, 0.5)[0]).toBe(0.4);
  });
});
