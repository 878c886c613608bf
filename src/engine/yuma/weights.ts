import type { EpochInput } from './types.ts';
import { scratchF64, scratchU8, type YumaWorkspace } from './workspace.ts';

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
  workspace?: YumaWorkspace,
): SparseDense {
  const { n, weights, weightsPresent, lastUpdate, blockAtRegistration: reg, commitBlock } = input;
  const m = rows.length;
  // Every entry is written: workspace buffers come back holding the previous epoch's values.
  const values = scratchF64(workspace, 'maskedValues', m * n);
  const present = scratchU8(workspace, 'maskedPresent', m * n);
  for (let r = 0; r < m; r++) {
    const i = rows[r];
    const base = r * n;
    if (permit[i] !== 1) {
      values.fill(0, base, base + n); // 1. no permit → row deleted
      present.fill(0, base, base + n);
      continue;
    }
    const updated = lastUpdate[i];
    const committed = commitBlock === undefined ? Number.POSITIVE_INFINITY : commitBlock[i];
    const src = i * n;
    let sum = 0; // 5. the row sum, adding the entries in column order as rowNormalizeInPlace does
    for (let j = 0; j < n; j++) {
      const k = base + j;
      const kept =
        weightsPresent[src + j] !== 0 &&
        !(i === j && i !== ownerUid) && // 2. self-weight
        !(updated <= reg[j]) && // 3. outdated
        !(committed < reg[j]); // 4. commit older than the occupant
      const v = kept ? Math.max(weights[src + j], 0) : 0;
      values[k] = v;
      present[k] = kept ? 1 : 0;
      sum += v;
    }
    if (sum === 0) continue; // 5. a zero-sum row stays as is
    // 0 / sum is +0 again for sum > 0 (entries are never −0), so zeros skip the division.
    if (sum > 0) {
      for (let k = base; k < base + n; k++) if (values[k] !== 0) values[k] /= sum;
    } else {
      for (let k = base; k < base + n; k++) values[k] /= sum;
    }
  }
  return { values, present };
}
