/**
 * A fast path for one column of weightedMedianCol that returns exactly what weightedMedianInPlace
 * would, or says that it cannot prove it.
 *
 * Why the result is the same: weightedMedianInPlace returns the smallest score v with F(v) > minority
 * (F(v) = stake of scores ≤ v), provided each of its comparisons of a stake sum with `minority` has the
 * outcome the exact (real-number) sums would give. Its sums, and ours, add the same non-negative
 * stakes in other orders, so each is within E = γ_m·T of the exact sum (m terms, T the stake total).
 * For v the answer, every other pivot p it may visit has F(p) ≤ F(v⁻) (p < v) or F(p⁻) ≥ F(v) (p > v),
 * so if the exact F(v⁻) and F(v) are more than E from the minority, every comparison it makes goes the
 * exact way. We accept v only when our own sums are more than 2E away (`tol`), else the caller runs
 * the quick-select. Scores must be finite, ≥ +0 and not −0 (equal scores are then the same bits, so
 * which one is returned does not matter): the caller checks (transposeColumns, cleanColumn).
 *
 * The search: bucket the column by the high word of each score (monotone for such doubles) between the
 * column's smallest and largest, add the stakes per bucket, find the bucket where F crosses the
 * minority, then sort that bucket's few scores. Loops go four scores at a time: V8 checks a typed array
 * once per loop iteration, not per access.
 */

export interface MedianScratch {
  /** log2 of the number of buckets. */
  bits: number;
  /** Two interleaved histograms (even and odd voters), 2 << bits entries. */
  hist: Float64Array;
  /** The crossing bucket's scores and stakes (room for every voter). */
  candScore: Float64Array;
  candStake: Float64Array;
  /**
   * [minority, tol] of the call, set by the caller; [2] the column's median once found; [3] the stake
   * below the crossing bucket. Passed here, not as arguments and return values: V8 boxes a double
   * passed to or returned from a call it does not inline, heap numbers for every column of every epoch.
   */
  numbers: Float64Array;
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
    candScore: new Float64Array(m),
    candStake: new Float64Array(m),
    numbers: new Float64Array(4),
  };
}

/**
 * The m voters' scores of one column at t[off..off+m) (hi = t's Int32 view), with stakes `voterStake`,
 * whose smallest and largest scores have high words minHi < maxHi, minority and tol in s.numbers.
 * Returns whether it proved the median, then in s.numbers[2].
 */
export function fastMedianColumn(
  t: Float64Array,
  hi: Int32Array,
  off: number,
  voterStake: Float64Array,
  minHi: number,
  maxHi: number,
  s: MedianScratch,
): boolean {
  const m = voterStake.length;
  const { bits, hist, candScore, candStake } = s;
  const minority = s.numbers[0];
  const B = 1 << bits;
  hist.fill(0);
  // Buckets 2^shift high words wide, as few as keep the range within B (integer shifts, where a
  // scaled float index would cost a conversion per score). Even and odd voters go to two histograms:
  // consecutive scores often share a bucket, and each += would wait for the previous one's store.
  const shift = Math.max(0, 32 - bits - Math.clz32(maxHi - minHi)); // (maxHi − minHi) >> shift < B
  let k = 0;
  for (let q = 2 * off + 1; k + 3 < m; k += 4, q += 8) {
    const b0 = (hi[q] - minHi) >> shift;
    const b1 = B + ((hi[q + 2] - minHi) >> shift);
    const b2 = (hi[q + 4] - minHi) >> shift;
    const b3 = B + ((hi[q + 6] - minHi) >> shift);
    hist[b0] += voterStake[k];
    hist[b1] += voterStake[k + 1];
    hist[b2] += voterStake[k + 2];
    hist[b3] += voterStake[k + 3];
  }
  for (; k < m; k++) hist[(hi[2 * (off + k) + 1] - minHi) >> shift] += voterStake[k];
  let base = 0;
  let b = 0;
  for (; b < B; b++) {
    const next = base + (hist[b] + hist[B + b]);
    if (next > minority) break;
    base = next;
  }
  if (b === B) return false;
  // The bucket's scores, its index recomputed rather than stored per score (a store and a load less).
  let c = 0;
  for (let k = 0, q = 2 * off + 1; k < m; k++, q += 2) {
    if ((hi[q] - minHi) >> shift !== b) continue;
    candScore[c] = t[off + k];
    candStake[c] = voterStake[k];
    c++;
  }
  s.numbers[3] = base;
  return crossingInBucket(candScore, candStake, c, b > 0, s.numbers);
}

/**
 * Sorts the crossing bucket's c scores (insertion sort, stable) and walks its distinct scores upwards
 * from numbers[3] (the stake of every lower bucket; anyBelow: some score lies below the bucket).
 * Returns whether it proved the median, then in numbers[2].
 */
function crossingInBucket(
  candScore: Float64Array,
  candStake: Float64Array,
  c: number,
  anyBelow: boolean,
  numbers: Float64Array,
): boolean {
  const minority = numbers[0];
  const tol = numbers[1];
  let below = numbers[3];
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
  for (let q = 0; q < c; ) {
    const v = candScore[q];
    let eq = 0;
    while (q < c && candScore[q] === v) eq += candStake[q++];
    const at = below + eq;
    if (at > minority) {
      if (!(at > minority + tol)) return false;
      if (anyBelow && !(below < minority - tol)) return false;
      numbers[2] = v;
      return true;
    }
    below = at;
    anyBelow = true;
  }
  return false;
}

/**
 * Whether every score of the column is finite, ≥ +0 and not −0: no high word has its sign bit set or
 * an all-ones exponent (NaN, ∞).
 */
export function cleanColumn(hi: Int32Array, off: number, m: number): boolean {
  let sign = 0;
  let top = 0;
  for (let k = 0, q = 2 * off + 1; k < m; k++, q += 2) {
    const h = hi[q];
    sign |= h;
    top |= +((h & 0x7ff00000) === 0x7ff00000);
  }
  return sign >= 0 && top === 0;
}
