import { addOwnStake, redeemShares } from '../network/hotkey-stake.ts';
import { positionAlpha, type StakerContext, unstake } from '../network/stakers.ts';
import type { NetworkState } from '../network/state.ts';
import { sellAlpha } from '../network/trade.ts';
import type { SwapQuote } from '../pool/swap.ts';
import type { SubnetState } from '../state.ts';

/**
 * Shocks on one subnet's pool, through the pool math (network/trade.ts: fee, slippage, price impact).
 * The TAO a sale fetches leaves to wallets outside the model (ledger.outside), except stakers', which
 * returns to their free balance.
 */

/** What a pool shock moved: alpha sold and TAO received, rao. */
export interface Sold {
  alpha: number;
  tao: number;
}

/**
 * Sell pressure: holders outside the model sell `alpha` rao, at most `available` (the outside alpha not
 * promised to contributors). Returns what was sold (nothing if the pool refuses).
 */
export function sellPressure(
  net: NetworkState,
  k: number,
  alpha: number,
  available: number,
  feeRate: number,
  quote: SwapQuote,
): Sold {
  const m = net.markets[k];
  const amount = Math.floor(Math.min(alpha, available, m.outsideAlpha));
  if (!m.active || amount <= 0) return { alpha: 0, tao: 0 };
  const tao = sellOutsideAlpha(net, k, amount, feeRate, quote);
  return tao < 0 ? { alpha: 0, tao: 0 } : { alpha: amount, tao };
}

/**
 * Sells `amount` rao (at most the outside alpha) of alpha held outside the model through subnet k's pool;
 * the TAO leaves to ledger.outside. Returns the TAO, or −1 when the pool refuses (the alpha stays outside).
 */
export function sellOutsideAlpha(
  net: NetworkState,
  k: number,
  amount: number,
  feeRate: number,
  quote: SwapQuote,
): number {
  const m = net.markets[k];
  m.outsideAlpha -= amount;
  const tao = sellAlpha(m, net.ledger, amount, feeRate, quote);
  if (tao < 0) {
    m.outsideAlpha += amount;
    return -1;
  }
  net.ledger.outside += BigInt(tao);
  return tao;
}

/** Unstakes `shares` of uid's own (operator's) shares and sells the alpha; returns what was sold. */
export function sellOwnStake(
  net: NetworkState,
  k: number,
  subnet: SubnetState,
  uid: number,
  shares: number,
  feeRate: number,
  quote: SwapQuote,
): Sold {
  const neurons = subnet.neurons;
  const taken = Math.min(shares, neurons.ownShares[uid]);
  if (!(taken > 0) || !net.markets[k].active) return { alpha: 0, tao: 0 };
  neurons.ownShares[uid] -= taken;
  const alpha = redeemShares(neurons, uid, taken);
  if (alpha <= 0) return { alpha: 0, tao: 0 };
  const tao = sellAlpha(net.markets[k], net.ledger, alpha, feeRate, quote);
  if (tao < 0) {
    addOwnStake(neurons, uid, alpha); // the pool refused: the operator keeps its stake
    return { alpha: 0, tao: 0 };
  }
  net.ledger.outside += BigInt(tao);
  return { alpha, tao };
}

/**
 * Stake flight: `fraction` of every stake on subnet k leaves — each neuron's own stake is unstaked and
 * sold, and each staker unstakes that fraction of its position (its TAO returns to its wallet, where its
 * policy may stake it again later).
 */
export function stakeFlight(
  net: NetworkState,
  k: number,
  subnet: SubnetState,
  fraction: number,
  stakers: StakerContext,
): Sold {
  const total: Sold = { alpha: 0, tao: 0 };
  const feeRate = stakers.config.feeRate;
  for (let uid = 0; uid < subnet.n; uid++) {
    const sold = sellOwnStake(
      net,
      k,
      subnet,
      uid,
      subnet.neurons.ownShares[uid] * fraction,
      feeRate,
      stakers.quote,
    );
    total.alpha += sold.alpha;
    total.tao += sold.tao;
  }
  for (let s = 0; s < net.stakers.count; s++) {
    if (!(net.stakers.shares[s * net.markets.length + k] > 0)) continue;
    const alpha = Math.floor(positionAlpha(stakers, s, k) * fraction);
    const tao = unstake(stakers, s, k, fraction);
    if (tao <= 0) continue;
    total.tao += tao;
    total.alpha += alpha;
  }
  return total;
}
