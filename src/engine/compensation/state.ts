import type { LeaveWatch } from '../vesting/leaving.ts';
import { createLockRing, type LockRing } from '../vesting/lockup.ts';
import { createMilestoneState, type MilestoneState } from '../vesting/milestones.ts';
import type { GrantConfig } from '../vesting/types.ts';
import type { ContributorConfig, PackageConfig } from './config.ts';

/**
 * Contributors' packages day by day. Token amounts are rao (10⁻⁹ token), USD amounts are dollars.
 * Every package of a contributor lives on the same simulated path: the one the contributor holds trades
 * for real (its alpha sales move the pool), the others — and the unhedged twin of each hedged package —
 * are quoted against the pool as it is, without moving it.
 */

export interface GrantState {
  config: GrantConfig;
  /** An operating pseudo-grant: the rewards of the contributor's own neuron on `uid`; null for a grant. */
  operating: { uid: number } | null;
  started: boolean;
  /** The schedule's total: tokens, or micro-USD for a grant converted at each vest date; 0 until it starts. */
  total: number;
  /** USD per token on the grant date (the under-water reference). */
  grantPrice: number;
  /** Schedule units vested and forfeited so far. */
  vestedUnits: number;
  forfeitedUnits: number;
  milestones: MilestoneState | null;
  /** Tokens: vested, forfeited (leaving, missed milestones, unfunded), withheld by the cap, sold (forwards delivered included), held (sellable, unsold). */
  vested: number;
  forfeited: number;
  capped: number;
  sold: number;
  held: number;
  /** Vested tokens still locked. */
  lock: LockRing;
  /** Forward-sold tokens and their USD, by delivery day (forward hedge only). */
  forwardTokens: Float64Array | null;
  forwardUsd: Float64Array | null;
  /** USD: sales and deliveries received, value of what was forfeited, income at vest and its tax, cost basis of the tokens held and locked. */
  realisedUsd: number;
  forfeitedUsd: number;
  incomeUsd: number;
  incomeTaxUsd: number;
  basisUsd: number;
  /** Today's USD per token, and the holder's share of the token's supply (held + locked over all issued). */
  price: number;
  supplyShare: number;
  /** Tokens of the asset in existence on the grant date and today, rao (dilution: the grant's share then and now). */
  supplyAtGrant: number;
  supply: number;
}

/** A floor (protective put) bought at a vest. */
export interface Put {
  grant: number;
  expiry: number;
  tokens: number;
  /** USD per token. */
  strike: number;
}

export interface PackageState {
  config: PackageConfig;
  name: string;
  /** Trades for real (the package the contributor holds). */
  real: boolean;
  /** The hedged package this is the unhedged twin of, or −1. */
  twinOf: number;
  grants: GrantState[];
  left: boolean;
  leftDay: number;
  watch: LeaveWatch;
  /** Cumulative USD: salary paid, hedge flows (forward deliveries count in grants), tax by kind. */
  salaryUsd: number;
  hedgeUsd: number;
  incomeTaxUsd: number;
  tokenIncomeTaxUsd: number;
  capitalGainsTaxUsd: number;
  /** Capital losses carried forward against later gains. */
  lossCarry: number;
  /** The current tax year (365 days) and its income so far. */
  taxYear: number;
  yearIncome: number;
  /** Vest-day USD value counted against the cap so far. */
  capUsed: number;
  puts: Put[];
  /** Discounted flows so far: before tax, after tax, and of the cash twin. */
  pvUsd: number;
  netPvUsd: number;
  cashTwinUsd: number;
  cashTwinPvUsd: number;
  /** End of today: held and locked tokens at today's prices, and realised + that. */
  paperUsd: number;
  realisedUsd: number;
  valueUsd: number;
  /** Per day → 1 if some grant vested that day; 1 if those vests were worth less than at their grant prices. */
  vestDays: Uint8Array;
  underWaterDays: Uint8Array;
}

