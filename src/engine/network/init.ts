import type { SubnetConfig } from '../config.ts';
import { burnDecayFactorQ32 } from '../registration/burn.ts';
import type { SubnetState } from '../state.ts';
import { RAO_PER_ALPHA } from '../units.ts';
import type { MarketConfig, NetworkConfig } from './config.ts';
import { createMarkets } from './market-table.ts';
import { createNetworkLedger } from './network-ledger.ts';
import type { NetworkState, StakerTable, SubnetMarket } from './state.ts';

/** A subnet's market at block 0: its pool, and alpha outstanding = the neurons' stakes + outside holders'. */
function initialMarket(m: SubnetMarket, subnet: SubnetState, config: SubnetConfig): void {
  const c: MarketConfig = config.market;
  let staked = 0;
  for (let uid = 0; uid < subnet.n; uid++) staked += subnet.neurons.stakeAlpha[uid];
  const outsideAlpha = Number(config.initialAlphaIssuance);
  // A subnet registered during the run has no pool until its owner pays the lock (subnet-registration.ts).
  m.active = c.atStart;
  m.pool.tao = c.atStart ? c.poolTao : 0;
  m.pool.alpha = c.atStart ? c.poolAlpha : 0;
  m.pool.quoteWeight = c.atStart ? c.quoteWeight : 0.5;
  m.registeredAt = c.registeredAt;
  m.dissolvedAt = -1;
  m.alphaOut = staked + outsideAlpha;
  m.movingPrice = c.movingPrice;
  m.burn = c.burn.initial;
  m.burnDecayQ32 = burnDecayFactorQ32(c.burn.halfLife);
  m.emissionEnabled = c.emissionEnabled;
  m.startBlock = c.startBlock;
  m.outsideAlpha = outsideAlpha;
  m.initialIssuance = c.poolAlpha + m.alphaOut;
  // Every other number starts at 0 (createMarkets).
}

function initialStakers(config: NetworkConfig, subnets: number): StakerTable {
  const count = config.stakers.reduce((sum, g) => sum + g.count, 0);
  const table: StakerTable = {
    count,
    group: new Int16Array(count),
    balance: new Float64Array(count),
    nextAction: new Float64Array(count),
    nextScripted: new Int32Array(count),
    shares: new Float64Array(count * subnets),
    hotkey: new Int32Array(count * subnets).fill(-1),
    detached: new Float64Array(count * subnets),
  };
  let k = 0;
  config.stakers.forEach((group, g) => {
    for (let c = 0; c < group.count; c++, k++) {
      table.group[k] = g;
      table.balance[k] = group.balance;
      // Stakers of a group decide in turn, spread over the rebalance period, starting at block 1;
      // scripted ones at their first action.
      table.nextAction[k] =
        group.policy === 'scripted'
          ? (group.actions[0]?.block ?? Number.POSITIVE_INFINITY)
          : 1 + Math.floor((c * group.rebalanceEvery) / group.count);
    }
  });
  return table;
}

/**
 * The network at block 0. TAO not in a pool, on root or in a staker's wallet is held by wallets outside
 * the model; the scenario must leave that non-negative (checked when it is compiled).
 */
export function createNetworkState(
  config: NetworkConfig,
  subnets: SubnetState[],
  configs: SubnetConfig[],
): NetworkState {
  const markets = createMarkets(subnets.length);
  for (let k = 0; k < markets.length; k++) initialMarket(markets[k], subnets[k], configs[k]);
  const stakers = initialStakers(config, subnets.length);
  let rootStake = config.root.stake;
  for (const s of subnets) for (let uid = 0; uid < s.n; uid++) rootStake += s.neurons.rootStake[uid];
  let held = BigInt(rootStake);
  for (const m of markets) held += BigInt(m.pool.tao);
  for (let k = 0; k < stakers.count; k++) held += BigInt(stakers.balance[k]);
  return {
    ledger: createNetworkLedger({
      totalIssuance: config.totalIssuance,
      outside: config.totalIssuance - held,
      rootStake,
    }),
    registry: {
      lastLock: config.subnetRegistration.lastLock,
      lastLockBlock: config.subnetRegistration.lastLockBlock,
      otherSubnets: config.otherSubnets.count,
    },
    markets,
    stakers,
    blockEmission: 0,
    otherShare: 0,
    epochDue: new Uint8Array(subnets.length),
  };
}

/** TAO per alpha as whole units, for readers of rao amounts. */
export const toUnits = (rao: number): number => rao / RAO_PER_ALPHA;
