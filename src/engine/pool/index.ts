/** The subnet pool (spec §4): reserves, spot price, stake/unstake quotes and protocol liquidity. */
export { buyOutput, sellOutput } from './curve.ts';
export { floorMulDiv } from './exact-int.ts';
export { DEFAULT_FEE_RATE, swapFee } from './fee.ts';
export { alphaToReachPrice, taoToReachPrice } from './limit.ts';
export { addProtocolLiquidity } from './liquidity.ts';
export {
  isValidQuoteWeight,
  MAX_INPUT_RESERVE_MULTIPLIER,
  MIN_WEIGHT,
  MINIMUM_RESERVE,
  type Pool,
  priceOf,
  quoteWeightForPrice,
  spotPrice,
} from './pool.ts';
export {
  applyBuy,
  applySell,
  emptyQuote,
  quoteBuy,
  quoteSell,
  type SwapQuote,
  type SwapRejection,
} from './swap.ts';
