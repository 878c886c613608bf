import { buyOutput, sellOutput } from './curve.ts';
import { swapFee } from './fee.ts';
import { MAX_INPUT_RESERVE_MULTIPLIER, MINIMUM_RESERVE, type Pool, priceOf } from './pool.ts';

/**
 * Stake (buy: TAO in, alpha out) and unstake (sell: alpha in, TAO out) against a pool, as the chain's
 * do_swap without a price limit (pallets/swap impls.rs swap_inner + swap_step.rs): the fee is taken from
 * the input, the rest goes into the pool, the output comes out of the other reserve. The fee leaves the
 * pool (it goes to the block author), so the reserves move by the net input only.
 *
 * A quote never throws: a swap the chain would refuse comes back with `rejected` set to why, amountOut
 * 0 and priceAfter = priceBefore, and applying it changes nothing.
 */

/**
 * Why a swap cannot run (null: it can):
 * - `reserve_too_low`: the output-side reserve is below SwapMinimumReserve (1 000 000 rao) before the
 *   swap (chain: ReservesTooLow);
 * - `input_too_large`: the net input exceeds 1000× the input-side reserve (MAX_SWAP_INPUT_RESERVE_MULTIPLIER);
 * - `zero_output`: a positive input buys nothing (chain: ReservesTooLow after convert_deltas);
 * - `invalid_amount`: the input is negative or not a finite number.
 * The output never takes a whole reserve: below 1000× the input side, (y/(y + Δy))^(w2/w1) > 0, and our
 * floors keep it so (the chain's 10⁻¹⁸-scaled pow can underflow to 0 at extreme weights and pay out the
 * whole reserve; we do not follow it there).
 */
export type SwapRejection = 'reserve_too_low' | 'input_too_large' | 'zero_output' | 'invalid_amount';

export interface SwapQuote {
  /** Gross input in rao (TAO for a buy, alpha for a sell), fee included. */
  amountIn: number;
  /** Part of amountIn taken as the fee (same token), paid to the block author. */
  fee: number;
  /** Output in rao (alpha for a buy, TAO for a sell); 0 when rejected. */
  amountOut: number;
  /** Spot price (TAO per alpha) before and after the swap. */
  priceBefore: number;
  priceAfter: number;
  /** Why the chain would refuse this swap, or null when it runs. */
  rejected: SwapRejection | null;
}

/** A zeroed quote to reuse as `out` in hot loops. */
export function emptyQuote(): SwapQuote {
  return { amountIn: 0, fee: 0, amountOut: 0, priceBefore: 0, priceAfter: 0, rejected: null };
}

/** Stake: `taoIn` rao of TAO in, alpha out. Does not mutate the pool. */
export function quoteBuy(
  pool: Pool,
  taoIn: number,
  feeRate: number,
  out: SwapQuote = emptyQuote(),
): SwapQuote {
  const price = priceOf(pool.alpha, pool.tao, pool.quoteWeight);
  const rejected = precheck(taoIn, pool.tao, pool.alpha, feeRate, out);
  if (rejected !== null) return reject(out, taoIn, price, rejected);
  const net = taoIn - out.fee;
  const alphaOut = buyOutput(pool.alpha, pool.tao, pool.quoteWeight, net);
  if (net > 0 && alphaOut <= 0) return reject(out, taoIn, price, 'zero_output');
  out.amountIn = taoIn;
  out.amountOut = alphaOut;
  out.priceBefore = price;
  out.priceAfter = priceOf(pool.alpha - alphaOut, pool.tao + net, pool.quoteWeight);
  out.rejected = null;
  return out;
}

/** Unstake: `alphaIn` rao of alpha in, TAO out. Does not mutate the pool. */
export function quoteSell(
  pool: Pool,
  alphaIn: number,
  feeRate: number,
  out: SwapQuote = emptyQuote(),
): SwapQuote {
  const price = priceOf(pool.alpha, pool.tao, pool.quoteWeight);
  const rejected = precheck(alphaIn, pool.alpha, pool.tao, feeRate, out);
  if (rejected !== null) return reject(out, alphaIn, price, rejected);
  const net = alphaIn - out.fee;
  const taoOut = sellOutput(pool.alpha, pool.tao, pool.quoteWeight, net);
  if (net > 0 && taoOut <= 0) return reject(out, alphaIn, price, 'zero_output');
  out.amountIn = alphaIn;
  out.amountOut = taoOut;
  out.priceBefore = price;
  out.priceAfter = priceOf(pool.alpha + net, pool.tao - taoOut, pool.quoteWeight);
  out.rejected = null;
  return out;
}

/** Reserves after a quoted buy: TAO += net input, alpha −= output. A rejected quote changes nothing. */
export function applyBuy(pool: Pool, q: SwapQuote): void {
  if (q.rejected !== null) return;
  pool.tao += q.amountIn - q.fee;
  pool.alpha -= q.amountOut;
}

/** Reserves after a quoted sell: alpha += net input, TAO −= output. A rejected quote changes nothing. */
export function applySell(pool: Pool, q: SwapQuote): void {
  if (q.rejected !== null) return;
  pool.alpha += q.amountIn - q.fee;
  pool.tao -= q.amountOut;
}

/** The checks made before the curve, in the chain's order; leaves the fee in `out.fee`. */
function precheck(amount: number, inReserve: number, outReserve: number, feeRate: number, out: SwapQuote) {
  out.fee = 0;
  if (!(amount >= 0) || !Number.isFinite(amount)) return 'invalid_amount';
  if (outReserve < MINIMUM_RESERVE) return 'reserve_too_low';
  out.fee = swapFee(amount, feeRate);
  if (amount - out.fee > MAX_INPUT_RESERVE_MULTIPLIER * inReserve) return 'input_too_large';
  return null;
}

function reject(out: SwapQuote, amountIn: number, price: number, why: SwapRejection): SwapQuote {
  out.amountIn = amountIn;
  out.amountOut = 0;
  out.priceBefore = price;
  out.priceAfter = price;
  out.rejected = why;
  return out;
}
