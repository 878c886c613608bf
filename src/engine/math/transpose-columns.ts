/**
 * The transposed copy the column-wise κ-median reads (weighted-median.ts): reading a row-major matrix
 * down a column (a 2 KiB stride at 256 columns) maps every row to the same few cache sets, so the
 * voters' rows are copied into t (t[j·m + k] = scores[voters[k]·cols + j]) once, four columns at a
 * time (each row's four scores share a cache line), and each column's smallest and largest score are
 * taken on the way. NaN never becomes a minimum or maximum; callers that may see one check for it.
 */
export function transposeColumns(
  scores: Float64Array,
  voters: Int32Array,
  cols: number,
  t: Float64Array,
  mins: Float64Array,
  maxs: Float64Array,
): void {
  const m = voters.length;
  let j0 = 0;
  for (; j0 + 4 <= cols; j0 += 4) transposeFour(scores, voters, cols, t, mins, maxs, j0);
  for (; j0 < cols; j0++) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < m; k++) {
      const x = scores[voters[k] * cols + j0];
      t[j0 * m + k] = x;
      lo = x < lo ? x : lo;
      hi = x > hi ? x : hi;
    }
    mins[j0] = lo;
    maxs[j0] = hi;
  }
}

/** Columns j0 … j0 + 3 (written out: a loop over the four would cost V8 about as much again). */
function transposeFour(
  scores: Float64Array,
  voters: Int32Array,
  cols: number,
  t: Float64Array,
  mins: Float64Array,
  maxs: Float64Array,
  j0: number,
): void {
  const m = voters.length;
  let lo0 = Number.POSITIVE_INFINITY;
  let lo1 = lo0;
  let lo2 = lo0;
  let lo3 = lo0;
  let hi0 = Number.NEGATIVE_INFINITY;
  let hi1 = hi0;
  let hi2 = hi0;
  let hi3 = hi0;
  for (let k = 0; k < m; k++) {
    const s = voters[k] * cols + j0;
    const d = j0 * m + k;
    const x0 = scores[s];
    const x1 = scores[s + 1];
    const x2 = scores[s + 2];
    const x3 = scores[s + 3];
    t[d] = x0;
    t[d + m] = x1;
    t[d + 2 * m] = x2;
    t[d + 3 * m] = x3;
    lo0 = x0 < lo0 ? x0 : lo0;
    hi0 = x0 > hi0 ? x0 : hi0;
    lo1 = x1 < lo1 ? x1 : lo1;
    hi1 = x1 > hi1 ? x1 : hi1;
    lo2 = x2 < lo2 ? x2 : lo2;
    hi2 = x2 > hi2 ? x2 : hi2;
    lo3 = x3 < lo3 ? x3 : lo3;
    hi3 = x3 > hi3 ? x3 : hi3;
  }
  mins[j0] = lo0;
  mins[j0 + 1] = lo1;
  mins[j0 + 2] = lo2;
  mins[j0 + 3] = lo3;
  maxs[j0] = hi0;
  maxs[j0 + 1] = hi1;
  maxs[j0 + 2] = hi2;
  maxs[j0 + 3] = hi3;
}
