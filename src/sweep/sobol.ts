import { createRng } from '../engine/rng.ts';
import { quantileSorted } from './statistics.ts';

/**
 * Sobol sensitivity indices from Saltelli's sampling (design.ts): with f evaluated on the N rows of A, of
 * B and of each AB_i (A with column i from B),
 *   V    = variance of f over A and B together,
 *   S_i  = mean(f(B) · (f(AB_i) − f(A))) / V          first order (Saltelli et al. 2010, eq. b),
 *   ST_i = mean((f(A) − f(AB_i))²) / (2 V)             total (Jansen 1999).
 * Reference: A. Saltelli et al., "Variance based sensitivity analysis of model output", CPC 181 (2010).
 * Confidence intervals: percentile bootstrap over the N rows.
 */
export interface SobolSamples {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  ab: ArrayLike<number>[];
}

export interface SobolIndex {
  first: number;
  total: number;
}

export interface SobolEstimate extends SobolIndex {
  firstLow: number;
  firstHigh: number;
  totalLow: number;
  totalHigh: number;
}

/** Indices over the given rows (all rows by default; a bootstrap passes a resample). */
export function sobolIndices(s: SobolSamples, rows?: ArrayLike<number>): SobolIndex[] {
  const n = rows?.length ?? s.a.length;
  const row = (k: number) => (rows === undefined ? k : rows[k]);
  let sum = 0;
  let squares = 0;
  for (let k = 0; k < n; k++) {
    const a = s.a[row(k)];
    const b = s.b[row(k)];
    sum += a + b;
    squares += a * a + b * b;
  }
  const mean = sum / (2 * n);
  const variance = squares / (2 * n) - mean * mean;
  return s.ab.map((ab) => {
    let first = 0;
    let total = 0;
    for (let k = 0; k < n; k++) {
      const r = row(k);
      first += s.b[r] * (ab[r] - s.a[r]);
      total += (s.a[r] - ab[r]) ** 2;
    }
    return variance > 0
      ? { first: first / n / variance, total: total / n / (2 * variance) }
      : { first: Number.NaN, total: Number.NaN };
  });
}

/** Indices with percentile bootstrap intervals at `level` (seeded, so the file is reproducible). */
export function sobolWithIntervals(
  s: SobolSamples,
  resamples = 200,
  level = 0.95,
  seed = 1,
): SobolEstimate[] {
  const n = s.a.length;
  const point = sobolIndices(s);
  const rng = createRng(seed, 'sweep/sobol-bootstrap');
  const firsts = point.map(() => new Float64Array(resamples));
  const totals = point.map(() => new Float64Array(resamples));
  const rows = new Int32Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let k = 0; k < n; k++) rows[k] = rng.int(n);
    sobolIndices(s, rows).forEach((index, i) => {
      firsts[i][r] = index.first;
      totals[i][r] = index.total;
    });
  }
  const tail = (1 - level) / 2;
  return point.map((index, i) => {
    const f = firsts[i].sort();
    const t = totals[i].sort();
    return {
      ...index,
      firstLow: quantileSorted(f, tail),
      firstHigh: quantileSorted(f, 1 - tail),
      totalLow: quantileSorted(t, tail),
      totalHigh: quantileSorted(t, 1 - tail),
    };
  });
}
