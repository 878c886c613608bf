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
  for (let i = 0; i < n; i++) {
    let inPlay = permit[i] === 1;
    for (let j = 0, base = i * n; !inPlay && j < n; j++) inPlay = storedBonds[base + j] !== 0;
    if (inPlay) out.push(i);
  }
  return Int32Array.from(out);
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
