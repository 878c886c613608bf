import type { SparseDense } from './weights.ts';
import { scratchF64, scratchU8, type YumaWorkspace } from './workspace.ts';

/**
 * §3.10 Weights used for bonds: W̃ = W + β·(W̄ − W) (chain `interpolate_sparse`).
 * β = 0 → W itself and β = 1 → W̄ itself, sparsity pattern included (explicit zeros stay entries);
 * otherwise only entries > 0 are kept. The returned object may share arrays with its inputs: treat it
 * as read-only.
 */
export function weightsForBonds(
  w: SparseDense,
  clipped: SparseDense,
  beta: number,
  workspace?: YumaWorkspace,
): SparseDense {
  if (beta === 0) return w;
  if (beta === 1) return clipped;
  const size = w.values.length;
  // Every entry is written: workspace buffers come back holding the previous epoch's values.
  const values = scratchF64(workspace, 'bondWeightsValues', size);
  const present = scratchU8(workspace, 'bondWeightsPresent', size);
  for (let k = 0; k < size; k++) {
    const v = w.values[k] + beta * (clipped.values[k] - w.values[k]);
    values[k] = v > 0 ? v : 0;
    present[k] = v > 0 ? 1 : 0;
  }
  return { values, present };
}
