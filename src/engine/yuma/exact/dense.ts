import { divByRaw, divRaw, mulRaw, TWO32 } from '../../fixed/i32f32-num.ts';

/**
 * The fast exact epoch's matrices: dense m×n Float64Array of I32F32 raw bits (i32f32-num.ts) over the
 * m rows in play (row r is uid rows[r]; columns are all n uids). Rows outside play have no weights and
 * no bonds, so all their entries are 0 in every stage. An absent sparse entry is a 0 here: the chain's
 * sparse operations give an absent entry and a stored 0 the same value everywhere except in sparse
 * liquid alpha, which reads W̃'s pattern (kept apart as a mask). Raw values stay ≤ 2³⁴ (fractions, per
 * stage comments), so sums of ≤ 2¹⁸ of them are exact: no saturation, order-free.
 */
export interface DenseRows {
  m: number;
  n: number;
  /** uid of each row in play, ascending. */
  rows: Int32Array;
}

/** Σ of a vector (exact). */
export function sumNum(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/** `inplace_normalize`: x_i / Σx (truncating) when Σx ≠ 0. In place. */
export function normalizeNum(x: Float64Array): Float64Array {
  const s = sumNum(x);
  if (s !== 0) for (let i = 0; i < x.length; i++) x[i] = divRaw(x[i], s);
  return x;
}

/** Column sums of an m×n matrix. */
export function colSums(a: Float64Array, d: DenseRows): Float64Array {
  const s = new Float64Array(d.n);
  for (let r = 0, o = 0; r < d.m; r++, o += d.n) for (let j = 0; j < d.n; j++) s[j] += a[o + j];
  return s;
}

/**
 * Each entry divided by `by[j]` of its column where that is ≠ 0 (`inplace_col_normalize_sparse` with
 * column sums, `inplace_col_max_upscale_sparse` with column maxima). Zeros stay 0. In place.
 */
export function colDivide(a: Float64Array, by: Float64Array, d: DenseRows): void {
  const inv = by.map((y) => TWO32 / y);
  for (let r = 0, o = 0; r < d.m; r++, o += d.n)
    for (let j = 0; j < d.n; j++) {
      const v = a[o + j];
      if (v !== 0 && by[j] !== 0) a[o + j] = divByRaw(v, by[j], inv[j]);
    }
}

/** `matmul_transpose_sparse` per row in play: Σ_j v_j · a_rj (floor products), length m. */
export function matmulRowsNum(a: Float64Array, v: Float64Array, d: DenseRows): Float64Array {
  const out = new Float64Array(d.m);
  for (let r = 0, o = 0; r < d.m; r++, o += d.n) {
    let acc = 0;
    for (let j = 0; j < d.n; j++) {
      const x = a[o + j];
      if (x !== 0) acc += mulRaw(v[j], x);
    }
    out[r] = acc;
  }
  return out;
}

/**
 * matmulRowsNum of `a` column-normalised by `colSum` (entries of a column with sum 0 unchanged), without
 * materialising the normalised copy: same divisions, same floor products.
 */
export function matmulRowsColNormalizedNum(
  a: Float64Array,
  colSum: Float64Array,
  v: Float64Array,
  d: DenseRows,
): Float64Array {
  const out = new Float64Array(d.m);
  const inv = colSum.map((y) => TWO32 / y);
  for (let r = 0, o = 0; r < d.m; r++, o += d.n) {
    let acc = 0;
    for (let j = 0; j < d.n; j++) {
      const x = a[o + j];
      if (x !== 0) acc += mulRaw(v[j], colSum[j] !== 0 ? divByRaw(x, colSum[j], inv[j]) : x);
    }
    out[r] = acc;
  }
  return out;
}

/** `matmul_sparse`: r_j = Σ_rows v_uid · a_rj (floor products), v indexed by uid, length n. */
export function matmulColsNum(a: Float64Array, v: Float64Array, d: DenseRows): Float64Array {
  const out = new Float64Array(d.n);
  for (let r = 0, o = 0; r < d.m; r++, o += d.n) {
    const s = v[d.rows[r]];
    if (s === 0) continue;
    for (let j = 0; j < d.n; j++) {
      const x = a[o + j];
      if (x !== 0) out[j] += mulRaw(s, x);
    }
  }
  return out;
}

/** A per-row vector (length m) spread to all n uids, 0 elsewhere. */
export function scatterNum(v: Float64Array, d: DenseRows): Float64Array {
  const out = new Float64Array(d.n);
  for (let r = 0; r < d.m; r++) out[d.rows[r]] = v[r];
  return out;
}
