import { createWeightedMedianBuffers, type WeightedMedianBuffers } from '../math/weighted-median.ts';

/**
 * Optional scratch for `runEpoch(input, params, workspace)`. A simulation runs thousands of epochs of
 * the same subnet; allocating the m×n matrices and the n×n bond output afresh each time cost ~15–19 %
 * of an epoch (allocation, zeroing and the GC pauses it causes). A workspace keeps them between calls.
 *
 * Buffers grow to the largest size asked for and are handed out as views of the exact length, so a
 * changing number of rows in play (m) or uids (n) does not re-allocate every epoch. Their contents on
 * hand-out are unspecified: a stage that takes one writes every entry.
 */
export interface YumaWorkspace {
  f64: Map<string, Float64Array>;
  u8: Map<string, Uint8Array>;
  /** The consensus median's working arrays (weighted-median.ts). */
  median: WeightedMedianBuffers;
  /** The n×n bond output, reused; only rows marked in `bondRows` can be non-zero (bondOutput). */
  bonds: Float64Array;
  bondRows: Uint8Array;
}

export function createYumaWorkspace(): YumaWorkspace {
  return {
    f64: new Map(),
    u8: new Map(),
    median: createWeightedMedianBuffers(),
    bonds: new Float64Array(0),
    bondRows: new Uint8Array(0),
  };
}

/** A Float64Array of `len` entries: fresh (zeroed) without a workspace, else a reused view (contents unspecified). */
export function scratchF64(ws: YumaWorkspace | undefined, key: string, len: number): Float64Array {
  if (ws === undefined) return new Float64Array(len);
  let buf = ws.f64.get(key);
  if (buf === undefined || buf.length < len) {
    buf = new Float64Array(len);
    ws.f64.set(key, buf);
  }
  return buf.length === len ? buf : buf.subarray(0, len);
}

/** As scratchF64, for a Uint8Array. */
export function scratchU8(ws: YumaWorkspace | undefined, key: string, len: number): Uint8Array {
  if (ws === undefined) return new Uint8Array(len);
  let buf = ws.u8.get(key);
  if (buf === undefined || buf.length < len) {
    buf = new Uint8Array(len);
    ws.u8.set(key, buf);
  }
  return buf.length === len ? buf : buf.subarray(0, len);
}

/**
 * The n×n stored-bonds output: zero except in the rows about to be written — uid rows[r] with
 * newPermit = 1, whose every entry the caller then writes (they may hold old values until it does).
 * With a workspace it is the previous call's output with the other rows that call wrote cleared
 * again (the caller was told not to write into results): only the ~K validator rows ever hold bonds,
 * so neither the whole n×n matrix nor the rows rewritten anyway are zeroed every epoch.
 */
export function bondOutput(
  ws: YumaWorkspace | undefined,
  n: number,
  rows: Int32Array,
  newPermit: Uint8Array,
): Float64Array {
  if (ws === undefined) return new Float64Array(n * n);
  if (ws.bondRows.length !== n) {
    ws.bonds = new Float64Array(n * n);
    ws.bondRows = new Uint8Array(n);
  }
  const written = new Uint8Array(n);
  for (let r = 0; r < rows.length; r++) if (newPermit[rows[r]] === 1) written[rows[r]] = 1;
  for (let i = 0; i < n; i++)
    if (ws.bondRows[i] === 1 && written[i] === 0) ws.bonds.fill(0, i * n, i * n + n);
  ws.bondRows = written;
  return ws.bonds;
}
