import {
  add,
  clamp,
  expSafe,
  fromInt,
  type I32F32,
  mul,
  ONE,
  saturatingDiv,
  sub,
} from '../../fixed/i32f32.ts';

const HALF: I32F32 = ONE >> 1n;

/**
 * §3.11 Liquid alpha v2 for one (validator, miner) pair (exact, chain `liquid_alpha_sigmoid`):
 * d = clamp(w − c, 0, 1) if w ≥ b, else clamp(b − w, 0, 1); σ = 1 / (1 + exp_safe((steepness / −100)·(d − ½)))
 * (saturating division truncates, exp_safe clamps its input to [−20, 20]); α = clamp(α_low + σ·(α_high − α_low)).
 */
export function alphaSigmoidExact(
  consensus: I32F32,
  weight: I32F32,
  bond: I32F32,
  alphaLow: I32F32,
  alphaHigh: I32F32,
  steepness: I32F32,
): I32F32 {
  const diffBuy = clamp(sub(weight, consensus), 0n, ONE);
  const diffSell = clamp(sub(bond, weight), 0n, ONE);
  return alphaFromDiffExact(weight >= bond ? diffBuy : diffSell, alphaLow, alphaHigh, steepness);
}

/** The sigmoid part of `liquid_alpha_sigmoid`: α for the clamped difference d (see alphaSigmoidExact). */
export function alphaFromDiffExact(
  d: I32F32,
  alphaLow: I32F32,
  alphaHigh: I32F32,
  steepness: I32F32,
): I32F32 {
  const x = mul(saturatingDiv(steepness, fromInt(-100)), sub(d, HALF));
  const sigmoid = saturatingDiv(ONE, add(ONE, expSafe(x)));
  const alpha = add(alphaLow, mul(sigmoid, sub(alphaHigh, alphaLow)));
  return clamp(alpha, alphaLow, alphaHigh);
}

/** Liquid alpha is used when enabled and some consensus value is non-zero (else the constant α). */
export function liquidAlphaAppliesExact(enabled: boolean, consensus: readonly I32F32[]): boolean {
  return enabled && consensus.some((c) => c !== 0n);
}
