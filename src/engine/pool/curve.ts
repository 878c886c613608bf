import { floorMulDivSum } from './exact-int.ts';

/**
 * The weighted pool's output for a given net input (the chain's convert_deltas, swap_step.rs, over
 * balancer.rs exp_quote_base / exp_base_quote), with no fee and no checks: those are in swap.ts.
 *
 *   buy  (Δy TAO in):   alpha out = x · (1 − (y / (y + Δy))^(w2/w1))
 *   sell (Δx alpha in): TAO out   = y · (1 − (x / (x + Δx))^(w1/w2))
 *
 * Rounding. The chain raises the ratio with a big-integer pow (SafeInt::pow_ratio_scaled, scaled by
 * 10¹⁸ and floored), divides into U64F64, multiplies by the reserve and floors to whole rao. We floor
 * too. For w1 = w2 the exponent is 1 and we compute floor(x·Δy / (y + Δy)) exactly (the constant-product
 * result test_swap_basic checks); the chain's 10⁻¹⁸ truncation of the ratio can make its result one rao
 * larger when that quotient's fraction lies within x·10⁻¹⁸ of the next integer. Otherwise we evaluate
 * 1 − r^e as −expm1(e·log(r)) (no cancellation for small trades), whose float64 error is below 6
 * units of 2⁻⁵³ relative; we scale by 1 − 6·2⁻⁵³ before flooring, so the output never exceeds the exact
 * formula's floor (a round trip cannot mint a rao) and stays within 1 rao + ~1.3e-15 relative of it.
 */

/** 1 − 6·2⁻⁵³: shrinks a float64 result past its own rounding error, so that flooring it never rounds up. */
const BELOW_ROUNDING = 1 - 3 * Number.EPSILON;

/** Alpha out of reserves (x = alpha, y = TAO) at TAO weight w2 for Δy rao of TAO in. */
export function buyOutput(alpha: number, tao: number, quoteWeight: number, taoIn: number): number {
  return weightedOutput(alpha, tao, taoIn, quoteWeight, 1 - quoteWeight);
}

/** TAO out of reserves (x = alpha, y = TAO) at TAO weight w2 for Δx rao of alpha in. */
export function sellOutput(alpha: number, tao: number, quoteWeight: number, alphaIn: number): number {
  return weightedOutput(tao, alpha, alphaIn, 1 - quoteWeight, quoteWeight);
}

/**
 * out · (1 − (in/(in + Δ))^(wIn/wOut)), floored: `outReserve` is the side paid out, `inReserve` the side
 * paid into, wIn/wOut their weights.
 */
function weightedOutput(
  outReserve: number,
  inReserve: number,
  delta: number,
  inWeight: number,
  outWeight: number,
): number {
  if (delta <= 0 || outReserve <= 0) return 0;
  // An empty input side: the ratio is 0, the whole output reserve (the chain's exp_scaled gives 0 too).
  if (inReserve <= 0) return outReserve;
  if (inWeight === outWeight) return floorMulDivSum(outReserve, delta, inReserve, delta);
  const exponent = inWeight / outWeight;
  // (in/(in+Δ))^e = exp(−e·log1p(Δ/in)); 1 − that = −expm1(−e·log1p(Δ/in)).
  const share = -Math.expm1(-exponent * Math.log1p(delta / inReserve));
  return Math.min(outReserve, Math.floor(outReserve * share * BELOW_ROUNDING));
}
