/**
 * A subnet's pool (spec §4.2): the chain's weighted "Balancer" pool of pallets/swap (balancer.rs), with
 * x = alpha reserve (SubnetAlphaIn), y = TAO reserve (SubnetTAO), w2 = the TAO (quote) weight and
 * w1 = 1 − w2. With w1 = w2 = ½ it is the constant-product pool x·y = k.
 */

/** Mutable reserves of one subnet pool: rao, and w2 = the TAO (quote) weight, w1 = 1 − w2. */
export interface Pool {
  tao: number;
  alpha: number;
  quoteWeight: number;
}

/** Both weights stay at or above 0.01 (balancer.rs MIN_WEIGHT; its comment says 0.1, the code 0.01). */
export const MIN_WEIGHT = 0.01;
/** SwapMinimumReserve: a swap needs at least this many rao on its output side before it runs. */
export const MINIMUM_RESERVE = 1_000_000;
/** MAX_SWAP_INPUT_RESERVE_MULTIPLIER (swap_step.rs): the input may be at most 1000× its side's reserve. */
export const MAX_INPUT_RESERVE_MULTIPLIER = 1_000;

/** Whether w2 is a weight the chain accepts: w2 ≥ 0.01 and w1 = 1 − w2 ≥ 0.01. */
export function isValidQuoteWeight(quoteWeight: number): boolean {
  return quoteWeight >= MIN_WEIGHT && 1 - quoteWeight >= MIN_WEIGHT;
}

/** TAO per alpha: (w1/w2)·(y/x); 0 if the alpha reserve is 0 (as the chain's current_price). */
export function spotPrice(pool: Pool): number {
  return priceOf(pool.alpha, pool.tao, pool.quoteWeight);
}

/** The spot price of reserves (x, y) under weight w2; for w2 = ½ exactly y/x. */
export function priceOf(alpha: number, tao: number, quoteWeight: number): number {
  if (alpha === 0) return 0;
  return ((1 - quoteWeight) / quoteWeight) * (tao / alpha);
}

/** The w2 at which reserves (x, y) have price p: w2 = y/(p·x + y) (balancer.rs, weights from a price). */
export function quoteWeightForPrice(alpha: number, tao: number, price: number): number {
  const sum = price * alpha + tao;
  return sum === 0 ? 0.5 : tao / sum;
}
