import { mulRaw, TWO32 } from '../../fixed/i32f32-num.ts';

/**
 * §3.10 Weights for bonds (as weightsForBondsExact, `interpolate_sparse`) on m×n raw matrices:
 * β = 0 → W, β = 1 → W̄ (with their patterns); otherwise W̃ = W + β·(W̄ − W), entries > 0 kept
 * (β ∈ [0, 2³²], W̄ − W ∈ [−2³², 0]: mulRaw's fast range).
 */
export function weightsForBondsNum(
  w: Float64Array,
  present: Uint8Array,
  clipped: Float64Array,
  clippedPresent: Uint8Array,
  beta: number,
): { wTilde: Float64Array; wTildePresent: Uint8Array } {
  if (beta === 0) return { wTilde: w, wTildePresent: present };
  if (beta === TWO32) return { wTilde: clipped, wTildePresent: clippedPresent };
  const wTilde = new Float64Array(w.length);
  const wTildePresent = new Uint8Array(w.length);
  for (let k = 0; k < w.length; k++) {
    const v = w[k] + mulRaw(beta, clipped[k] - w[k]);
    if (v > 0) {
      wTilde[k] = v;
      wTildePresent[k] = 1;
    }
  }
  return { wTilde, wTildePresent };
}
