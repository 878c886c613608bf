import { fromInt } from '../../fixed/i32f32.ts';
import type { EpochInput } from '../types.ts';
import { rowNormalize, type SparseMatrix } from './sparse.ts';

/**
 * §3.5 Weights (exact, chain sparse path): stored u16 rows as I32F32 integers; delete rows without a
 * (previous-epoch) permit, the diagonal (except the owner's self-weight), outdated entries
 * (last_update[i] ≤ reg[j]), with commit-reveal entries whose earliest unexpired commit is older than
 * reg[j]; then row-normalise (safe_div, truncating) where the row sum is > 0. Explicit zeros stay.
 */
export function maskWeightsExact(input: EpochInput, permit: Uint8Array, ownerUid: number): SparseMatrix {
  const { n, weights, weightsPresent, lastUpdate, blockAtRegistration: reg, commitBlock } = input;
  const m: SparseMatrix = [];
  for (let i = 0; i < n; i++) {
    const row = { cols: [] as number[], vals: [] as bigint[] };
    m.push(row);
    if (permit[i] !== 1) continue;
    const committed = commitBlock === undefined ? Number.POSITIVE_INFINITY : commitBlock[i];
    for (let j = 0, src = i * n; j < n; j++) {
      if (weightsPresent[src + j] === 0) continue;
      if (i === j && i !== ownerUid) continue;
      if (lastUpdate[i] <= reg[j]) continue;
      if (committed < reg[j]) continue;
      row.cols.push(j);
      row.vals.push(fromInt(Math.max(0, Math.round(weights[src + j]))));
    }
  }
  rowNormalize(m);
  return m;
}
