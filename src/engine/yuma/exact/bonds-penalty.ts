import { add, type I32F32, mul, ONE, sub } from '../../fixed/i32f32.ts';
import { densify, type SparseMatrix } from './sparse.ts';

/**
 * §3.10 Weights for bonds (exact, chain `interpolate_sparse`): β = 0 → W, β = 1 → W̄ (patterns
 * included); otherwise W̃_ij = W_ij + β·(W̄_ij − W_ij) over all columns, keeping entries > 0.
 */
export function weightsForBondsExact(
  w: SparseMatrix,
  clipped: SparseMatrix,
  beta: I32F32,
  n: number,
): SparseMatrix {
  if (beta === 0n) return w;
  if (beta === ONE) return clipped;
  return w.map((row, i) => {
    const r1 = densify(row, n);
    const r2 = densify(clipped[i], n);
    const out = { cols: [] as number[], vals: [] as I32F32[] };
    for (let j = 0; j < n; j++) {
      const v = add(r1[j], mul(beta, sub(r2[j], r1[j])));
      if (v > 0n) {
        out.cols.push(j);
        out.vals.push(v);
      }
    }
    return out;
  });
}
