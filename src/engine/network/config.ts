import type { EraName, EraRules } from '../emission/eras.ts';

/**
 * The engine's view of the token economy around the subnets (emissions.md): which era's rules apply,
 * the network-wide starting point, and the actors who move TAO. Amounts are rao; fractions are numbers.
 * Produced by src/scenario/compile.ts.
 */

export type StakerPolicy = 'yield_chasing' | 'loyal' | 'random' | 'scripted';

export interface ScriptedAction {
  block: number;
  action: 'stake' | 'unstake';
  netuid: number;
  /** stake: TAO (rao); unstake: fraction of the position in that subnet. */
  amount: number;
}

export interface StakerGroup {
  count: number;
  policy: StakerPolicy;
  /** Free TAO of each staker at the start, rao. */
  balance: number;
  /** Fraction of free TAO (or of a position) moved in one action. */
  fraction: number;
  /** Blocks between two decisions of one staker (yield_chasing, random); stakers are staggered. */
  rebalanceEvery: number;
  /** yield_chasing: move only if the best yield beats the held one by this relative margin. */
  inertia: number;
  /** loyal: the subnets it stakes into (evenly), [] = all. */
  netuids: number[];
  /** scripted: what it does and when. */
  actions: ScriptedAction[];
}

export interface RootConfig {
  /** TAO staked on root (SubnetTAO[0]) besides the modelled validators' own root stake, rao. */
  stake: number;
  /** Root-staking coldkeys: auto-claims reach 5 of them per block, so 5/coldkeys of the claimable alpha is claimed per block. */
  coldkeys: number;
}

/** Subnets outside the scenario that share the block emission (the scenario's subnets are part of a network). */
export interface OtherSubnets {
  count: number;
  /** SubnetMovingPrice of each (held fixed). */
  movingPrice: number;
  /** Their user-flow EMA each (flow share rules), rao per block. */
  flowEma: number;
}

/** Subnet registration (emissions.md §7): the lock cost rule, the subnet limit and pruning. */
export interface SubnetRegistrationConfig {
  /** SubnetLimit: subnets (the scenario's and the others) beyond which a registration prunes one. */
  limit: number;
  /** NetworkImmunityPeriod: a subnet younger than this cannot be pruned. */
  immunityPeriod: number;
  /** NetworkMinLockCost, rao. */
  minLock: number;
  /** NetworkLockReductionInterval, blocks (scaled by E / 1 TAO). */
  reductionInterval: number;
  /** NetworkRateLimit: blocks between two subnet registrations, network-wide. */
  rateLimit: number;
  /** NetworkLastLockCost and the block it was paid at, before the run. */
  lastLock: number;
  lastLockBlock: number;
}

export interface NetworkConfig {
  era: EraName;
  rules: EraRules;
  /** TotalIssuance at the start, rao. */
  totalIssuance: bigint;
  /** TaoWeight as a fraction. */
  taoWeight: number;
  /** Swap fee rate (FeeRate / 65535). */
  feeRate: number;
  /** SubnetMovingAlpha and EMAPriceHalvingBlocks (emissions.md §2.3). */
  movingAlpha: number;
  emaHalvingBlocks: number;
  /** CKBurn: fraction of parents' childkey dividends recycled. */
  ckBurn: number;
  /** MaxEpochsPerBlock. */
  maxEpochsPerBlock: number;
  root: RootConfig;
  otherSubnets: OtherSubnets;
  subnetRegistration: SubnetRegistrationConfig;
  stakers: StakerGroup[];
  /** Rows of network.csv and subnets.csv every this many blocks. */
  sampleEvery: number;
  /** Test mode: check the ledger invariants after every block (slow) or at every sample. */
  checkInvariants: 'off' | 'block' | 'sample';
}

/** A subnet's market at the start of the run (per subnet in SubnetConfig). */
export interface MarketConfig {
  /** Pool reserves, rao, and the TAO weight w2 of the pool. */
  poolTao: number;
  poolAlpha: number;
  quoteWeight: number;
  /** SubnetMovingPrice at the start. */
  movingPrice: number;
  /** Block of start_call (FirstEmissionBlockNumber), ≤ 0 for a subnet that started before the run. */
  startBlock: number;
  /** NetworkRegisteredAt: when the subnet was (≤ 0, before the run) or will be registered; pruning immunity reads it. */
  registeredAt: number;
  /** Whether the subnet exists at the start (registered `age` before the run) or registers at registeredAt. */
  atStart: boolean;
  /** SubnetEmissionEnabled: TAO-side emission on. */
  emissionEnabled: boolean;
  /** Delegate take of every validator, fraction. */
  delegateTake: number;
  /** Fraction of miner incentive earned by the owner's own hotkeys, burned (MinerBurned). */
  minerBurn: number;
  /** Neuron registration burn (emissions.md §6), rao, and its rules. */
  burn: { initial: number; halfLife: number; increase: number; min: number; max: number };
}
