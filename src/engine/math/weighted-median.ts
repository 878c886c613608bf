/**
 * κ stake-weighted median (spec §3.6, chain `weighted_median` / `weighted_median_col_sparse`).
 *
 * With cumulative stake F(v) = Σ_{i : score_i ≤ v} stake_i, the result is the smallest score v with
 * F(v) > minority (minority = T − κ, T the stake total); if no score qualifies (minority ≥ T) it is the
 * largest score; with no entries it is 0. The chain finds it with a quick-select on a mid pivot; the
 * result does not depend on the order of the entries, so we use an in-place three-way quick-select
 * that visits the same partitions without allocating.
 */

import { transposeColumns } from './transpose-columns.ts';
import { cleanColumn, fastMedianColumn, type MedianScratch, medianScratch } from './weighted-median-fast.ts';

/**
 * Weighted median over the first `len` entries of `score`/`stake`, which are permuted in place
 * (pass scratch copies). Rule: len 0 → 0.
 */
export function weightedMedianInPlace(
  score: Float64Array,
  stake: Float64Array,
  len: number,
  minority: number,
): number {
  let lo = 0;
  let hi = len;
  let below = 0; // stake of all entries left of [lo, hi): they all score below the range
  while (hi > lo) {
    if (hi - lo === 1) return score[lo];
    const pivot = score[lo + ((hi - lo) >> 1)];
    // Three-way partition: [lo, lt) < pivot, [lt, gt) = pivot, [gt, hi) > pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    let loStake = 0;
    let eqStake = 0;
    while (i < gt) {
      const s = score[i];
      if (s < pivot) {
        swap(score, stake, lt, i);
        loStake += stake[lt];
        lt++;
        i++;
      } else if (s > pivot) {
        gt--;
        swap(score, stake, i, gt);
      } else {
        eqStake += stake[i];
        i++;
      }
    }
    if (minority < below + loStake && lt > lo) {
      hi = lt; // F(just below pivot) already exceeds the minority: the answer is lower
    } else if (below + loStake + eqStake <= minority && gt < hi) {
      below += loStake + eqStake; // F(pivot) does not exceed it yet: the answer is higher
      lo = gt;
    } else {
      return pivot;
    }
  }
  return 0;
}

function swap(score: Float64Array, stake: Float64Array, a: number, b: number): void {
  const s = score[a];
  score[a] = score[b];
  score[b] = s;
  const t = stake[a];
  stake[a] = stake[b];
  stake[b] = t;
}

/** Weighted median of (stake, score) pairs for a given minority (inputs untouched). Rule: empty → 0. */
export function weightedMedian(stake: ArrayLike<number>, score: ArrayLike<number>, minority: number): number {
  const len = Math.min(stake.length, score.length);
  return weightedMedianInPlace(
    Float64Array.from({ length: len }, (_, i) => score[i]),
    Float64Array.from({ length: len }, (_, i) => stake[i]),
    len,
    minority,
  );
}

/**
 * weightedMedianCol's working arrays for one shape (m voters, `cols` columns), kept between calls of
 * that shape: a Yuma epoch's consensus allocated ten typed arrays for them at every call. Each is
 * written before it is read, so what a previous call left does not matter.
 */
export interface WeightedMedianBuffers {
  m: number;
  cols: number;
  voters: Int32Array;
  voterStake: Float64Array;
  mins: Float64Array;
  maxs: Float64Array;
  median: MedianScratch;
  /** A column's smallest and largest score, read as high words through endsHi. */
  ends: Float64Array;
  endsHi: Int32Array;
  /** The quick-select's copies of one column (it permutes them). */
  colScore: Float64Array;
  colStake: Float64Array;
  /** The Int32 view of the transposed scores `hiOf`. */
  hi: Int32Array;
  hiOf: Float64Array | null;
}

export function createWeightedMedianBuffers(): WeightedMedianBuffers {
  const ends = new Float64Array(2);
  return {
    m: -1,
    cols: -1,
    voters: new Int32Array(0),
    voterStake: new Float64Array(0),
    mins: new Float64Array(0),
    maxs: new Float64Array(0),
    median: medianScratch(0),
    ends,
    endsHi: new Int32Array(ends.buffer),
    colScore: new Float64Array(0),
    colStake: new Float64Array(0),
    hi: new Int32Array(0),
    hiOf: null,
  };
}

