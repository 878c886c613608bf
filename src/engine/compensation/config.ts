import type { LeavingRule } from '../vesting/leaving.ts';
import type { GrantConfig, SellingRule } from '../vesting/types.ts';

/**
 * Contributors and their packages as the engine sees them (compensation.md §1 "Packages"): salary in
 * USD a year, grants, the neurons the contributor operates, a cap on token upside, hedges, tax and the
 * discount rate of the valuation. Subnets are indexes into SimulationConfig.subnets.
 */

/** Neurons a package counts as the contributor's own: their rewards from the Yuma epochs are income. */
export interface OperatesConfig {
  subnet: number;
  uids: number[];
  selling: SellingRule;
}

/** Forward: sell `fraction` of each vest at that day's price, less `cost`, delivered when it unlocks. */
export interface ForwardHedge {
  fraction: number;
  cost: number;
}

/** Floor: on each vest buy a put on `fraction` of it, strike `strike` × the vest-day price, for `premium` × notional, expiring `tenor` days later. */
export interface FloorHedge {
  fraction: number;
  strike: number;
  premium: number;
  tenor: number;
}

export interface PackageConfig {
  name: string;
  /** USD a year, paid daily while employed. */
  salary: number;
  grants: GrantConfig[];
  operates: OperatesConfig[];
  /** Token upside cap, USD of vest-day value; null: none. */
  cap: number | null;
  forward: ForwardHedge | null;
  floor: FloorHedge | null;
}

/** Income tax by brackets over each 365-day tax year's income (a flat rate is one bracket from 0). */
export interface TaxConfig {
  brackets: { from: number; rate: number }[];
  capitalGains: number;
}

export interface ContributorConfig {
  name: string;
  /** Index of the package the contributor holds: its trades are real (they move the pools); the others are quoted. */
  holds: number;
  /** Annual discount rate of the discounted token flow value. */
  discountRate: number;
  tax: TaxConfig;
  leaves: LeavingRule | null;
  packages: PackageConfig[];
}
