import { rowNormalizeInPlace } from '../math/normalize.ts';
import type { EpochInput } from './types.ts';

/**
 * A dense m×n matrix over the rows in play (see rows.ts) with its sparsity pattern: explicit zeros
 * are entries (spec §3.5), which matters for Yuma3 liquid alpha (§3.11, quirk Q1).
 */
export interface SparseDense {
  /** m×n values, 0 where absent. */
  values: Float64Array;
  /** m×n → 1 where the entry exists (an entry may hold 0). */
  present: Uint8Array;
}

/**
 * §3.5 Weights: start from the stored u16 rows and
 * 1. delete rows of uids without a (previous-epoch) permit;
 * 2. delete the diagonal, except the owner's own self-weight;
 * 3. delete (i, j) if last_update[i] ≤ reg[j] (i has not re-submitted since j's occupant registered);
 * 4. with commit-reveal, delete (i, j) if i's earliest unexpired commit is older than reg[j];
 * 5. row-normalise (a zero-sum row stays as is; explicit zeros stay entries, which matters in §3.11).
 * An input entry whose weightsPresent is 0 is absent whatever its value. Returns the m×n matrix of
 * the rows in play (every permitted uid is one of them).
 */
export function maskWeights(
  input: EpochInput,
  permit: Uint8Array,
  ownerUid: number,
  rows: Int32Array,
): SparseDense {
  const { n, weights, weightsPresent, lastUpdate, blockAtRegistration: reg, commitBlock } = input;
  const m = rows.length;
  const values = new Float64Array(m * n);
  const present = new Uint8Array(m * n);
  for (let r = 0; r < m; r++) {
    const i = rows[r];
    if (permit[i] !== 1) continue; // 1. no permit → row deleted
    const updated = lastUpdate[i];
    const committed = commitBlock === undefined ? Number.POSITIVE_INFINITY : commitBlock[i];
    const src = i * n;
    const base = r * n;
    for (let j = 0; j < n; j++) {
      const k = base + j;
      if (weightsPresent[src + j] === 0) continue;
      if (i === j && i !== ownerUid) continue; // 2. self-weight
      if (updated <= reg[j]) continue; // 3. outdated
      if (committed < reg[j]) continue; // 4. commit older than the occupant
      const w = weights[src + j];
      values[k] = Math.max(w, 0);
      present[k] = 1;
    }
  }
  rowNormalizeInPlace(values, m, n);
  return { values, present };
}
