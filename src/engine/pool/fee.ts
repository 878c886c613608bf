import { floorMulDiv } from './exact-int.ts';

/** The swap fee: a fraction of the input, taken before the swap and paid to the block author (spec §4.2). */

/** The chain's FeeRate 33 on its u16 scale: 33/65535 ≈ 0.0504 %. */
export const DEFAULT_FEE_RATE = 33 / 65_535;

const U16_MAX = 65_535;

/**
 * The fee on an input of `amount` rao at `feeRate` (a fraction): floor(amount·rate), as the chain's
 * calculate_fee_amount (pallets/swap impls.rs). The chain holds the rate as U64F64(r)/U64F64(65535),
 * which truncates it to r/65535·(1 − 2⁻⁶⁴); so when amount·r is an exact multiple of 65535 the product
 * falls just short of the integer and floors one lower (amount 65535 at rate 33 pays 32, not 33). For a
 * rate that is r/65535 with an integer r we reproduce that; any other rate is floored as given.
 */
export function swapFee(amount: number, feeRate: number): number {
  if (amount <= 0 || feeRate <= 0) return 0;
  const r = feeRate * U16_MAX;
  const rInt = Math.round(r);
  if (Math.abs(r - rInt) < 1e-9 && rInt < U16_MAX) {
    return Math.max(0, floorMulDiv(amount, rInt, U16_MAX, 1));
  }
  return Math.floor(amount * feeRate);
}
