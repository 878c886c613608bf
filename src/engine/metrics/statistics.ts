/**
 * Small descriptive statistics over typed arrays. Degenerate input gives 0, never NaN or a throw.
 * Each takes the length to read and a scratch, so a run's epochs reuse the same buffers: a sorted
 * copy and its index arrays made at every epoch were a sixth of a sweep run's garbage.
 */

/**
 * Buffers reused from call to call; each only grows (gini and spearman ask for different lengths, so
 * re-making it at every change of length re-made it at nearly every epoch). Only the first n are read.
 */
export interface StatisticsScratch {
  sorted: Float64Array;
  xRanks: Float64Array;
  yRanks: Float64Array;
}

export function createStatisticsScratch(): StatisticsScratch {
  return { sorted: new Float64Array(0), xRanks: new Float64Array(0), yRanks: new Float64Array(0) };
}

/** The first `n` values sorted ascending (numeric order), in the scratch. */
function sortedCopy(values: ArrayLike<number>, n: number, scratch: StatisticsScratch): Float64Array {
  if (scratch.sorted.length < n) scratch.sorted = new Float64Array(n);
  const sorted = scratch.sorted.subarray(0, n);
  for (let i = 0; i < n; i++) sorted[i] = values[i];
  return sorted.sort();
}

/** Gini coefficient of non-negative values (0 = equal, → 1 = one holds all); empty or all-zero → 0. */
export function gini(
  values: ArrayLike<number>,
  n = values.length,
  scratch: StatisticsScratch = createStatisticsScratch(),
): number {
  const sorted = sortedCopy(values, n, scratch);
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    sum += sorted[i];
    weighted += (i + 1) * sorted[i];
  }
  if (n === 0 || sum <= 0) return 0;
  return (2 * weighted) / (n * sum) - (n + 1) / n;
}

/**
 * Average ranks (ties share the mean rank), 1-based, of the first `n` values into `out`: a value's
 * equal run in the sorted copy spans [first, past), so its rank is (first + past − 1) / 2 + 1.
 */
function ranks(values: ArrayLike<number>, n: number, out: Float64Array, scratch: StatisticsScratch): void {
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) {
      ranksWithNaN(values, n, out);
      return;
    }
  }
  const sorted = sortedCopy(values, n, scratch);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = (first + lo - 1) / 2 + 1;
  }
}

/**
 * The same by a stable sort of the indices, where a NaN compares equal to everything: what ranks
 * always did, kept for that case (no equal runs to search for there).
 */
function ranksWithNaN(values: ArrayLike<number>, n: number, out: Float64Array): void {
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  for (let i = 0; i < n; ) {
    let k = i;
    while (k + 1 < n && values[order[k + 1]] === values[order[i]]) k++;
    const rank = (i + k) / 2 + 1;
    for (let m = i; m <= k; m++) out[order[m]] = rank;
    i = k + 1;
  }
}

/** Pearson correlation of the first `n` pairs; fewer than 2 points or zero variance → 0. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>, n = x.length): number {
  if (n < 2) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Spearman rank correlation of the first `n` pairs (Pearson on average ranks). */
export function spearman(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  n = x.length,
  scratch: StatisticsScratch = createStatisticsScratch(),
): number {
  if (scratch.xRanks.length < n) {
    scratch.xRanks = new Float64Array(n);
    scratch.yRanks = new Float64Array(n);
  }
  ranks(x, n, scratch.xRanks, scratch);
  ranks(y, n, scratch.yRanks, scratch);
  return pearson(scratch.xRanks, scratch.yRanks, n);
}
