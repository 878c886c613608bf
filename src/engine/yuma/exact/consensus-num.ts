import { type DenseRows, matmulColsNum, normalizeNum, scatterNum } from './dense.ts';

/**
 * The chain's `weighted_median` (as weightedMedianExact in consensus.ts) on raw numbers: mid-pivot
 * quick-select over index lists that keep their order, partitioned into reused buffers. The voters'
 * scores of one column are score[off + t], their stakes stake[t]. Stakes are normalised (Σ ≤ 2³²), so
 * every partial sum is exact.
 */
function weightedMedianNum(
  stake: Float64Array,
  score: Float64Array,
  off: number,
  minority: number,
  stakeSum: number,
  bufs: [Int32Array, Int32Array, Int32Array],
): number {
  let idx = bufs[0];
  let lower = bufs[1];
  let upper = bufs[2];
  let len = stake.length;
  for (let t = 0; t < len; t++) idx[t] = t;
  let lo = 0;
  let hi = stakeSum;
  for (let iter = 0, limit = len; iter <= limit; iter++) {
    if (len === 0) return 0;
    if (len === 1) return score[off + idx[0]];
    const pivot = score[off + idx[len >> 1]];
    let loStake = 0;
    let hiStake = 0;
    let nl = 0;
    let nu = 0;
    // Branch-free partition (scores are in random order): i is written to both lists, each advanced
    // only when it belongs there; stake·0/1 adds exactly.
    for (let t = 0; t < len; t++) {
      const i = idx[t];
      const s = score[off + i];
      const below = +(s < pivot);
      const above = +(s > pivot);
      lower[nl] = i;
      upper[nu] = i;
      nl += below;
      nu += above;
      loStake += stake[i] * below;
      hiStake += stake[i] * above;
    }
    if (minority < lo + loStake && nl > 0) {
      const t = idx;
      idx = lower;
      lower = t;
      len = nl;
      hi = lo + loStake;
    } else if (hi - hiStake <= minority && nu > 0) {
      const t = idx;
      idx = upper;
      upper = t;
      len = nu;
      lo = hi - hiStake;
    } else {
      return pivot;
    }
  }
  return 0;
}

/**
 * §3.6 Consensus (as consensusExact): voters are the uids with A > 0 (all rows in play, as A needs a
 * permit), their stakes renormalised, minority = Σ − κ, and per column the weighted median of their
 * weights. Weights are gathered column-major so each column's scores are contiguous.
 */
export function consensusNum(
  activeStake: Float64Array,
  w: Float64Array,
  d: DenseRows,
  kappa: number,
): Float64Array {
  const { n } = d;
  const voterRows: number[] = [];
  for (let r = 0; r < d.m; r++) if (activeStake[d.rows[r]] > 0) voterRows.push(r);
  const k = voterRows.length;
  const stake = normalizeNum(Float64Array.from(voterRows, (r) => activeStake[d.rows[r]]));
  let stakeSum = 0;
  for (let t = 0; t < k; t++) stakeSum += stake[t];
  const minority = stakeSum - kappa;
  const scores = new Float64Array(n * k);
  for (let t = 0; t < k; t++) for (let j = 0, o = voterRows[t] * n; j < n; j++) scores[j * k + t] = w[o + j];
  const bufs: [Int32Array, Int32Array, Int32Array] = [
    new Int32Array(k),
    new Int32Array(k),
    new Int32Array(k),
  ];
  const c = new Float64Array(n);
  for (let j = 0; j < n; j++) c[j] = weightedMedianNum(stake, scores, j * k, minority, stakeSum, bufs);
  return c;
}

/** §3.7 Clipping (as clipWeightsExact): W̄ = min(W, C) entrywise (an entry above C_j = 0 becomes 0). */
export function clipWeightsNum(w: Float64Array, consensus: Float64Array, d: DenseRows): Float64Array {
  const clipped = new Float64Array(w.length);
  for (let o = 0; o < w.length; o += d.n)
    for (let j = 0; j < d.n; j++) {
      const v = w[o + j];
      const th = consensus[j];
      clipped[o + j] = th < v ? th : v;
    }
  return clipped;
}

/**
 * W̄'s sparse pattern (read by sparse liquid alpha only): W's, less the entries above C_j = 0, which
 * `col_clip_sparse` removes (C ≥ 0).
 */
export function clipPatternNum(
  w: Float64Array,
  present: Uint8Array,
  consensus: Float64Array,
  d: DenseRows,
): Uint8Array {
  const out = present.slice();
  for (let o = 0; o < w.length; o += d.n)
    for (let j = 0; j < d.n; j++) if (consensus[j] === 0 && w[o + j] > 0) out[o + j] = 0;
  return out;
}

/** §3.8 Validator trust: VT_i = Σ_j W̄_ij, per uid. */
export function validatorTrustNum(clipped: Float64Array, d: DenseRows): Float64Array {
  const vt = new Float64Array(d.m);
  for (let r = 0, o = 0; r < d.m; r++, o += d.n) {
    let s = 0;
    for (let j = 0; j < d.n; j++) s += clipped[o + j];
    vt[r] = s;
  }
  return scatterNum(vt, d);
}

/** §3.9 Incentive: R_j = Σ_i A_i·W̄_ij (floor products), I = normalise(R). */
export function incentiveNum(activeStake: Float64Array, clipped: Float64Array, d: DenseRows): Float64Array {
  return normalizeNum(matmulColsNum(clipped, activeStake, d));
}
