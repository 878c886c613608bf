import type { Pool } from '../pool/pool.ts';
import type { RaoTotal } from './rao-total.ts';

/**
 * The token economy's state, mirroring the chain's storage items (emissions.md §11). Amounts are rao
 * in numbers: integer-valued, exact below 2^53 rao (9 007 199 TAO or alpha), which every per-subnet and
 * per-account amount stays under in any scenario we run; network totals that exceed it are bigints.
 */

/** Per subnet: the pool, the emission buckets and the counters the ledger checks. */
export interface SubnetMarket {
  pool: Pool;
  /** SubnetAlphaOut: alpha outside the pool (stakes, pending buckets, protocol alpha, burned). */
  alphaOut: number;
  /** SubnetProtocolAlpha: alpha the chain bought with excess TAO (part of alphaOut). */
  protocolAlpha: number;
  /** SubnetMovingPrice. */
  movingPrice: number;
  /** PendingRootAlphaDivs. */
  pendingRoot: number;
  /** Root dividends paid at epochs and not yet claimed by root stakers, alpha (part of alphaOut). */
  rootClaimable: number;
  /** 2025-02 era: root alpha sold as emitted; the TAO waits here for the epoch. */
  pendingRootTao: number;
  /** MinerBurned: fraction of the last epoch's miner incentive withheld from the owner's hotkeys. */
  minerBurned: number;
  /** Burn: the neuron registration price, rao. */
  burn: number;
  /** Per-block decay factor of the burn, Q32 (registration/burn.ts). */
  burnDecayQ32: number;
  /** SubnetEmissionEnabled. */
  emissionEnabled: boolean;
  /** Registered and not dissolved: only active subnets emit, run epochs, register neurons and trade. */
  active: boolean;
  /** NetworkRegisteredAt (≤ 0: before the run). */
  registeredAt: number;
  /** Block at which it was pruned and dissolved, or −1. */
  dissolvedAt: number;
  /** FirstEmissionBlockNumber (start_call). */
  startBlock: number;
  /** TAO paid in by users this block (stakes net of fee, registration burns) minus TAO paid out. */
  userFlow: number;
  /** SubnetEmaTaoFlow and its protocol twin (net-flow era). */
  flowEma: number;
  protocolFlowEma: number;
  protocolFlow: number;
  /** Last block's coinbase terms, for sampling. */
  share: number;
  taoIn: number;
  alphaIn: number;
  excessTao: number;
  alphaEmission: number;
  ownerCutBlock: number;
  rootAlphaBlock: number;
  /** Root dividends (alpha) paid at the last epoch. */
  rootDividends: number;
  /** Alpha held by holders outside the model (the scenario's alpha_issuance), part of alphaOut. */
  outsideAlpha: number;
  /** Alpha the owner cut has staked to the owner's hotkey (part of alphaOut). */
  ownerAlpha: number;
  /** Alpha burned (stays in alphaOut, owned by nobody): epoch dust, withheld owner-miner incentive. */
  burnedAlpha: number;
  /** Alpha paid to parent hotkeys outside the subnet (childkeys), CK burn included (cumulative). */
  parentAlpha: number;
  /** Root alpha that left to root stakers: claimable, sold, recycled when root does not sell (cumulative). */
  rootStakersAlpha: number;
  /** Alpha recycled (removed from alphaOut and issuance): registration burns, unpayable root dividends. */
  recycledAlpha: number;
  /** Alpha minted by the run: injected into the pool + emitted to alphaOut. */
  mintedAlpha: number;
  /** Alpha issuance at the start (pool + outstanding). */
  initialIssuance: number;
  /** Per-epoch alpha yield of staking with validators (dividends over staked alpha), EMA over epochs. */
  dividendYield: number;
  /** Registrations paid this run and TAO spent on them. */
  registrationsPaid: number;
  registrationTao: number;
  /** TAO users traded through the pool this run (stakes and unstakes, fees included), rao: the NVT ratio's volume. */
  volume: number;
}

/** Stakers (TAO holders who are not neurons), one row per staker, one column per subnet. */
export interface StakerTable {
  count: number;
  /** Per staker → index of its group in NetworkConfig.stakers. */
  group: Int16Array;
  /** Per staker → free TAO, rao. */
  balance: Float64Array;
  /** Per staker → next block at which it decides. */
  nextAction: Float64Array;
  /** Per staker → index of its next scripted action. */
  nextScripted: Int32Array;
  /** staker × subnet (index into subnets) → shares in the hotkey pool of `hotkey`. */
  shares: Float64Array;
  /** staker × subnet → hotkey id of the validator the position is delegated to, −1 = none. */
  hotkey: Int32Array;
  /** staker × subnet → alpha left on a hotkey that was deregistered (no longer earning). */
  detached: Float64Array;
}

export interface NetworkLedger {
  /** TotalIssuance, rao. */
  totalIssuance: bigint;
  /** TotalIssuance at the start. */
  initialIssuance: bigint;
  /** TAO minted by coinbase (pool injections and chain buys), rao. */
  mintedTao: bigint;
  /** Swap fees paid to block authors, rao. */
  feeSink: number;
  /** TAO of wallets outside the model (registrants, other subnets' holders), rao; may not go below 0. */
  outside: bigint;
  /** TAO recycled (total issuance lowered): dissolved subnets' pool shares of protocol and burned alpha. */
  recycledTao: bigint;
  /** TAO staked on root (R): the configured stake plus root claims swapped to TAO, rao. */
  rootStake: number;
  /**
   * What totalIssuance, mintedTao and outside read and write (network-ledger.ts): the coinbase adds
   * to these every block without allocating a bigint.
   */
  readonly totals: { issuance: RaoTotal; minted: RaoTotal; outside: RaoTotal };
}

export interface NetworkState {
  ledger: NetworkLedger;
  /** Per subnet (same order as SimulationState.subnets). */
  markets: SubnetMarket[];
  stakers: StakerTable;
  /** This block's TAO block emission, rao. */
  blockEmission: number;
  /** This block's share of the subnets outside the scenario (NetworkConfig.otherSubnets). */
  otherShare: number;
  /** Subnet registration state: NetworkLastLockCost, NetworkLastRegistered, and subnets outside the scenario. */
  registry: { lastLock: number; lastLockBlock: number; otherSubnets: number };
  /** Epochs pushed to a later block by MaxEpochsPerBlock: per subnet, 1 = due. */
  epochDue: Uint8Array;
}
