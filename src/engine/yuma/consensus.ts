import { weightedMedianCol } from '../math/weighted-median.ts';
import type { SparseDense } from './sparse-dense.ts';
import { scratchF64, type YumaWorkspace } from './workspace.ts';

// Matrices here are m×n over the rows in play (rows.ts); `activeRows` is A restricted to those rows,
// which loses nothing since A is 0 outside the permitted rows.

/**
 * §3.6 Consensus: per column, the κ stake-weighted median of the weights of validators with A > 0
 * (a missing entry votes 0, so permitted active validators without weights pull consensus down, Q3).
 */
export function consensusOf(
  activeRows: Float64Array,
  w: SparseDense,
  n: number,
  kappa: number,
  workspace?: YumaWorkspace,
): Float64Array {
  const scratch = workspace === undefined ? undefined : scratchF64(workspace, 'medianT', w.values.length);
  const out = new Float64Array(n);
  return weightedMedianCol(
    activeRows,
    w.values,
    activeRows.length,
    n,
    kappa,
    out,
    scratch,
    w.finite === true,
    workspace?.median,
  );
}
