import type { TimelineState } from '../timeline.ts';
import { RAO_PER_ALPHA } from '../units.ts';
import type { ContributorState, GrantState, PackageState } from './state.ts';

/**
 * A run's compensation figures (summary.json `compensation`): per contributor and package, what the
 * package paid and is worth at the end, USD; tokens in whole units. `value_usd` = `realised_usd`
 * (salary, sales, forward deliveries, hedge flows) + `paper_usd` (held and locked tokens and open floors
 * at the last day's prices). `pv_usd` discounts every flow and the final paper value to day 0 at the
 * contributor's discount rate; `net_pv_usd` after tax. The cash twin pays the same salary and each
 * vest's value at the grant-date price, in cash, and leaves when the package does.
 */

const tokens = (rao: number) => rao / RAO_PER_ALPHA;
const round = (x: number, digits = 2) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

export interface GrantValues {
  grant: string;
  asset: string;
  netuid: number | null;
  granted: number;
  vested: number;
  forfeited: number;
  capped: number;
  sold: number;
  locked: number;
  held: number;
  realised_usd: number | null;
  paper_usd: number | null;
  forfeited_usd: number | null;
  income_usd: number | null;
  income_tax_usd: number | null;
  /** The whole grant's share of the asset's supply on the grant date and at the end (dilution). */
  supply_share_at_grant: number | null;
  supply_share_end: number | null;
  /** The holder's tokens (held and locked) as a share of the supply at the end. */
  holder_supply_share_end: number | null;
}

export interface PackageValues {
  package: string;
  holds: boolean;
  salary_usd: number | null;
  realised_usd: number | null;
  paper_usd: number | null;
  value_usd: number | null;
  pv_usd: number | null;
  net_pv_usd: number | null;
  tax_usd: number | null;
  income_tax_usd: number | null;
  token_income_tax_usd: number | null;
  capital_gains_tax_usd: number | null;
  /** Income tax on vested grant tokens above what those tokens fetched and are worth at the end. */
  tax_exceeds_value: boolean;
  hedge_usd: number | null;
  forfeited_usd: number | null;
  left_day: number | null;
  cash_twin_usd: number | null;
  cash_twin_pv_usd: number | null;
  /** value_usd − cash_twin_usd. */
  vs_cash_twin_usd: number | null;
  /** Hedged packages: the same package without its hedges, on the same path. */
  unhedged_value_usd?: number | null;
  unhedged_pv_usd?: number | null;
  grants: GrantValues[];
}

/** The final figures of one package; `factor` discounts the last day's paper value to day 0. */
export function finalValues(pkg: PackageState, lastDay: number, discountRate: number) {
  const factor = (1 + discountRate) ** (-lastDay / 365);
  const grantTokensWorth = pkg.grants.reduce(
    (sum, g) => (g.operating === null ? sum + g.realisedUsd + tokens(g.held + g.lock.locked) * g.price : sum),
    0,
  );
  return {
    value: pkg.valueUsd,
    realised: pkg.realisedUsd,
    paper: pkg.paperUsd,
    pv: pkg.pvUsd + pkg.paperUsd * factor,
    netPv: pkg.netPvUsd + pkg.paperUsd * factor,
    tax: pkg.incomeTaxUsd + pkg.capitalGainsTaxUsd,
    taxExceedsValue: pkg.tokenIncomeTaxUsd > grantTokensWorth + 1e-9,
    forfeited: pkg.grants.reduce((sum, g) => sum + g.forfeitedUsd, 0),
  };
}

/** Tokens granted: the total (unstarted: the amount), or what a vest-date USD grant or a neuron delivered so far. */
function grantedTokens(g: GrantState): number {
  const c = g.config;
  if (g.operating !== null || (c.usd !== null && c.convert === 'vest_date'))
    return g.vested + g.forfeited + g.capped;
  return g.started ? g.total : (c.amount ?? 0);
}

