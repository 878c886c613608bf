import type { SimulationConfig } from '../config.ts';
import { updateFlowEma } from '../emission/flow-ema.ts';
import { type MovingPriceParams, updateMovingPrice } from '../emission/moving-price.ts';
import { spotPrice } from '../pool/pool.ts';
import { decayBurn } from '../registration/burn.ts';
import type { SimulationState } from '../state.ts';
import { type CoinbaseScratch, runCoinbase } from './coinbase.ts';
import { claimRootDividends } from './root-claims.ts';
import { actStaker } from './staker-policies.ts';
import type { StakerContext } from './stakers.ts';
import type { NetworkState } from './state.ts';

/** Per-run scratch of the network step. */
export interface NetworkScratch {
  coinbase: CoinbaseScratch;
  movingPrice: MovingPriceParams;
  stakers: StakerContext;
  /** Earliest block at which some staker acts. */
  nextStakerBlock: number;
}

/** §11 steps before the epochs: registration price decay, then run_coinbase. */
export function stepEconomyBeforeEpochs(
  net: NetworkState,
  state: SimulationState,
  config: SimulationConfig,
  block: number,
  scratch: NetworkScratch,
): void {
  if (block > 1) {
    for (let k = 0; k < net.markets.length; k++) {
      const m = net.markets[k];
      const b = config.subnets[k].market.burn;
      m.burn = decayBurn(m.burn, m.burnDecayQ32, b.min, b.max);
    }
  }
  runCoinbase(net, state.subnets, config.subnets, config.network, block, scratch.coinbase);
}

/** Whether subnet k's epoch is due at `block` under the era's schedule (emissions.md §1.1). */
export function epochDue(
  config: SimulationConfig,
  state: SimulationState,
  k: number,
  block: number,
): boolean {
  const tempo = config.subnets[k].tempo;
  if (tempo <= 0) return false;
  if (config.network.rules.epochSchedule === 'modulo') {
    return (block + state.subnets[k].netuid + 1) % (tempo + 1) === 0;
  }
  return block - state.subnets[k].lastEpochBlock >= tempo;
}

/**
 * The first block ≥ `from` at which subnet k's epoch is due (epochDue), as long as nothing moves its
 * LastEpochBlock before then; Infinity with no positive tempo. The runner checks a subnet only from
 * then on, so a block does not read 128 subnets' states to find the one or two epochs due.
 */
export function nextEpochBlock(
  config: SimulationConfig,
  state: SimulationState,
  k: number,
  from: number,
): number {
  const tempo = config.subnets[k].tempo;
  if (tempo <= 0) return Number.POSITIVE_INFINITY;
  if (config.network.rules.epochSchedule === 'modulo') {
    const period = tempo + 1;
    const r = (from + state.subnets[k].netuid + 1) % period;
    return r === 0 ? from : from + period - r;
  }
  return Math.max(from, state.subnets[k].lastEpochBlock + tempo);
}

/** §11 steps after the epochs: EMA prices, flow EMAs, root claims; then the stakers whose turn it is. */
export function stepEconomyAfterEpochs(
  net: NetworkState,
  config: SimulationConfig,
  block: number,
  scratch: NetworkScratch,
): void {
  const { network } = config;
  const mp = scratch.movingPrice;
  mp.block = block;
  mp.movingAlpha = network.movingAlpha;
  mp.halvingBlocks = network.emaHalvingBlocks;
  const flowRule = network.rules.shareRule === 'flow' || network.rules.shareRule === 'net_flow';
  for (let k = 0; k < net.markets.length; k++) {
    const m = net.markets[k];
    if (!m.active) continue;
    if (m.startBlock <= block) {
      mp.firstEmissionBlock = m.startBlock;
      m.movingPrice = updateMovingPrice(m.movingPrice, spotPrice(m.pool), mp);
    }
    if (network.rules.rootDividends === 'claimable')
      claimRootDividends(net, m, network, scratch.stakers.quote);
    if (flowRule) {
      m.flowEma = updateFlowEma(m.flowEma, m.userFlow);
      m.protocolFlowEma = updateFlowEma(m.protocolFlowEma, m.protocolFlow);
    }
    m.userFlow = 0;
    m.protocolFlow = 0;
  }
  if (block >= scratch.nextStakerBlock) runStakers(net, config, block, scratch);
}

function runStakers(
  net: NetworkState,
  config: SimulationConfig,
  block: number,
  scratch: NetworkScratch,
): void {
  const table = net.stakers;
  let next = Number.POSITIVE_INFINITY;
  for (let s = 0; s < table.count; s++) {
    if (table.nextAction[s] <= block) {
      table.nextAction[s] = actStaker(scratch.stakers, s, config.network.stakers[table.group[s]], block);
    }
    if (table.nextAction[s] < next) next = table.nextAction[s];
  }
  scratch.nextStakerBlock = next;
}
