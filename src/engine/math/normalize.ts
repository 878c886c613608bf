/**
 * Normalisations of per-uid vectors and of dense row-major matrices (spec §3, "normalise v").
 * Every function here is total: a vector, row or column whose sum (or max) is 0 is left unchanged,
 * exactly as the chain's `inplace_normalize`, `inplace_row_normalize_sparse`,
 * `inplace_col_normalize_sparse` and `inplace_col_max_upscale_sparse` do.
 */

/** v ← v / Σv. Rule: sum 0 → unchanged. Returns v. */
export function normalizeInPlace(v: Float64Array): Float64Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i];
  if (sum === 0) return v;
  for (let i = 0; i < v.length; i++) v[i] /= sum;
  return v;
}

/** Each row of a rows×cols matrix divided by its sum. Rule: row sum 0 → row unchanged. Returns m. */
export function rowNormalizeInPlace(m: Float64Array, rows: number, cols: number): Float64Array {
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += m[base + j];
    if (sum === 0) continue;
    for (let j = 0; j < cols; j++) m[base + j] /= sum;
  }
  return m;
}

/** Σ over rows of each column of a rows×cols matrix (written into out, length cols). */
export function colSumsInto(m: Float64Array, rows: number, cols: number, out: Float64Array): Float64Array {
  out.fill(0);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) out[j] += m[base + j];
  }
  return out;
}

/** Each column divided by its sum (Σ_i m_ij = 1). Rule: column sum 0 → column unchanged. Returns m. */
export function colNormalizeInPlace(m: Float64Array, rows: number, cols: number): Float64Array {
  const sums = colSumsInto(m, rows, cols, new Float64Array(cols));
  return divideColumnsInPlace(m, rows, cols, sums);
}

/**
 * Each column divided by its maximum (the column max becomes 1), as the chain does before storing
 * original-Yuma bonds. Rule: column max ≤ 0 → column unchanged. Returns m.
 */
export function colMaxUpscaleInPlace(m: Float64Array, rows: number, cols: number): Float64Array {
  const max = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) if (m[base + j] > max[j]) max[j] = m[base + j];
  }
  return divideColumnsInPlace(m, rows, cols, max);
}

/** m_ij ← m_ij / d_j. Rule: divide by d_j ≤ 0 → column unchanged. */
function divideColumnsInPlace(m: Float64Array, rows: number, cols: number, d: Float64Array): Float64Array {
  // Multiplying by a precomputed reciprocal would differ from a true division in the last bit;
  // division keeps x/x exactly 1, which the u16 storage (⌊1·65535⌋ = 65535) relies on.
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      if (d[j] > 0) m[base + j] /= d[j];
    }
  }
  return m;
}
