/**
 * The epoch's row space. Only validator rows can carry weights or bonds: a row of W survives §3.5
 * only with a permit, and bonds exist only in rows written by earlier epochs. The stages therefore
 * work on m×n matrices over these m "rows in play" (m ≤ n, typically the ≤ K permitted validators),
 * which keeps a 256-uid epoch with 64 validators to a quarter of the dense work and memory.
 * Row r of an m×n matrix is uid rows[r]; columns are all n uids.
 */

/**
 * uids (ascending) that are permitted for masking or hold a non-zero stored bond. With
 * `bondsInPermittedRows` (EpochInput's hint: bonds only in rows whose previous permit is set, and every
 * such row is permitted for masking) the permitted rows are the answer and `storedBonds` is not read.
 */
export function rowsInPlay(
  permit: Uint8Array,
  storedBonds: Float64Array,
  n: number,
  bondsInPermittedRows = false,
): Int32Array {
  const inPlay = new Uint8Array(n);
  let m = 0;
  if (bondsInPermittedRows) {
    for (let i = 0; i < n; i++) m += inPlay[i] = permit[i];
  } else {
    const words = new Int32Array(storedBonds.buffer, storedBonds.byteOffset, storedBonds.length * 2);
    for (let i = 0; i < n; i++) {
      m += inPlay[i] = permit[i] === 1 || holdsBond(words, i * n, i * n + n) ? 1 : 0;
    }
  }
  const rows = new Int32Array(m);
  for (let i = 0, r = 0; i < n; i++) if (inPlay[i] === 1) rows[r++] = i;
  return rows;
}

/**
 * Whether entries [from, to) of the float64 matrix seen as 32-bit `words` hold one ≠ 0 (−0 counts as
 * 0, NaN as non-zero, as with !== 0). Every epoch reads the ~n − K rows of miners, which hold no
 * bonds, to the end: OR-ing the bits (sign bit masked off) four entries at a time keeps that cheap.
 * Little-endian: entry k is words 2k (low) and 2k + 1 (high, with the sign).
 */
function holdsBond(words: Int32Array, from: number, to: number): boolean {
  let k = from;
  for (const end = to - ((to - from) % 4); k < end; k += 4) {
    const q = 2 * k;
    const bits =
      words[q] |
      (words[q + 1] & 0x7fffffff) |
      words[q + 2] |
      (words[q + 3] & 0x7fffffff) |
      words[q + 4] |
      (words[q + 5] & 0x7fffffff) |
      words[q + 6] |
      (words[q + 7] & 0x7fffffff);
    if (bits !== 0) return true;
  }
  for (; k < to; k++) if ((words[2 * k] | (words[2 * k + 1] & 0x7fffffff)) !== 0) return true;
  return false;
}

/** v restricted to the rows in play (length m). */
export function gatherRows(v: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = v[rows[r]];
  return out;
}

/** A per-row vector (length m) spread back to all n uids, 0 elsewhere. */
export function scatterRows(vRows: Float64Array, rows: Int32Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let r = 0; r < rows.length; r++) out[rows[r]] = vRows[r];
  return out;
}
