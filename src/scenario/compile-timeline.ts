import type { ContributorConfig, PackageConfig, TaxConfig } from '../engine/compensation/config.ts';
import type { SimulationConfig, SubnetConfig, ValidatorBehaviour } from '../engine/config.ts';
import type { PriceModel } from '../engine/market/price-model.ts';
import type { Shock } from '../engine/shocks/types.ts';
import type { TimelineConfig } from '../engine/timeline.ts';
import { BLOCKS_PER_DAY, RAO_PER_ALPHA } from '../engine/units.ts';
import type { Condition, GrantConfig, SellingRule, VestingSchedule } from '../engine/vesting/types.ts';
import type { Scenario } from './schema.ts';

/**
 * `market:`, `shocks:` and `contributors:` → the engine's TimelineConfig: days from blocks, rao from
 * tokens, micro-USD from dollars, subnet indexes from netuids. Shocks that change behaviours append
 * groups (count 0) to their subnet's config for the neurons to move into. Undefined when the scenario
 * has none of the three, so such a run is exactly what it was without them.
 */

type Contributor = NonNullable<Scenario['contributors']>[number];
type Grant = Contributor['packages'][number]['grants'][number];

const days = (blocks: number) => blocks / BLOCKS_PER_DAY;
const rao = (tokens: number) => Math.round(tokens * RAO_PER_ALPHA);

function priceModel(scenario: Scenario): PriceModel {
  const m = scenario.market?.tao_usd ?? { model: 'constant' as const, initial: 400 };
  switch (m.model) {
    case 'constant':
    case 'gbm':
    case 'merton':
      return m;
    case 'regimes': {
      const n = m.regimes.length;
      const names = m.regimes.map((r) => r.name);
      const transitions = new Float64Array(n * n);
      m.regimes.forEach((r, i) => {
        let leave = 0;
        for (const [to, p] of Object.entries(r.transitions)) {
          transitions[i * n + names.indexOf(to)] = p;
          leave += p;
        }
        transitions[i * n + i] = Math.max(0, 1 - leave);
      });
      const regimes = m.regimes.map(({ name, drift, volatility }) => ({ name, drift, volatility }));
      return {
        model: 'regimes',
        initial: m.initial,
        regimes,
        transitions,
        start: Math.max(0, names.indexOf(m.start ?? names[0])),
      };
    }
    case 'historical':
      // parse.ts reads `csv` into `points` when it loads the file (market-data.ts).
      if (m.points === undefined)
        throw new Error('historical TAO/USD series was not loaded (csv without points)');
      return { model: 'historical', points: m.points };
  }
}

/** Starting group of `uid` among a subnet's validators (uids 0…) or miners (after them). */
function startingGroup(config: SubnetConfig, uid: number): { role: 'validators' | 'miners'; group: number } {
  let at = 0;
  for (let g = 0; g < config.validators.length; g++) {
    at += config.validators[g].count;
    if (uid < at) return { role: 'validators', group: g };
  }
  for (let g = 0; g < config.miners.length; g++) {
    at += config.miners[g].count;
    if (uid < at) return { role: 'miners', group: g };
  }
  return { role: 'miners', group: config.miners.length - 1 };
}

function shocksOf(
  scenario: Scenario,
  config: SimulationConfig,
  topValidators: (k: number, behaviour: ValidatorBehaviour) => SubnetConfig['validators'][number],
): Shock[] {
  return (scenario.shocks ?? []).map((s) => shockOf(s, config, topValidators));
}

function shockOf(
  s: NonNullable<Scenario['shocks']>[number],
  config: SimulationConfig,
  topValidators: (k: number, behaviour: ValidatorBehaviour) => SubnetConfig['validators'][number],
): Shock {
  const indexOf = (netuid: number) => config.subnets.findIndex((x) => x.netuid === netuid);
  const label = s.label ?? '';
  if (s.kind === 'tao_usd') return { kind: s.kind, block: s.at, overBlocks: s.over, change: s.change, label };
  const k = indexOf(s.netuid);
  const subnet = config.subnets[k];
  switch (s.kind) {
    case 'sell_pressure':
      return { kind: s.kind, block: s.at, overBlocks: s.over, subnet: k, alpha: rao(s.alpha), label };
    case 'stake_flight':
      return { kind: s.kind, block: s.at, overBlocks: s.over, subnet: k, fraction: s.fraction, label };
    case 'validator_leaves': {
      const from = subnet.validators[startingGroup(subnet, s.uid).group];
      subnet.validators.push({ ...from, count: 0, behaviour: 'lazy' });
      return {
        kind: s.kind,
        block: s.at,
        subnet: k,
        uid: s.uid,
        group: subnet.validators.length - 1,
        label,
      };
    }
    case 'validator_arrives':
      subnet.validators.push({
        ...topValidators(k, s.behaviour as ValidatorBehaviour),
        count: 0,
        stake: 0,
        rootStake: 0,
        parent: null,
      });
      return {
        kind: s.kind,
        block: s.at,
        subnet: k,
        tao: rao(s.stake),
        group: subnet.validators.length - 1,
        label,
      };
    case 'cabal_forms': {
      // One cabal copy per group the members come from, so each keeps its own other settings.
      const clones = new Map<string, number>();
      const cloneOf = (uid: number) => {
        const { role, group } = startingGroup(subnet, uid);
        const key = `${role}:${group}`;
        if (!clones.has(key)) {
          if (role === 'validators')
            subnet.validators.push({
              ...subnet.validators[group],
              count: 0,
              behaviour: 'cabal',
              cabal: s.name,
              cabalBoost: s.boost,
            });
          else subnet.miners.push({ ...subnet.miners[group], count: 0, cabal: s.name });
          clones.set(key, (role === 'validators' ? subnet.validators : subnet.miners).length - 1);
        }
        return { uid, group: clones.get(key)! };
      };
      return {
        kind: s.kind,
        block: s.at,
        subnet: k,
        name: s.name,
        validators: s.validators.map(cloneOf),
        miners: s.miners.map(cloneOf),
        label,
      };
    }
    case 'miner_quality':
      return {
        kind: s.kind,
        block: s.at,
        subnet: k,
        miners: s.miners,
        change: s.change ?? null,
        set: s.set ?? null,
        label,
      };
  }
}

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

function contributorConfig(c: Contributor, indexOf: (netuid: number) => number): ContributorConfig {
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

/** The timeline of a scenario (mutates `config`'s subnets to add the groups shocks move neurons into). */
export function timelineConfig(
  scenario: Scenario,
  config: SimulationConfig,
  topValidators: (k: number, behaviour: ValidatorBehaviour) => SubnetConfig['validators'][number],
): TimelineConfig | undefined {
  if (scenario.market === undefined && scenario.shocks === undefined && scenario.contributors === undefined)
    return undefined;
  const indexOf = (netuid: number) => config.subnets.findIndex((s) => s.netuid === netuid);
  return {
    taoUsd: priceModel(scenario),
    shocks: shocksOf(scenario, config, topValidators),
    contributors: (scenario.contributors ?? []).map((c) => contributorConfig(c, indexOf)),
  };
}