/** `b` re-made for m voters and `cols` columns if it had another shape. */
function sized(b: WeightedMedianBuffers, m: number, cols: number): WeightedMedianBuffers {
  if (b.m !== m) {
    b.m = m;
    b.voters = new Int32Array(m);
    b.voterStake = new Float64Array(m);
    b.median = medianScratch(m);
    b.colScore = new Float64Array(m);
    b.colStake = new Float64Array(m);
    b.hiOf = null;
  }
  if (b.cols !== cols) {
    b.cols = cols;
    b.mins = new Float64Array(cols);
    b.maxs = new Float64Array(cols);
    b.hiOf = null;
  }
  return b;
}

/**
 * Column-wise κ-median of a dense rows×cols score matrix (missing entries are 0): only rows with
 * stake > 0 vote, their stakes renormalised to sum T ≈ 1, and minority = T − κ.
 * Rule: no row with positive stake → every column 0. `scratch` (≥ cols × voters entries, contents
 * unspecified) avoids allocating the transposed matrix. `clean`: the caller vouches that every score
 * is finite, ≥ +0 and not −0 (as §3.5's weights are when every row sum is finite); otherwise each
 * column is checked, and one that is not goes to the quick-select. `buffers`: working arrays kept by
 * the caller between calls (a fresh set without).
 */
export function weightedMedianCol(
  stake: ArrayLike<number>,
  scores: Float64Array,
  rows: number,
  cols: number,
  kappa: number,
  out: Float64Array = new Float64Array(cols),
  scratch?: Float64Array,
  clean = false,
  buffers?: WeightedMedianBuffers,
): Float64Array {
  let m = 0;
  let total = 0;
  for (let i = 0; i < rows; i++) if (stake[i] > 0) m++;
  const b = sized(buffers ?? createWeightedMedianBuffers(), m, cols);
  const voters = b.voters;
  for (let i = 0, k = 0; i < rows; i++) {
    if (stake[i] > 0) {
      voters[k++] = i;
      total += stake[i];
    }
  }
  out.fill(0);
  if (m === 0) return out;
  const voterStake = b.voterStake;
  let stakeSum = 0;
  for (let k = 0; k < m; k++) {
    voterStake[k] = stake[voters[k]] / total;
    stakeSum += voterStake[k];
  }
  const minority = stakeSum - kappa;
  const t = scratch !== undefined && scratch.length >= cols * m ? scratch : new Float64Array(cols * m);
  const { mins, maxs, ends, endsHi, colScore, colStake } = b;
  transposeColumns(scores, voters, cols, t, mins, maxs);
  // Proven-equal fast path per column (weighted-median-fast.ts); the quick-select where it gives up.
  const tol = (m + 4) * 2 ** -50 * Math.max(stakeSum, Math.abs(minority), 1);
  if (b.hiOf !== t) {
    b.hi = new Int32Array(t.buffer, t.byteOffset, cols * m * 2);
    b.hiOf = t;
  }
  const hi = b.hi;
  const medScratch = b.median;
  medScratch.numbers[0] = minority;
  medScratch.numbers[1] = tol;
  for (let j = 0; j < cols; j++) {
    const off = j * m;
    if (clean || cleanColumn(hi, off, m)) {
      // Every score equal (a column nobody weights, say): the quick-select returns it whatever the stakes.
      if (mins[j] === maxs[j]) {
        out[j] = mins[j];
        continue;
      }
      ends[0] = mins[j];
      ends[1] = maxs[j];
      if (fastMedianColumn(t, hi, off, voterStake, endsHi[1], endsHi[3], medScratch)) {
        out[j] = medScratch.numbers[2];
        continue;
      }
    }
    for (let k = 0; k < m; k++) colScore[k] = t[off + k];
    colStake.set(voterStake);
    out[j] = weightedMedianInPlace(colScore, colStake, m, minority);
  }
  return out;
}