export interface ContributorState {
  config: ContributorConfig;
  /** The scenario's packages in its order, then the unhedged twins of the hedged ones. */
  packages: PackageState[];
  /** Indexes into `packages` in stepping order: the held package first, so the others are quoted on the path its trades made. */
  order: number[];
  /** Operated neurons (subnet, uid) → the hotkey found there at the start and its own stake's value yesterday, rao. */
  operated: Map<
    string,
    { subnet: number; uid: number; hotkey: number; previous: number; reward: number; gone: boolean }
  >;
}

export interface CompensationState {
  contributors: ContributorState[];
}

function grantState(
  config: GrantConfig,
  days: number,
  forward: boolean,
  operating: { uid: number } | null,
): GrantState {
  return {
    config,
    operating,
    started: false,
    total: 0,
    grantPrice: 0,
    vestedUnits: 0,
    forfeitedUnits: 0,
    milestones:
      config.vesting.convention === 'milestones'
        ? createMilestoneState(config.vesting.milestones.length)
        : null,
    vested: 0,
    forfeited: 0,
    capped: 0,
    sold: 0,
    held: 0,
    lock: createLockRing(days, config.lockup),
    forwardTokens: forward ? new Float64Array(days + config.lockup + 1) : null,
    forwardUsd: forward ? new Float64Array(days + config.lockup + 1) : null,
    realisedUsd: 0,
    forfeitedUsd: 0,
    incomeUsd: 0,
    incomeTaxUsd: 0,
    basisUsd: 0,
    price: 0,
    supplyShare: 0,
    supplyAtGrant: Number.NaN,
    supply: Number.NaN,
  };
}

/** The pseudo-grant of a package's operated neuron: alpha that "vests" as the neuron earns it. */
export function operatingGrantConfig(
  subnet: number,
  uid: number,
  selling: GrantConfig['selling'],
): GrantConfig {
  return {
    name: `operating uid ${uid}`,
    asset: 'alpha',
    subnet,
    amount: null,
    usd: null,
    convert: 'grant_date',
    start: 0,
    vesting: { convention: 'linear', duration: 0, every: 1 },
    lockup: 0,
    selling,
  };
}

function packageState(config: PackageConfig, days: number, real: boolean, twinOf: number): PackageState {
  const forward = config.forward !== null;
  const grants = config.grants.map((g) => grantState(g, days, forward, null));
  for (const op of config.operates)
    for (const uid of op.uids)
      grants.push(grantState(operatingGrantConfig(op.subnet, uid, op.selling), days, false, { uid }));
  return {
    config,
    name: twinOf >= 0 ? `${config.name} (unhedged)` : config.name,
    real,
    twinOf,
    grants,
    left: false,
    leftDay: -1,
    watch: { streak: 0 },
    salaryUsd: 0,
    hedgeUsd: 0,
    incomeTaxUsd: 0,
    tokenIncomeTaxUsd: 0,
    capitalGainsTaxUsd: 0,
    lossCarry: 0,
    taxYear: 0,
    yearIncome: 0,
    capUsed: 0,
    puts: [],
    pvUsd: 0,
    netPvUsd: 0,
    cashTwinUsd: 0,
    cashTwinPvUsd: 0,
    paperUsd: 0,
    realisedUsd: 0,
    valueUsd: 0,
    vestDays: new Uint8Array(days + 1),
    underWaterDays: new Uint8Array(days + 1),
  };
}

/** Each contributor's packages (the held one trades for real), then an unhedged twin of every hedged one. */
export function createCompensationState(
  contributors: readonly ContributorConfig[],
  days: number,
): CompensationState {
  return {
    contributors: contributors.map((c) => {
      const packages = c.packages.map((p, i) => packageState(p, days, i === c.holds, -1));
      const count = packages.length;
      for (let i = 0; i < count; i++) {
        const p = packages[i].config;
        if (p.forward !== null || p.floor !== null)
          packages.push(packageState({ ...p, forward: null, floor: null }, days, false, i));
      }
      const order = [c.holds, ...packages.keys()].filter((i, k) => k === 0 || i !== c.holds);
      return { config: c, packages, order, operated: new Map() };
    }),
  };
}
