/**
 * The epoch's row space. Only validator rows can carry weights or bonds: a row of W survives §3.5
 * only with a permit, and bonds exist only in rows written by earlier epochs. The stages therefore
 * work on m×n matrices over these m "rows in play" (m ≤ n, typically the ≤ K permitted validators),
 * which keeps a 256-uid epoch with 64 validators to a quarter of the dense work and memory.
 * Row r of an m×n matrix is uid rows[r]; columns are all n uids.
 */

/** uids (ascending) that are permitted for masking or hold a non-zero stored bond. */
export function rowsInPlay(permit: Uint8Array, storedBonds: Float64Array, n: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (permit[i] === 1 || holdsBond(storedBonds, i * n, i * n + n)) out.push(i);
  return Int32Array.from(out);
}

/**
 * Whether stored[from..to) has an entry ≠ 0 (−0 counts as 0). Every epoch reads the ~n − K rows of
 * miners, which hold no bonds, to the end: testing four entries per iteration halves that scan.
 */
function holdsBond(stored: Float64Array, from: number, to: number): boolean {
  let k = from;
  for (const end = to - ((to - from) % 4); k < end; k += 4) {
    if (stored[k] !== 0 || stored[k + 1] !== 0 || stored[k + 2] !== 0 || stored[k + 3] !== 0) return true;
  }
  for (; k < to; k++) if (stored[k] !== 0) return true;
  return false;
}

/** v restricted to the rows in play (length m). */
export function gatherRows(v: Float64Array, rows: Int32Array): Float64Array {
  return Float64Array.from(rows, (i) => v[i]);
}

/** A per-row vector (length m) spread back to all n uids, 0 elsewhere. */
export function scatterRows(vRows: Float64Array, rows: Int32Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let r = 0; r < rows.length; r++) out[rows[r]] = vRows[r];
  return out;
}
