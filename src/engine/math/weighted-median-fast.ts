/**
 * A fast path for one column of weightedMedianCol that returns exactly what weightedMedianInPlace
 * would, or FALLBACK when it cannot prove it.
 *
 * Why the result is the same: weightedMedianInPlace returns the smallest score v with F(v) > minority
 * (F(v) = stake of scores ≤ v), provided each of its comparisons of a stake sum with `minority` has the
 * outcome the exact (real-number) sums would give. Its sums, and ours, add the same non-negative
 * stakes in other orders, so each is within E = γ_m·T of the exact sum (m terms, T the stake total).
 * For v the answer, every other pivot p it may visit has F(p) ≤ F(v⁻) (p < v) or F(p⁻) ≥ F(v) (p > v),
 * so if the exact F(v⁻) and F(v) are more than E from the minority, every comparison it makes goes the
 * exact way. We accept v only when our own sums are more than 2E away (`tol`), else the caller runs
 * the quick-select. Scores must be finite, ≥ +0 and not −0 (equal scores are then the same bits, so
 * which one is returned does not matter); anything else falls back.
 *
 * The search: bucket the column by the high word of each score (monotone for such doubles), add the
 * stakes per bucket, find the bucket where F crosses the minority, then select inside that bucket.
 */

export const FALLBACK = -1;
const MAX_IN_BUCKET = 48;

export interface MedianScratch {
  /** log2 of the number of buckets. */
  bits: number;
  hist: Float64Array;
  candScore: Float64Array;
  candStake: Float64Array;
}

/**
 * Scratch for columns of m voters. 32 buckets suit 64 voters; with more, the bucket where F crosses
 * the minority holds too many scores (clustered around the median) unless there are more buckets:
 * 128 cut the work per column by a quarter at 128 voters (measured; 256 gain no more).
 */
export function medianScratch(m: number): MedianScratch {
  const bits = m <= 64 ? 5 : 7;
  return {
    bits,
    hist: new Float64Array(2 << bits),
    candScore: new Float64Array(MAX_IN_BUCKET),
    candStake: new Float64Array(MAX_IN_BUCKET),
  };
}

/**
 * The m voters' scores of one column, at t[off..off+m) (hi = t's Int32 view), with stakes `voterStake`.
 */
export function fastMedianColumn(
  t: Float64Array,
  hi: Int32Array,
  off: number,
  voterStake: Float64Array,
  minority: number,
  tol: number,
  s: MedianScratch,
): number {
  const m = voterStake.length;
  let minHi = 0x7fffffff;
  let maxHi = -0x80000000;
  for (let k = 0, q = 2 * off + 1; k < m; k++, q += 2) {
    const h = hi[q];
    minHi = h < minHi ? h : minHi;
    maxHi = h > maxHi ? h : maxHi;
  }
  if (minHi < 0 || maxHi >= 0x7ff00000) return FALLBACK; // negative, −0, NaN or ∞ somewhere
  if (minHi === maxHi) {
    const first = t[off];
    for (let k = 1; k < m; k++) if (t[off + k] !== first) return FALLBACK;
    return first; // all equal: the quick-select returns that value whatever the stakes
  }
  const { bits, hist, candScore, candStake } = s;
  const BUCKETS = 1 << bits;
  hist.fill(0);
  // Buckets 2^shift high words wide, as few as keep the range within BUCKETS (integer shifts, where a
  // scaled float index would cost a conversion per score).
  const shift = Math.max(0, 32 - bits - Math.clz32(maxHi - minHi)); // (maxHi − minHi) >> shift < BUCKETS
  // Two interleaved histograms (even and odd voters): consecutive scores often share a bucket, and
  // each += would wait for the previous one's store.
  let k = 0;
  for (let q = 2 * off + 1; k + 1 < m; k += 2, q += 4) {
    hist[(hi[q] - minHi) >> shift] += voterStake[k];
    hist[BUCKETS + ((hi[q + 2] - minHi) >> shift)] += voterStake[k + 1];
  }
  if (k < m) hist[(hi[2 * (off + k) + 1] - minHi) >> shift] += voterStake[k];
  let base = 0;
  let b = 0;
  for (; b < BUCKETS; b++) {
    const next = base + (hist[b] + hist[BUCKETS + b]);
    if (next > minority) break;
    base = next;
  }
  if (b === BUCKETS) return FALLBACK;
  // The bucket's scores, its index recomputed rather than stored per score (a store and a load less).
  let c = 0;
  for (let k = 0, q = 2 * off + 1; k < m; k++, q += 2) {
    if ((hi[q] - minHi) >> shift !== b) continue;
    if (c === MAX_IN_BUCKET) return FALLBACK;
    candScore[c] = t[off + k];
    candStake[c] = voterStake[k];
    c++;
  }
  // The bucket's scores in ascending order (insertion sort, stable), then its distinct scores upwards.
  for (let q = 1; q < c; q++) {
    const x = candScore[q];
    const w = candStake[q];
    let p = q - 1;
    for (; p >= 0 && candScore[p] > x; p--) {
      candScore[p + 1] = candScore[p];
      candStake[p + 1] = candStake[p];
    }
    candScore[p + 1] = x;
    candStake[p + 1] = w;
  }
  let below = base;
  let anyBelow = b > 0; // bucket 0 holds the column minimum
  for (let q = 0; q < c; ) {
    const v = candScore[q];
    let eq = 0;
    while (q < c && candScore[q] === v) eq += candStake[q++];
    const at = below + eq;
    if (at > minority) {
      if (!(at > minority + tol)) return FALLBACK;
      if (anyBelow && !(below < minority - tol)) return FALLBACK;
      return v;
    }
    below = at;
    anyBelow = true;
  }
  return FALLBACK;
}
