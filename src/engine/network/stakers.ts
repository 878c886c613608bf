import type { SwapQuote } from '../pool/swap.ts';
import type { Rng } from '../rng.ts';
import { ROLE_VALIDATOR, type SubnetState } from '../state.ts';
import type { NetworkConfig } from './config.ts';
import { buyShares, redeemShares } from './hotkey-stake.ts';
import type { NetworkState } from './state.ts';
import { buyAlpha, sellAlpha } from './trade.ts';

/** The chain's minimum stake (DefaultMinStake, 0.002 TAO); smaller trades are not made. */
export const MIN_STAKE_RAO = 2_000_000;

/** What a staker's action needs. */
export interface StakerContext {
  net: NetworkState;
  subnets: SubnetState[];
  config: NetworkConfig;
  rng: Rng;
  quote: SwapQuote;
}

/** The validator a new position is delegated to: the permitted validator with the most stake. */
function delegateUid(subnet: SubnetState): number {
  const { role, validatorPermit, stakeAlpha } = subnet.neurons;
  let best = -1;
  for (let uid = 0; uid < subnet.n; uid++) {
    if (role[uid] !== ROLE_VALIDATOR) continue;
    if (
      best < 0 ||
      validatorPermit[uid] > validatorPermit[best] ||
      (validatorPermit[uid] === validatorPermit[best] && stakeAlpha[uid] > stakeAlpha[best])
    )
      best = uid;
  }
  return best;
}

/** uid of the staker's position in subnet k if its hotkey is still registered there, else −1. */
function positionUid(ctx: StakerContext, staker: number, k: number): number {
  const hotkey = ctx.net.stakers.hotkey[staker * ctx.subnets.length + k];
  if (hotkey < 0) return -1;
  const subnet = ctx.subnets[k];
  for (let uid = 0; uid < subnet.n; uid++) if (subnet.neurons.hotkey[uid] === hotkey) return uid;
  return -1;
}

/** Stakes `tao` rao of the staker's free TAO into subnet k. Returns whether it happened. */
export function stake(ctx: StakerContext, staker: number, k: number, tao: number): boolean {
  const { net, subnets } = ctx;
  const table = net.stakers;
  const amount = Math.floor(Math.min(tao, table.balance[staker]));
  if (amount < MIN_STAKE_RAO) return false;
  const cell = staker * subnets.length + k;
  if (!net.markets[k].active) return false;
  let uid = positionUid(ctx, staker, k);
  if (uid < 0) {
    if (table.shares[cell] > 0) unstake(ctx, staker, k, 1); // its hotkey left: close the position first
    uid = delegateUid(subnets[k]);
    if (uid < 0) return false;
  }
  const alpha = buyAlpha(net.markets[k], net.ledger, amount, ctx.config.feeRate, ctx.quote);
  if (alpha <= 0) return false;
  table.balance[staker] -= amount;
  table.shares[cell] += buyShares(subnets[k].neurons, uid, alpha);
  table.hotkey[cell] = subnets[k].neurons.hotkey[uid];
  return true;
}

/** Unstakes `fraction` of the staker's position in subnet k back to TAO. Returns the TAO received. */
export function unstake(ctx: StakerContext, staker: number, k: number, fraction: number): number {
  const { net, subnets } = ctx;
  const table = net.stakers;
  const cell = staker * subnets.length + k;
  const shares = table.shares[cell] * Math.min(1, fraction);
  if (!(shares > 0) || !net.markets[k].active) return 0;
  const subnet = subnets[k];
  const uid = positionUid(ctx, staker, k);
  let alpha: number;
  if (uid >= 0) {
    alpha = redeemShares(subnet.neurons, uid, shares);
  } else {
    // The hotkey was deregistered: its pool's value per share was frozen then.
    const perShare = subnet.departedPerShare.get(table.hotkey[cell]) ?? 0;
    alpha = Math.min(subnet.departedStake, Math.floor(shares * perShare));
    subnet.departedStake -= alpha;
  }
  table.shares[cell] -= shares;
  if (table.shares[cell] <= 1e-9) {
    table.shares[cell] = 0;
    table.hotkey[cell] = -1;
  }
  if (alpha <= 0) return 0;
  const tao = sellAlpha(net.markets[k], net.ledger, alpha, ctx.config.feeRate, ctx.quote);
  if (tao < 0) {
    // The pool refused: the alpha stays staked with the same holder.
    if (uid >= 0) table.shares[cell] += buyShares(subnet.neurons, uid, alpha);
    else subnet.departedStake += alpha;
    return 0;
  }
  table.balance[staker] += tao;
  return tao;
}

/** Alpha value of the staker's position in subnet k, rao. */
export function positionAlpha(ctx: StakerContext, staker: number, k: number): number {
  const cell = staker * ctx.subnets.length + k;
  return positionValue(ctx.subnets[k], ctx.net.stakers.hotkey[cell], ctx.net.stakers.shares[cell]);
}

/** Alpha worth of `shares` of hotkey `hotkey`'s pool in `subnet` (registered or departed), rao. */
export function positionValue(subnet: SubnetState, hotkey: number, shares: number): number {
  if (!(shares > 0) || hotkey < 0) return 0;
  const n = subnet.neurons;
  for (let uid = 0; uid < subnet.n; uid++) {
    if (n.hotkey[uid] === hotkey) return n.shares[uid] > 0 ? (shares * n.stakeAlpha[uid]) / n.shares[uid] : 0;
  }
  return shares * (subnet.departedPerShare.get(hotkey) ?? 0);
}
