import type { Pool } from './pool.ts';

/**
 * Input that moves the spot price to a target (balancer.rs calculate_quote_delta_in /
 * calculate_base_delta_in): what a limit order may swap before its limit binds (spec §4.2). Net of the
 * fee; the chain then charges Δ·r/(65535 − r) on top. 0 when the target is not beyond the price.
 *
 *   buy  (price up to p′):   Δy = y · ((p′/p)^w1 − 1)
 *   sell (price down to p′): Δx = x · ((p/p′)^w2 − 1)
 */

/** TAO (rao, floored) that a buy needs to lift the price from `price` to `target` ≥ price. */
export function taoToReachPrice(pool: Pool, price: number, target: number): number {
  if (!(target > price) || !(price > 0)) return 0;
  return Math.floor(pool.tao * Math.expm1((1 - pool.quoteWeight) * Math.log(target / price)));
}

/** Alpha (rao, floored) that a sell needs to push the price from `price` down to `target` ≤ price. */
export function alphaToReachPrice(pool: Pool, price: number, target: number): number {
  if (!(target < price) || !(target > 0)) return 0;
  return Math.floor(pool.alpha * Math.expm1(pool.quoteWeight * Math.log(price / target)));
}
