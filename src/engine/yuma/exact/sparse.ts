import { add, div, type I32F32, mul } from '../../fixed/i32f32.ts';

/**
 * The chain's sparse matrices (subtensor `epoch/math.rs`): one row per uid, each a list of
 * (column, I32F32) entries in ascending column order. Explicit zeros are entries.
 */
export interface SparseRow {
  cols: number[];
  vals: I32F32[];
}
export type SparseMatrix = SparseRow[];

export function emptyRow(): SparseRow {
  return { cols: [], vals: [] };
}

/** Σ of a vector (the chain's `iter().sum()`; exact, no rounding in fixed-point addition). */
export function sum(x: readonly I32F32[]): I32F32 {
  let s = 0n;
  for (const v of x) s = add(s, v);
  return s;
}

/** `inplace_normalize`: x_i / Σx (safe_div, truncating) when Σx ≠ 0, else unchanged. Returns a copy. */
export function normalize(x: readonly I32F32[]): I32F32[] {
  const s = sum(x);
  if (s === 0n) return x.slice();
  return x.map((v) => div(v, s));
}

/** `inplace_row_normalize_sparse`: each row divided by its sum when the sum is > 0. In place. */
export function rowNormalize(m: SparseMatrix): void {
  for (const row of m) {
    const s = sum(row.vals);
    if (s > 0n) for (let k = 0; k < row.vals.length; k++) row.vals[k] = div(row.vals[k], s);
  }
}

/** `inplace_col_normalize_sparse`: each entry divided by its column's sum when that sum is ≠ 0. In place. */
export function colNormalize(m: SparseMatrix, n: number): void {
  const colSum: I32F32[] = new Array(n).fill(0n);
  for (const row of m)
    for (let k = 0; k < row.cols.length; k++) colSum[row.cols[k]] = add(colSum[row.cols[k]], row.vals[k]);
  for (const row of m) {
    for (let k = 0; k < row.cols.length; k++) {
      const s = colSum[row.cols[k]];
      if (s !== 0n) row.vals[k] = div(row.vals[k], s);
    }
  }
}

/** `inplace_col_max_upscale_sparse`: each entry divided by its column's max when that max is ≠ 0. In place. */
export function colMaxUpscale(m: SparseMatrix, n: number): void {
  const colMax: I32F32[] = new Array(n).fill(0n);
  for (const row of m)
    for (let k = 0; k < row.cols.length; k++)
      if (colMax[row.cols[k]] < row.vals[k]) colMax[row.cols[k]] = row.vals[k];
  for (const row of m) {
    for (let k = 0; k < row.cols.length; k++) {
      const mx = colMax[row.cols[k]];
      if (mx !== 0n) row.vals[k] = div(row.vals[k], mx);
    }
  }
}

/** `row_sum_sparse`: Σ_j m_ij per row. */
export function rowSum(m: SparseMatrix): I32F32[] {
  return m.map((row) => sum(row.vals));
}

/** `matmul_sparse`: r_j = Σ_i v_i · m_ij (floor products). */
export function matmulCols(m: SparseMatrix, v: readonly I32F32[], n: number): I32F32[] {
  const r: I32F32[] = new Array(n).fill(0n);
  m.forEach((row, i) => {
    const scale = v[i];
    for (let k = 0; k < row.cols.length; k++) r[row.cols[k]] = add(r[row.cols[k]], mul(scale, row.vals[k]));
  });
  return r;
}

/** `matmul_transpose_sparse`: r_i = Σ_j v_j · m_ij (floor products). */
export function matmulRows(m: SparseMatrix, v: readonly I32F32[]): I32F32[] {
  return m.map((row) => {
    let acc = 0n;
    for (let k = 0; k < row.cols.length; k++) acc = add(acc, mul(v[row.cols[k]], row.vals[k]));
    return acc;
  });
}

/** A row as a dense array of n values (absent → 0). */
export function densify(row: SparseRow, n: number): I32F32[] {
  const out: I32F32[] = new Array(n).fill(0n);
  for (let k = 0; k < row.cols.length; k++) out[row.cols[k]] = row.vals[k];
  return out;
}

export function cloneMatrix(m: SparseMatrix): SparseMatrix {
  return m.map((row) => ({ cols: row.cols.slice(), vals: row.vals.slice() }));
}
