import type { SparseDense } from './weights.ts';

/**
 * §3.10 Weights used for bonds: W̃ = W + β·(W̄ − W) (chain `interpolate_sparse`).
 * β = 0 → W itself and β = 1 → W̄ itself, sparsity pattern included (explicit zeros stay entries);
 * otherwise only entries > 0 are kept. The returned object may share arrays with its inputs: treat it
 * as read-only.
 */
export function weightsForBonds(w: SparseDense, clipped: SparseDense, beta: number): SparseDense {
  if (beta === 0) return w;
  if (beta === 1) return clipped;
  const size = w.values.length;
  const values = new Float64Array(size);
  const present = new Uint8Array(size);
  for (let k = 0; k < size; k++) {
    const v = w.values[k] + beta * (clipped.values[k] - w.values[k]);
    if (v > 0) {
      values[k] = v;
      present[k] = 1;
    }
  }
  return { values, present };
}
