import { MINER_BEHAVIOURS, type SimulationConfig } from '../config.ts';
import type { NetworkState } from '../network/state.ts';
import { spotPrice } from '../pool/pool.ts';
import { ROLE_MINER, type SubnetState } from '../state.ts';
import { RAO_PER_ALPHA } from '../units.ts';
import type { MetricReader } from '../vesting/milestones.ts';
import type { Asset } from '../vesting/types.ts';

/** The market as contributors see it on one day: TAO/USD from the exogenous path, alpha from the pools. */
export interface DayMarket {
  day: number;
  block: number;
  /** USD per TAO today. */
  taoUsd: number;
  net: NetworkState;
  subnets: SubnetState[];
  config: SimulationConfig;
}

/** USD per whole token of `asset` (alpha of subnet index `k`) today; 0 for a subnet without a pool. */
export function tokenPrice(m: DayMarket, asset: Asset, k: number): number {
  if (asset === 'stablecoin') return 1;
  if (asset === 'tao') return m.taoUsd;
  const market = m.net.markets[k];
  return market.active ? spotPrice(market.pool) * m.taoUsd : 0;
}

/** Tokens of `asset` in existence, rao: TAO's total issuance, or a subnet's alpha issuance (pool + outstanding). */
export function tokenSupply(m: DayMarket, asset: Asset, k: number): number {
  if (asset === 'tao') return Number(m.net.ledger.totalIssuance);
  if (asset === 'alpha') return m.net.markets[k].pool.alpha + m.net.markets[k].alphaOut;
  return Number.NaN;
}

/** USD of `tokens` rao at `price` USD per token. */
export function usdOf(tokens: number, price: number): number {
  return (tokens / RAO_PER_ALPHA) * price;
}

/** Tokens (rao, floored) that `usd` buys at `price`. */
export function tokensFor(usd: number, price: number): number {
  return price > 0 ? Math.floor((usd / price) * RAO_PER_ALPHA) : 0;
}

/** The milestone conditions' view of the day (metric, subnet index). */
export function metricReader(m: DayMarket): MetricReader {
  return (metric, k) => {
    switch (metric) {
      case 'tao_usd':
        return m.taoUsd;
      case 'alpha_price':
        return m.net.markets[k].active ? spotPrice(m.net.markets[k].pool) : Number.NaN;
      case 'alpha_usd':
        return m.net.markets[k].active ? tokenPrice(m, 'alpha', k) : Number.NaN;
      case 'emission_share':
        return m.net.markets[k].share;
      case 'best_quality':
        return m.subnets[k].bestQualityHistory.at(-1) ?? Number.NaN;
      case 'mean_quality':
        return meanMinerQuality(m.subnets[k]);
    }
  };
}

/** Mean latent quality of the honest miners (subnet.csv's mean_quality). */
function meanMinerQuality(subnet: SubnetState): number {
  let sum = 0;
  let count = 0;
  for (let uid = 0; uid < subnet.n; uid++) {
    if (
      subnet.neurons.role[uid] !== ROLE_MINER ||
      MINER_BEHAVIOURS[subnet.neurons.behaviour[uid]] !== 'honest'
    )
      continue;
    sum += subnet.neurons.quality[uid];
    count++;
  }
  return count > 0 ? sum / count : Number.NaN;
}
