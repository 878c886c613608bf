import type { ContributorConfig, PackageConfig, TaxConfig } from '../engine/compensation/config.ts';
import { BLOCKS_PER_DAY } from '../engine/units.ts';
import type { Condition, GrantConfig, SellingRule, VestingSchedule } from '../engine/vesting/types.ts';
import { rao } from './compile-network.ts';
import type { Scenario } from './schema.ts';

/** `contributors:` → the engine's ContributorConfig: days from blocks, rao from tokens, micro-USD from dollars. */

type Contributor = NonNullable<Scenario['contributors']>[number];
type Grant = Contributor['packages'][number]['grants'][number];

const days = (blocks: number) => blocks / BLOCKS_PER_DAY;

function selling(s: Grant['selling']): SellingRule {
  return s.rule === 'sell_fraction' ? { rule: s.rule, fraction: s.fraction } : { rule: s.rule };
}

function vesting(v: Grant['vesting'], indexOf: (netuid: number) => number): VestingSchedule {
  switch (v.convention) {
    case 'linear':
      return { convention: v.convention, duration: days(v.duration), every: days(v.every) };
    case 'cliff-catch-up':
    case 'cliff-then-linear':
      return {
        convention: v.convention,
        duration: days(v.duration),
        cliff: days(v.cliff),
        every: days(v.every),
      };
    case 'unlock-amounts':
      return {
        convention: v.convention,
        duration: days(v.duration),
        cliff: days(v.cliff),
        startUnlock: v.start_unlock,
        cliffUnlock: v.cliff_unlock,
        every: days(v.every),
      };
    case 'tranches':
      return {
        convention: v.convention,
        tranches: v.tranches.map((t) => ({ day: days(t.at), fraction: t.fraction })),
      };
    case 'milestones':
      return {
        convention: v.convention,
        milestones: v.milestones.map((m) => {
          const when: Condition = {
            metric: m.when.metric,
            subnet: m.when.netuid === undefined ? -1 : indexOf(m.when.netuid),
            atLeast: m.when.at_least ?? null,
            atMost: m.when.at_most ?? null,
            days: days(m.when.for),
          };
          return { fraction: m.fraction, when, deadline: m.deadline === undefined ? null : days(m.deadline) };
        }),
      };
  }
}

function grantConfig(g: Grant, k: number, indexOf: (netuid: number) => number): GrantConfig {
  return {
    name: g.name ?? `grant-${k + 1}`,
    asset: g.asset,
    subnet: g.netuid === undefined ? -1 : indexOf(g.netuid),
    amount: g.amount === undefined ? null : rao(g.amount),
    usd: g.usd === undefined ? null : Math.round(g.usd * 1_000_000),
    convert: g.convert,
    start: days(g.start),
    vesting: vesting(g.vesting, indexOf),
    lockup: days(g.lockup),
    selling: selling(g.selling),
  };
}

function taxConfig(t: Contributor['tax']): TaxConfig {
  const brackets =
    typeof t.income === 'number' ? [{ from: 0, rate: t.income }] : t.income.brackets.map((b) => ({ ...b }));
  return { brackets, capitalGains: t.capital_gains };
}

export function contributorConfig(c: Contributor, indexOf: (netuid: number) => number): ContributorConfig {
  const packages = c.packages.map(
    (p): PackageConfig => ({
      name: p.name,
      salary: p.salary,
      grants: p.grants.map((g, k) => grantConfig(g, k, indexOf)),
      operates: p.operates.map((o) => ({
        subnet: indexOf(o.netuid),
        uids: [...o.uids],
        selling: selling(o.selling),
      })),
      cap: p.cap ?? null,
      forward: p.hedge?.forward ?? null,
      floor: p.hedge?.floor ? { ...p.hedge.floor, tenor: days(p.hedge.floor.tenor) } : null,
    }),
  );
  const l = c.leaves;
  return {
    name: c.name,
    holds:
      c.holds === undefined
        ? 0
        : Math.max(
            0,
            c.packages.findIndex((p) => p.name === c.holds),
          ),
    discountRate: c.discount_rate,
    tax: taxConfig(c.tax),
    leaves:
      l === undefined
        ? null
        : {
            day: l.at === undefined ? null : days(l.at),
            underWater:
              l.under_water === undefined ? null : { by: l.under_water.by, days: days(l.under_water.for) },
            goodLeaver:
              l.good_leaver === undefined
                ? null
                : { accelerate: days(l.good_leaver.accelerate), fraction: l.good_leaver.fraction },
          },
    packages,
  };
}
