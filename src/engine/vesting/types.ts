/**
 * Grants and their vesting as the engine sees them (compensation.md §1–§2). Time is in whole days
 * since the run's start; token amounts are rao (10⁻⁹ of a token); USD amounts of USD-denominated grants
 * are micro-dollars (10⁻⁶), so both stay exact integers.
 */

/** Named vesting conventions (spec §2), each with its golden tests. */
export type VestingSchedule =
  /** OZ VestingWallet: total·(t − start)/duration, floored; nothing before, everything after. */
  | { convention: 'linear'; duration: number; every: number }
  /** OZ VestingWalletCliff, Sablier V2 LockupLinear: 0 before the cliff, then the linear-from-start amount. */
  | { convention: 'cliff-catch-up'; duration: number; cliff: number; every: number }
  /** QTM: nothing during the cliff, then the whole duration streams linearly after it. */
  | { convention: 'cliff-then-linear'; duration: number; cliff: number; every: number }
  /** Current Sablier Lockup: start unlock s, cliff unlock c, the rest linear from the cliff to the end. */
  | {
      convention: 'unlock-amounts';
      duration: number;
      cliff: number;
      /** Fractions of the total. */
      startUnlock: number;
      cliffUnlock: number;
      every: number;
    }
  /** Sablier Lockup Tranched: fixed fractions at fixed days. */
  | { convention: 'tranches'; tranches: { day: number; fraction: number }[] }
  /** Tranches released when a condition over the simulated state first holds, forfeited after a deadline. */
  | { convention: 'milestones'; milestones: Milestone[] };

export type Convention = VestingSchedule['convention'];

/** What a milestone condition reads from the simulated state. */
export type ConditionMetric =
  | 'best_quality'
  | 'mean_quality'
  | 'emission_share'
  | 'alpha_price'
  | 'alpha_usd'
  | 'tao_usd';

/** A condition over the state, checked once a day: the metric within bounds for `days` days in a row. */
export interface Condition {
  metric: ConditionMetric;
  /** Subnet index (the metric's subnet); −1 for tao_usd. */
  subnet: number;
  atLeast: number | null;
  atMost: number | null;
  /** Consecutive days it must hold (0 or 1: the day it first holds). */
  days: number;
}

export interface Milestone {
  fraction: number;
  when: Condition;
  /** Days after the grant's start after which the tranche is forfeited, or null. */
  deadline: number | null;
}

export type SellingRule =
  | { rule: 'hold' }
  | { rule: 'sell_at_vest' }
  | { rule: 'sell_fraction'; fraction: number };

export type Asset = 'tao' | 'alpha' | 'stablecoin';

export interface GrantConfig {
  name: string;
  asset: Asset;
  /** Subnet index of an alpha grant, −1 otherwise. */
  subnet: number;
  /** Token-denominated: the amount, rao; null for a USD-denominated grant. */
  amount: number | null;
  /** USD-denominated: the amount, micro-USD; null for a token grant. */
  usd: number | null;
  /** USD grants: converted to tokens once at the grant date's price, or each vest at that day's price. */
  convert: 'grant_date' | 'vest_date';
  /** Grant date (vesting starts), day. */
  start: number;
  vesting: VestingSchedule;
  /** Days a vested amount stays locked before it can be sold. */
  lockup: number;
  selling: SellingRule;
}
