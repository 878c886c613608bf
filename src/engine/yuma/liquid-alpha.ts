import { clamp, safeExp } from '../math/scalar.ts';
import type { YumaParams } from './types.ts';

/**
 * §3.11 Liquid alpha v2 ("consensus-based weights"), used only by the Yuma3 branch (quirk Q7).
 * Per (validator i, miner j), with c = C_j of this epoch, w = W̃_ij and b = B⁰_ij (0 when absent):
 * buying (w ≥ b): d = clamp(w − c, 0, 1); selling: d = clamp(b − w, 0, 1);
 * σ = 1 / (1 + exp(−(steepness/100)·(d − 0.5))) with the exponent clamped to [−20, 20];
 * α = clamp(α_low + σ·(α_high − α_low), α_low, α_high). Large disagreement → α near α_high.
 */
export function alphaSigmoid(
  consensus: number,
  weight: number,
  bond: number,
  alphaLow: number,
  alphaHigh: number,
  steepness: number,
): number {
  const diff = weight >= bond ? weight - consensus : bond - weight;
  return alphaOfDisagreement(diff, -steepness / 100, alphaLow, alphaHigh);
}

/** α for a raw disagreement (clamped to [0, 1] here) and slope = −steepness/100. */
function alphaOfDisagreement(diff: number, slope: number, alphaLow: number, alphaHigh: number): number {
  const sigma = 1 / (1 + safeExp(slope * (clamp(diff, 0, 1) - 0.5)));
  return clamp(alphaLow + sigma * (alphaHigh - alphaLow), alphaLow, alphaHigh);
}

/**
 * Liquid alpha is used when it is enabled and some consensus value is non-zero (chain
 * `ema_bonds_liquid_or_normal_sparse`); otherwise the constant α = 1 − BMA/10⁶ applies.
 */
export function liquidAlphaApplies(params: YumaParams, consensus: Float64Array): boolean {
  if (!params.liquidAlpha.enabled) return false;
  for (let j = 0; j < consensus.length; j++) if (consensus[j] !== 0) return true;
  return false;
}

/**
 * Matrix of α_ij, shaped like W̃ (m rows in play × n). Entries where W̃ has no entry and the old bond is 0 are left 0: every EMA
 * variant maps them to 0 whatever α is, so the sigmoid is not evaluated there.
 */
export function liquidAlphaMatrix(
  wTilde: { values: Float64Array; present: Uint8Array },
  prevBonds: Float64Array,
  consensus: Float64Array,
  params: Pick<YumaParams['liquidAlpha'], 'alphaLow' | 'alphaHigh' | 'steepness'>,
): Float64Array {
  const n = consensus.length;
  const alphas = new Float64Array(wTilde.values.length);
  const { alphaLow, alphaHigh } = params;
  const slope = -params.steepness / 100;
  const { values, present } = wTilde;
  for (let base = 0; base < alphas.length; base += n) {
    for (let j = 0; j < n; j++) {
      const k = base + j;
      alphas[k] = pairAlpha(present[k], values[k], prevBonds[k], consensus[j], slope, alphaLow, alphaHigh);
    }
  }
  return alphas;
}

/**
 * One entry of liquidAlphaMatrix (slope = −steepness/100), for callers that fuse it into their EMA
 * pass instead of materialising the matrix: 0 where W̃ has no entry and the old bond is not positive.
 */
export function pairAlpha(
  present: number,
  w: number,
  b: number,
  c: number,
  slope: number,
  alphaLow: number,
  alphaHigh: number,
): number {
  if (present === 0 && !(b > 0)) return 0;
  return alphaOfDisagreement(w >= b ? w - c : b - w, slope, alphaLow, alphaHigh);
}
