import type { SubnetConfig } from '../config.ts';
import { burnDecayFactorQ32 } from '../registration/burn.ts';
import type { SubnetState } from '../state.ts';
import { RAO_PER_ALPHA } from '../units.ts';
import type { MarketConfig, NetworkConfig } from './config.ts';
import type { NetworkState, StakerTable, SubnetMarket } from './state.ts';

/** A subnet's market at block 0: its pool, and alpha outstanding = the neurons' stakes + outside holders'. */
function initialMarket(subnet: SubnetState, config: SubnetConfig): SubnetMarket {
  const m: MarketConfig = config.market;
  let staked = 0;
  for (let uid = 0; uid < subnet.n; uid++) staked += subnet.neurons.stakeAlpha[uid];
  const outsideAlpha = Number(config.initialAlphaIssuance);
  const alphaOut = staked + outsideAlpha;
  // A subnet registered during the run has no pool until its owner pays the lock (subnet-registration.ts).
  const active = m.atStart;
  return {
    pool: active
      ? { tao: m.poolTao, alpha: m.poolAlpha, quoteWeight: m.quoteWeight }
      : { tao: 0, alpha: 0, quoteWeight: 0.5 },
    active,
    registeredAt: m.registeredAt,
    dissolvedAt: -1,
    alphaOut,
    protocolAlpha: 0,
    movingPrice: m.movingPrice,
    pendingRoot: 0,
    rootClaimable: 0,
    pendingRootTao: 0,
    minerBurned: 0,
    burn: m.burn.initial,
    burnDecayQ32: burnDecayFactorQ32(m.burn.halfLife),
    emissionEnabled: m.emissionEnabled,
    startBlock: m.startBlock,
    userFlow: 0,
    flowEma: 0,
    protocolFlowEma: 0,
    protocolFlow: 0,
    share: 0,
    taoIn: 0,
    alphaIn: 0,
    excessTao: 0,
    alphaEmission: 0,
    ownerCutBlock: 0,
    rootAlphaBlock: 0,
    rootDividends: 0,
    outsideAlpha,
    ownerAlpha: 0,
    burnedAlpha: 0,
    rootStakersAlpha: 0,
    parentAlpha: 0,
    recycledAlpha: 0,
    mintedAlpha: 0,
    initialIssuance: m.poolAlpha + alphaOut,
    dividendYield: 0,
    registrationsPaid: 0,
    registrationTao: 0,
    volume: 0,
  };
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
  const markets = subnets.map((s, k) => initialMarket(s, configs[k]));
  const stakers = initialStakers(config, subnets.length);
  let rootStake = config.root.stake;
  for (const s of subnets) for (let uid = 0; uid < s.n; uid++) rootStake += s.neurons.rootStake[uid];
  let held = BigInt(rootStake);
  for (const m of markets) held += BigInt(m.pool.tao);
  for (let k = 0; k < stakers.count; k++) held += BigInt(stakers.balance[k]);
  return {
    ledger: {
      totalIssuance: config.totalIssuance,
      initialIssuance: config.totalIssuance,
      mintedTao: 0n,
      feeSink: 0,
      outside: config.totalIssuance - held,
      rootStake,
      recycledTao: 0n,
    },
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
