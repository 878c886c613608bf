import { onDemand, type SparseDense } from './sparse-dense.ts';
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
  const wValues = w.values;
  const cValues = clipped.values;
  // Every entry is written: workspace buffers come back holding the previous epoch's values.
  const values = scratchF64(workspace, 'bondWeightsValues', size);
  for (let k = 0; k < size; k++) {
    const v = wValues[k] + beta * (cValues[k] - wValues[k]);
    values[k] = v > 0 ? v : 0;
  }
  // Only entries > 0 are kept, so the pattern is values > 0.
  const present = onDemand(() => {
    const out = scratchU8(workspace, 'bondWeightsPresent', size);
    for (let k = 0; k < size; k++) out[k] = values[k] > 0 ? 1 : 0;
    return out;
  });
  return { values, present, absentZero: true };
}
