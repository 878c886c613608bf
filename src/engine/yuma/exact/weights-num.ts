import { intRatioRaw } from '../../fixed/i32f32-num.ts';
import { rowsInPlay } from '../rows.ts';
import type { EpochInput } from '../types.ts';
import type { DenseRows } from './dense.ts';

/** Largest stored value (weight or bond) the fast exact epoch takes: the chain's u16. */
export const U16_MAX = 65535;

/** The rows in play (rows.ts): uids permitted for masking or holding a stored bond (only they have W or B entries). */
export function rowsInPlayExact(permit: Uint8Array, storedBonds: Float64Array, n: number): DenseRows {
  const rows = rowsInPlay(permit, storedBonds, n);
  return { m: rows.length, n, rows };
}

/** Masked weights: raw I32F32 values and the entries' pattern (explicit zeros are entries). */
export interface MaskedWeights {
  w: Float64Array;
  present: Uint8Array;
}

/**
 * §3.5 (as maskWeightsExact in weights.ts) on the rows in play. Entries are u16 integers u, so the
 * chain's fromInt(u)/Σ fromInt(u) is ⌊u·2³²/Σu⌋ (intRatioRaw). Undefined when a weight is not ≤ 65535 (outside the chain's u16):
 * the caller then runs the bigint epoch (also for a row sum ≥ 2³¹, n > 32 768).
 */
export function maskWeightsNum(
  input: EpochInput,
  permit: Uint8Array,
  ownerUid: number,
  d: DenseRows,
): MaskedWeights | undefined {
  const { n, weights, weightsPresent, lastUpdate, blockAtRegistration: reg, commitBlock } = input;
  const w = new Float64Array(d.m * n);
  const present = new Uint8Array(d.m * n);
  for (let r = 0; r < d.m; r++) {
    const i = d.rows[r];
    if (permit[i] !== 1) continue;
    const committed = commitBlock === undefined ? Number.POSITIVE_INFINITY : commitBlock[i];
    const last = lastUpdate[i];
    let total = 0;
    for (let j = 0, src = i * n, o = r * n; j < n; j++) {
      if (weightsPresent[src + j] === 0) continue;
      if (i === j && i !== ownerUid) continue;
      if (last <= reg[j] || committed < reg[j]) continue;
      const u = Math.max(0, Math.round(weights[src + j]));
      if (!(u <= U16_MAX)) return undefined;
      present[o + j] = 1;
      w[o + j] = u;
      total += u;
    }
    if (total >= 2 ** 31) return undefined; // the chain's I32F32 row sum would saturate
    if (total > 0) for (let j = 0, o = r * n; j < n; j++) w[o + j] = intRatioRaw(w[o + j], total);
  }
  return { w, present };
}