function grantValues(g: GrantState, netuidOf: (k: number) => number): GrantValues {
  return {
    grant: g.config.name,
    asset: g.config.asset,
    netuid: g.config.subnet >= 0 ? netuidOf(g.config.subnet) : null,
    granted: tokens(grantedTokens(g)),
    vested: tokens(g.vested),
    forfeited: tokens(g.forfeited),
    capped: tokens(g.capped),
    sold: tokens(g.sold),
    locked: tokens(g.lock.locked),
    held: tokens(g.held),
    realised_usd: round(g.realisedUsd),
    paper_usd: round(tokens(g.held + g.lock.locked) * g.price),
    forfeited_usd: round(g.forfeitedUsd),
    income_usd: round(g.incomeUsd),
    income_tax_usd: round(g.incomeTaxUsd),
    supply_share_at_grant: round(grantedTokens(g) / g.supplyAtGrant, 9),
    supply_share_end: round(grantedTokens(g) / g.supply, 9),
    holder_supply_share_end: round(g.supplyShare, 9),
  };
}

function packageValues(
  c: ContributorState,
  i: number,
  lastDay: number,
  netuidOf: (k: number) => number,
): PackageValues {
  const pkg = c.packages[i];
  const v = finalValues(pkg, lastDay, c.config.discountRate);
  const out: PackageValues = {
    package: pkg.name,
    holds: pkg.real,
    salary_usd: round(pkg.salaryUsd),
    realised_usd: round(v.realised),
    paper_usd: round(v.paper),
    value_usd: round(v.value),
    pv_usd: round(v.pv),
    net_pv_usd: round(v.netPv),
    tax_usd: round(v.tax),
    income_tax_usd: round(pkg.incomeTaxUsd),
    token_income_tax_usd: round(pkg.tokenIncomeTaxUsd),
    capital_gains_tax_usd: round(pkg.capitalGainsTaxUsd),
    tax_exceeds_value: v.taxExceedsValue,
    hedge_usd: round(pkg.hedgeUsd),
    forfeited_usd: round(v.forfeited),
    left_day: pkg.left ? pkg.leftDay : null,
    cash_twin_usd: round(pkg.cashTwinUsd),
    cash_twin_pv_usd: round(pkg.cashTwinPvUsd),
    vs_cash_twin_usd: round(v.value - pkg.cashTwinUsd),
    grants: pkg.grants.map((g) => grantValues(g, netuidOf)),
  };
  const twin = c.packages.find((p) => p.twinOf === i);
  if (twin !== undefined) {
    const t = finalValues(twin, lastDay, c.config.discountRate);
    out.unhedged_value_usd = round(t.value);
    out.unhedged_pv_usd = round(t.pv);
  }
  return out;
}

/** summary.json's `market` and `compensation` parts. */
export function timelineSummary(t: TimelineState, netuids: readonly number[]) {
  const usd = t.path.usd;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const p of usd) {
    if (p < min) min = p;
    if (p > max) max = p;
  }
  const regimeDays: Record<string, number> = {};
  if (t.path.regime !== null) {
    for (const name of t.path.regimeNames) regimeDays[name] = 0;
    for (const r of t.path.regime) regimeDays[t.path.regimeNames[r]]++;
  }
  const lastDay = usd.length - 1;
  const netuidOf = (k: number) => netuids[k];
  return {
    market: {
      tao_usd_start: round(usd[0], 6),
      tao_usd_end: round(usd[lastDay], 6),
      tao_usd_min: round(min, 6),
      tao_usd_max: round(max, 6),
      ...(t.path.regime !== null ? { regime_days: regimeDays } : {}),
      subnets: netuids.map((netuid, k) => ({
        netuid,
        nvt_mean: t.nvtDays[k] > 0 ? round(t.nvtSum[k] / t.nvtDays[k], 6) : null,
      })),
      events: t.events.length,
    },
    ...(t.compensation !== null
      ? {
          compensation: {
            contributors: t.compensation.contributors.map((c) => ({
              contributor: c.config.name,
              packages: c.packages.flatMap((p, i) =>
                p.twinOf >= 0 ? [] : [packageValues(c, i, lastDay, netuidOf)],
              ),
            })),
          },
        }
      : {}),
  };
}
