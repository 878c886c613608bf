import { applyBuy, applySell, quoteBuy, quoteSell, type SwapQuote } from '../pool/swap.ts';
import type { NetworkLedger, SubnetMarket } from './state.ts';

/**
 * Users' swaps against a subnet pool (emissions.md §5): TAO in for alpha out (stake) and back (unstake).
 * The fee goes to the block author (ledger.feeSink): a TAO fee as is, an alpha fee sold to the pool
 * without a fee. The TAO a user pays into the reserve counts as user flow (§2.4).
 */

/** Buys alpha with `tao` rao of a wallet's TAO; returns the alpha bought (0 if the chain refuses the swap). */
export function buyAlpha(
  market: SubnetMarket,
  ledger: NetworkLedger,
  tao: number,
  feeRate: number,
  q: SwapQuote,
): number {
  quoteBuy(market.pool, tao, feeRate, q);
  if (q.rejected !== null || q.amountOut <= 0) return 0;
  applyBuy(market.pool, q);
  ledger.feeSink += q.fee;
  market.alphaOut += q.amountOut;
  market.userFlow += tao - q.fee;
  market.volume += tao;
  return q.amountOut;
}

/** Sells `alpha` rao (already taken off its holder); returns the TAO paid out, or −1 if refused (nothing changed). */
export function sellAlpha(
  market: SubnetMarket,
  ledger: NetworkLedger,
  alpha: number,
  feeRate: number,
  q: SwapQuote,
): number {
  quoteSell(market.pool, alpha, feeRate, q);
  if (q.rejected !== null) return -1;
  applySell(market.pool, q);
  const taoOut = q.amountOut;
  const fee = q.fee;
  market.alphaOut -= alpha;
  let feeTao = 0;
  if (fee > 0) {
    quoteSell(market.pool, fee, 0, q);
    if (q.rejected === null) {
      applySell(market.pool, q);
      feeTao = q.amountOut;
    } else {
      market.pool.alpha += fee; // too small to sell: it stays in the pool
    }
  }
  ledger.feeSink += feeTao;
  market.userFlow -= taoOut + feeTao;
  market.volume += taoOut + feeTao;
  return taoOut;
}
