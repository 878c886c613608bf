import { floorMulDiv } from './exact-int.ts';

/** The swap fee: a fraction of the input, taken before the swap and paid to the block author (spec §4.2). */

/** The chain's FeeRate 33 on its u16 scale: 33/65535 ≈ 0.0504 %. */
export const DEFAULT_FEE_RATE = 33 / 65_535;

const U16_MAX = 65_535;
const TWO_POW_64 = 2 ** 64;

/**
 * The fee on an input of `amount` rao at `feeRate` (a fraction): floor(amount·rate), as the chain's
 * calculate_fee_amount (pallets/swap impls.rs). The chain holds the rate as U64F64(r)/U64F64(65535),
 * truncated to (r·2⁶⁴ − r)/65535 / 2⁶⁴ (2⁶⁴ ≡ 1 mod 65535), so its fee is
 * floor((amount·r − amount·r/2⁶⁴)/65535) = floor((amount·r − ⌈amount·r/2⁶⁴⌉)/65535): one rao less
 * than the plain floor when amount·r is a multiple of 65535 (amount 65535 at rate 33 pays 32, not 33),
 * and, past amount·r = 2⁶⁴ (1.8·10⁶ TAO at the maximum rate), when it is just above one. For a rate
 * r/65535 with an integer r < 65535 we reproduce that; any other rate is floored as given.
 */
export function swapFee(amount: number, feeRate: number): number {
  if (amount <= 0 || feeRate <= 0) return 0;
  const r = feeRate * U16_MAX;
  const rInt = Math.round(r);
  if (Math.abs(r - rInt) < 1e-9 && rInt < U16_MAX) {
    const shortfall = Math.max(1, Math.ceil((amount * rInt) / TWO_POW_64));
    return Math.max(0, floorMulDiv(amount, rInt, U16_MAX, shortfall));
  }
  return Math.floor(amount * feeRate);
}
