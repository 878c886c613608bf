/**
 * What the live view shows, as plain data: the terminal UI is a function of these snapshots (and of the
 * terminal's size), so it can be tested frame by frame without a simulation. Token amounts are whole
 * TAO or alpha; fractions are 0–1.
 */

export type LiveStatus = 'running' | 'paused' | 'finished' | 'writing' | 'written' | 'failed';

export interface SubnetLine {
  netuid: number;
  /** Registered and not dissolved. */
  active: boolean;
  /** Spot price, TAO per alpha. */
  price: number;
  /** Share of the block emission (last block). */
  share: number;
  /** TAO in the pool (its depth). */
  poolTao: number;
  /** Alpha staked on the subnet's hotkeys. */
  stake: number;
  /** Registered uids. */
  n: number;
  /** Oldest first, one value per sample of the economy. */
  history: { price: number[]; share: number[]; poolTao: number[]; stake: number[] };
}

export interface MinerLine {
  uid: number;
  hotkey: number;
  /** Latent quality of its model. */
  quality: number;
  /** Incentive and alpha emission at the subnet's last epoch. */
  incentive: number;
  emission: number;
  /** Incentive at each recent epoch, oldest first. */
  history: number[];
}

export interface ValidatorLine {
  uid: number;
  hotkey: number;
  /** Alpha staked on the hotkey. */
  stake: number;
  /** Dividends and validator trust at the subnet's last epoch. */
  dividends: number;
  trust: number;
  /** Dividends at each recent epoch, oldest first. */
  history: number[];
}

/** One grant of a contributor (present once the scenario has grants). */
export interface ContributorLine {
  name: string;
  /** Asset of the grant: "TAO" or "alpha of netuid N". */
  asset: string;
  vested: number;
  unvested: number;
  /** USD value of the whole grant at the current price, if a TAO/USD price exists. */
  usd: number | null;
  /** USD value over time, oldest first. */
  history: number[];
}

export type LiveEventKind =
  | 'registration'
  | 'pruning'
  | 'subnet_registered'
  | 'subnet_dissolved'
  | 'halving'
  | 'shock'
  | 'milestone'
  | 'note';

export interface LiveEvent {
  /** Order of logging, from 0: unique within a run. */
  id: number;
  block: number;
  kind: LiveEventKind;
  /** The subnet concerned, or null for network-wide events. */
  netuid: number | null;
  text: string;
}

export interface LiveSnapshot {
  scenario: string;
  block: number;
  blocks: number;
  /** Simulated date (day and time since the start, or a calendar date if the scenario has one). */
  date: string;
  status: LiveStatus;
  /** Status detail: where results went, or what failed. */
  message: string;
  /** Speed label, e.g. "1800 blk/s (6 h/s)". */
  speed: string;
  /** TAO/USD now (shocks included), or null when the scenario has no price path. */
  taoUsd: number | null;
  /** Product of the shocks applied so far (1 = none). */
  shockFactor: number;
  /** Block emission, TAO per block. */
  blockEmission: number;
  /** Emission rules era (e.g. 2026-06) and TAO halvings so far. */
  era: string;
  halvings: number;
  subnets: SubnetLine[];
  /** Index in `subnets` of the subnet whose neurons are shown. */
  selected: number;
  miners: MinerLine[];
  validators: ValidatorLine[];
  /** Present when the run has grants (compensation). */
  contributors?: ContributorLine[];
  /** Most recent last. */
  events: LiveEvent[];
}
