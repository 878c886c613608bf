import { mulRaw, TWO32 } from '../../fixed/i32f32-num.ts';

/**
 * §3.10 Weights for bonds (as weightsForBondsExact, `interpolate_sparse`) on m×n raw matrices:
 * β = 0 → W, β = 1 → W̄ (with their patterns); otherwise W̃ = W + β·(W̄ − W), entries > 0 kept
 * (β ∈ [0, 2³²], W̄ − W ∈ [−2³², 0]: mulRaw's fast range). The patterns are only read by sparse
 * liquid alpha: `pattern` computes W̄'s (clipPatternNum) when β = 1 and needs it, else they are empty.
 */
export function weightsForBondsNum(
  w: Float64Array,
  present: Uint8Array,
  clipped: Float64Array,
  clippedPattern: () => Uint8Array,
  beta: number,
  withPattern: boolean,
): { wTilde: Float64Array; wTildePresent: Uint8Array } {
  if (beta === 0) return { wTilde: w, wTildePresent: present };
  if (beta === TWO32) return { wTilde: clipped, wTildePresent: withPattern ? clippedPattern() : present };
  const wTilde = new Float64Array(w.length);
  const wTildePresent = new Uint8Array(withPattern ? w.length : 0);
  for (let k = 0; k < w.length; k++) {
    const v = w[k] + mulRaw(beta, clipped[k] - w[k]);
    if (v > 0) {
      wTilde[k] = v;
      if (withPattern) wTildePresent[k] = 1;
    }
  }
  return { wTilde, wTildePresent };
}
