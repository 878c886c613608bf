import { alphaPerShare } from '../network/hotkey-stake.ts';
import { quoteSell, type SwapQuote } from '../pool/swap.ts';
import { sellOutsideAlpha, sellOwnStake } from '../shocks/pool-shocks.ts';
import { RAO_PER_ALPHA } from '../units.ts';
import type { DayMarket } from './prices.ts';
import type { GrantState } from './state.ts';

/**
 * Selling a contributor's tokens for USD. TAO and stablecoins sell at the day's price off chain. Alpha
 * sells through its subnet's pool (fee, slippage and price impact, network/trade.ts), then its TAO at
 * the day's TAO/USD: a held package's sale is real — grant alpha leaves the holders outside the model,
 * an operated neuron's rewards are unstaked from its hotkey — while another package's sale is only
 * quoted against the pool as it stands. Returns the USD received, or −1 when the pool refuses (the
 * tokens stay held).
 */
export function sellTokens(
  m: DayMarket,
  grant: GrantState,
  tokens: number,
  real: boolean,
  quote: SwapQuote,
): number {
  if (!(tokens > 0)) return 0;
  const { asset, subnet: k } = grant.config;
  if (asset === 'stablecoin') return tokens / RAO_PER_ALPHA;
  if (asset === 'tao') return (tokens / RAO_PER_ALPHA) * m.taoUsd;
  const market = m.net.markets[k];
  if (!market.active) return -1;
  const feeRate = m.config.network.feeRate;
  const amount = Math.floor(tokens);
  if (!real) {
    quoteSell(market.pool, amount, feeRate, quote);
    return quote.rejected === null && quote.amountOut > 0 ? (quote.amountOut / RAO_PER_ALPHA) * m.taoUsd : -1;
  }
  let tao: number;
  if (grant.operating !== null) {
    const subnet = m.subnets[k];
    const uid = grant.operating.uid;
    const sold = sellOwnStake(
      m.net,
      k,
      subnet,
      uid,
      amount / alphaPerShare(subnet.neurons, uid),
      feeRate,
      quote,
    );
    if (sold.alpha <= 0) return -1;
    tao = sold.tao;
  } else {
    if (amount > market.outsideAlpha) return -1;
    tao = sellOutsideAlpha(m.net, k, amount, feeRate, quote);
    if (tao < 0) return -1;
  }
  return (tao / RAO_PER_ALPHA) * m.taoUsd;
}
