import { isValidQuoteWeight, type Pool } from './pool.ts';

/**
 * Protocol liquidity (the coinbase's per-block TAO and alpha injection) goes into the pool in any
 * proportion; the chain keeps the price by re-weighting (balancer.rs update_weights_for_added_liquidity,
 * spec §4.2):
 *
 *   new w2 = w2·x·(y + Δy) / ( w1·y·(x + Δx) + w2·x·(y + Δy) )
 *
 * which is y′/(p·x′ + y′) for the old price p. If the new weight would leave [0.01, 0.99] the chain skips
 * the injection (adjust_protocol_liquidity returns 0, 0) and so do we. The chain rounds each product to
 * a whole number and the weight to 10⁻¹⁸ (Perquintill); float64 keeps ~10⁻¹⁶, which is what we have.
 */

/** Adds Δy TAO and Δx alpha (rao) and re-weights; false, with nothing changed, if the weight would leave bounds. */
export function addProtocolLiquidity(pool: Pool, taoIn: number, alphaIn: number): boolean {
  const w2 = pool.quoteWeight;
  const newTao = pool.tao + taoIn;
  const newAlpha = pool.alpha + alphaIn;
  const q1 = (1 - w2) * pool.tao * newAlpha;
  const q2 = w2 * pool.alpha * newTao;
  const sum = q1 + q2;
  // Both reserves were (and stay) empty on one side: the chain starts over at ½.
  const newWeight = sum !== 0 ? q2 / sum : 0.5;
  if (!isValidQuoteWeight(newWeight)) return false;
  pool.tao = newTao;
  pool.alpha = newAlpha;
  pool.quoteWeight = newWeight;
  return true;
}
