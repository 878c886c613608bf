/**
 * EMA price update (emissions.md §2.3; stake_utils.rs `update_moving_price`), run after coinbase for each
 * subnet in the emit set, so block n's shares use the EMA of block n − 1:
 *   b = now − (FirstEmissionBlockNumber − 1)        blocks since start_call (saturating at 0)
 *   α = SubnetMovingAlpha · b / (b + EMAPriceHalvingBlocks)   warm-up: a new subnet's EMA moves slowly
 *   EMA ← (1 − α)·EMA + α·min(spot, 1)            the spot is capped at 1, so the EMA never exceeds 1
 * b + h = 0 gives α = 0 (the chain's safe_div).
 */
import { EMA_PRICE_HALVING_BLOCKS, SUBNET_MOVING_ALPHA } from './constants.ts';

export interface MovingPriceParams {
  /** Current block number. */
  block: number;
  /** FirstEmissionBlockNumber (the block after start_call). */
  firstEmissionBlock: number;
  /** SubnetMovingAlpha (default 3e-6). */
  movingAlpha?: number;
  /** EMAPriceHalvingBlocks (default 201 600). */
  halvingBlocks?: number;
}

/** The effective per-block weight α of the spot price. */
export function movingPriceAlpha(params: MovingPriceParams): number {
  const startCall = Math.max(0, params.firstEmissionBlock - 1);
  const b = Math.max(0, params.block - startCall);
  const h = params.halvingBlocks ?? EMA_PRICE_HALVING_BLOCKS;
  const warmUp = b + h > 0 ? b / (b + h) : 0;
  return (params.movingAlpha ?? SUBNET_MOVING_ALPHA) * warmUp;
}

export function updateMovingPrice(ema: number, spot: number, params: MovingPriceParams): number {
  const alpha = movingPriceAlpha(params);
  return (1 - alpha) * ema + alpha * Math.min(spot, 1);
}
