import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenario/compile.ts';
import { formatPath } from '../../src/scenario/locate.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { formatProblem, type ScenarioProblem } from '../../src/scenario/problem.ts';
import { resolvedScenarioText } from '../../src/scenario/resolve.ts';

/**
 * `market:`, `shocks:` and `contributors:` in scenario files: their defaults, and for every key a bad
 * value reported with the file, its line, the path inside it and what is allowed.
 */

function parse(text: string) {
  return parseScenarioText(text, 'comp.yaml', { defaultName: 'comp' });
}

function problems(text: string): ScenarioProblem[] {
  const result = parse(text);
  return result.ok ? [] : result.problems;
}

const BASE = `
duration: 30d
subnets: [{ alpha_issuance: 1000, validators: { count: 2 }, miners: { count: 4 } }]
`;

const person = (pkg: string, extra = '') => `${BASE}
contributors:
  - name: dev${extra}
    packages:
      - ${pkg}
`;
const grant = (g: string) => person(`{ name: p, grants: [${g}] }`);

describe('defaults', () => {
  it('an empty market is a constant $400 TAO; a grant defaults to 4 years with a 1-year cliff, held', () => {
    const result = parse(
      `${BASE}\nmarket: {}\ncontributors: [{ name: dev, packages: [{ name: p, grants: [{ amount: 100 }] }] }]`,
    );
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.scenario.market).toEqual({ tao_usd: { model: 'constant', initial: 400 } });
    const c = result.scenario.contributors![0];
    expect(c).toMatchObject({ discount_rate: 0.1, tax: { income: 0, capital_gains: 0 } });
    expect(c.packages[0]).toMatchObject({ salary: 0, operates: [] });
    expect(c.packages[0].grants[0]).toEqual({
      asset: 'tao',
      amount: 100,
      convert: 'grant_date',
      start: 0,
      vesting: { convention: 'cliff-catch-up', duration: 1460 * 7200, cliff: 365 * 7200, every: 7200 },
      lockup: 0,
      selling: { rule: 'hold' },
    });
  });

  it('a scenario without them compiles without a timeline (and runs as before)', () => {
    const result = parse(BASE);
    if (!result.ok) throw new Error('invalid');
    expect(compileScenario(result.scenario).timeline).toBeUndefined();
    expect(resolvedScenarioText(result.scenario, 'x')).not.toMatch(/market|shocks|contributors/);
  });

  it('scenario.resolved.yaml of a scenario with them loads back to the same scenario', () => {
    const result = parse(`${BASE}
market: { tao_usd: { model: regimes, regimes: [{ name: up, drift: 1, volatility: 0.5, transitions: { down: 0.01 } }, { name: down, drift: -1, volatility: 1 }] } }
shocks: [{ kind: tao_usd, at: 10d, change: -0.5, over: 5d }]
contributors: [{ name: dev, leaves: { at: 20d }, packages: [{ name: p, salary: 1, grants: [{ usd: 5, convert: vest_date, vesting: { convention: linear, duration: 10d } }] }] }]
`);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const again = parse(resolvedScenarioText(result.scenario, 'x'));
    if (!again.ok) throw new Error(again.problems.map(formatProblem).join('\n'));
    expect({ ...again.scenario, subnet_sim_version: undefined }).toEqual({
      ...result.scenario,
      subnet_sim_version: undefined,
    });
  });
});

// [what is wrong, the scenario, the path reported, a fragment of what is allowed]
const CASES: [string, string, string, string][] = [
  ['unknown price model', `${BASE}market: { tao_usd: { model: brownian } }`, 'market.tao_usd.model', '"gbm"'],
  [
    'negative volatility',
    `${BASE}market: { tao_usd: { model: gbm, volatility: -1 } }`,
    'market.tao_usd.volatility',
    '≥ 0',
  ],
  [
    'zero initial price',
    `${BASE}market: { tao_usd: { model: constant, initial: 0 } }`,
    'market.tao_usd.initial',
    '> 0',
  ],
  [
    'negative jump rate',
    `${BASE}market: { tao_usd: { model: merton, jumps: { rate: -1 } } }`,
    'market.tao_usd.jumps.rate',
    '≥ 0',
  ],
  [
    'no regimes',
    `${BASE}market: { tao_usd: { model: regimes, regimes: [] } }`,
    'market.tao_usd.regimes',
    'at least 1',
  ],
  [
    'transition to an unknown regime',
    `${BASE}market: { tao_usd: { model: regimes, regimes: [{ name: a, drift: 0, volatility: 1, transitions: { b: 0.1 } }] } }`,
    'market.tao_usd.regimes[0].transitions.b',
    'one of',
  ],
  [
    'leaving a regime with probability above 1',
    `${BASE}market: { tao_usd: { model: regimes, regimes: [{ name: a, drift: 0, volatility: 1, transitions: { b: 0.7 } }, { name: b, drift: 0, volatility: 1, transitions: { a: 0.2, c: 0.9 } }, { name: c, drift: 0, volatility: 1 }] } }`,
    'market.tao_usd.regimes[1].transitions',
    'a sum ≤ 1',
  ],
  [
    'an unknown start regime',
    `${BASE}market: { tao_usd: { model: regimes, start: c, regimes: [{ name: a, drift: 0, volatility: 1 }] } }`,
    'market.tao_usd.start',
    '"a"',
  ],
  [
    'a series without data',
    `${BASE}market: { tao_usd: { model: historical } }`,
    'market.tao_usd',
    'exactly one of csv',
  ],
  [
    'days going back',
    `${BASE}market: { tao_usd: { model: historical, points: [{ day: 3, price: 1 }, { day: 2, price: 1 }] } }`,
    'market.tao_usd.points[1].day',
    'more than 3',
  ],
  [
    'a bad start date',
    `${BASE}market: { tao_usd: { model: historical, csv: x.csv, start: 2025-13-01x } }`,
    'market.tao_usd.start',
    'YYYY-MM-DD',
  ],
  ['unknown shock', `${BASE}shocks: [{ kind: meteor, at: 1d }]`, 'shocks[0].kind', '"tao_usd"'],
  [
    'a TAO/USD move of −100 %',
    `${BASE}shocks: [{ kind: tao_usd, at: 1d, change: -1 }]`,
    'shocks[0].change',
    '> -1',
  ],
  [
    'a shock after the end',
    `${BASE}shocks: [{ kind: tao_usd, at: 40d, change: 0.1 }]`,
    'shocks[0].at',
    'at most the duration',
  ],
  [
    'a shock on a missing subnet',
    `${BASE}shocks: [{ kind: stake_flight, at: 1d, netuid: 9, fraction: 0.5 }]`,
    'shocks[0].netuid',
    'one of 1',
  ],
  [
    'a stake flight of 0',
    `${BASE}shocks: [{ kind: stake_flight, at: 1d, netuid: 1, fraction: 0 }]`,
    'shocks[0].fraction',
    '> 0',
  ],
  [
    'a miner leaving as a validator',
    `${BASE}shocks: [{ kind: validator_leaves, at: 1d, netuid: 1, uid: 3 }]`,
    'shocks[0].uid',
    'a validator uid, 0 to 1',
  ],
  [
    'a cabal with a validator as miner',
    `${BASE}shocks: [{ kind: cabal_forms, at: 1d, netuid: 1, validators: [0], miners: [1] }]`,
    'shocks[0].miners[0]',
    'a miner uid, 2 to 5',
  ],
  [
    'a quality shock saying neither',
    `${BASE}shocks: [{ kind: miner_quality, at: 1d, netuid: 1 }]`,
    'shocks[0]',
    'exactly one of change or set',
  ],
  [
    'sell pressure without outside alpha',
    `duration: 30d\nshocks: [{ kind: sell_pressure, at: 1d, netuid: 1, alpha: 5 }]`,
    'shocks[0].netuid',
    'alpha_issuance > 0',
  ],
  [
    'an arriving weight copier of another kind',
    `${BASE}shocks: [{ kind: validator_arrives, at: 1d, netuid: 1, stake: 1, behaviour: cabal }]`,
    'shocks[0].behaviour',
    '"honest"',
  ],
  [
    'unknown convention',
    grant('{ amount: 1, vesting: { convention: cliff, duration: 1y } }'),
    'contributors[0].packages[0].grants[0].vesting.convention',
    '"cliff-catch-up"',
  ],
  [
    'a duration in blocks that is not whole days',
    grant('{ amount: 1, vesting: { convention: linear, duration: 100 } }'),
    'contributors[0].packages[0].grants[0].vesting.duration',
    'whole number of days',
  ],
  [
    'a cliff after the end',
    grant('{ amount: 1, vesting: { convention: cliff-catch-up, duration: 1y, cliff: 2y } }'),
    'contributors[0].packages[0].grants[0].vesting.cliff',
    'at most the duration (365 days)',
  ],
  [
    'unlocks above the grant',
    grant(
      '{ amount: 1, vesting: { convention: unlock-amounts, duration: 1y, cliff: 30d, start_unlock: 0.6, cliff_unlock: 0.6 } }',
    ),
    'contributors[0].packages[0].grants[0].vesting.cliff_unlock',
    '≤ 1',
  ],
  [
    'a cliff unlock without a cliff',
    grant('{ amount: 1, vesting: { convention: unlock-amounts, duration: 1y, cliff_unlock: 0.2 } }'),
    'contributors[0].packages[0].grants[0].vesting.cliff_unlock',
    'set a cliff',
  ],
  [
    'tranches short of the whole',
    grant('{ amount: 1, vesting: { convention: tranches, tranches: [{ at: 1d, fraction: 0.5 }] } }'),
    'contributors[0].packages[0].grants[0].vesting.tranches',
    'summing to 1',
  ],
  [
    'a milestone on no subnet',
    grant(
      '{ amount: 1, vesting: { convention: milestones, milestones: [{ fraction: 1, when: { metric: best_quality, at_least: 0.9 } }] } }',
    ),
    'contributors[0].packages[0].grants[0].vesting.milestones[0].when.netuid',
    'one of 1',
  ],
  [
    'a milestone without a bound',
    grant(
      '{ amount: 1, vesting: { convention: milestones, milestones: [{ fraction: 1, when: { metric: tao_usd } }] } }',
    ),
    'contributors[0].packages[0].grants[0].vesting.milestones[0].when',
    'at_least and/or at_most',
  ],
  [
    'an unknown metric',
    grant(
      '{ amount: 1, vesting: { convention: milestones, milestones: [{ fraction: 1, when: { metric: hype, at_least: 1 } }] } }',
    ),
    'contributors[0].packages[0].grants[0].vesting.milestones[0].when.metric',
    '"best_quality"',
  ],
  [
    'both amount and usd',
    grant('{ amount: 1, usd: 1 }'),
    'contributors[0].packages[0].grants[0]',
    'exactly one of amount',
  ],
  [
    'converting tokens',
    grant('{ amount: 1, convert: vest_date }'),
    'contributors[0].packages[0].grants[0].convert',
    'give usd',
  ],
  [
    'an alpha grant without a subnet',
    grant('{ asset: alpha, amount: 1 }'),
    'contributors[0].packages[0].grants[0].netuid',
    'one of 1',
  ],
  [
    'a TAO grant with a subnet',
    grant('{ asset: tao, netuid: 1, amount: 1 }'),
    'contributors[0].packages[0].grants[0].netuid',
    'only alpha grants',
  ],
  [
    'an unknown asset',
    grant('{ asset: eth, amount: 1 }'),
    'contributors[0].packages[0].grants[0].asset',
    '"stablecoin"',
  ],
  [
    'an unknown selling rule',
    grant('{ amount: 1, selling: { rule: dump } }'),
    'contributors[0].packages[0].grants[0].selling.rule',
    '"sell_fraction"',
  ],
  [
    'a lock-up in hours',
    grant('{ amount: 1, lockup: 12h }'),
    'contributors[0].packages[0].grants[0].lockup',
    'whole number of days',
  ],
  [
    'alpha grants beyond the outside alpha',
    grant('{ asset: alpha, netuid: 1, amount: 5000 }'),
    'subnets[0].alpha_issuance',
    'at least 5000',
  ],
  [
    'an operated uid beyond the subnet',
    person('{ name: p, operates: [{ netuid: 1, uids: [6] }] }'),
    'contributors[0].packages[0].operates[0].uids[0]',
    '0 to 5',
  ],
  ['a negative salary', person('{ name: p, salary: -1 }'), 'contributors[0].packages[0].salary', '≥ 0'],
  [
    'a floor strike above 100 %',
    person('{ name: p, hedge: { floor: { strike: 1.5 } } }'),
    'contributors[0].packages[0].hedge.floor.strike',
    '≤ 1',
  ],
  [
    'no package',
    `${BASE}contributors: [{ name: dev, packages: [] }]`,
    'contributors[0].packages',
    'at least 1',
  ],
  ['holding an unknown package', person('{ name: p }', '\n    holds: q'), 'contributors[0].holds', '"p"'],
  [
    'leaving rules saying nothing',
    person('{ name: p }', '\n    leaves: { good_leaver: { fraction: 1 } }'),
    'contributors[0].leaves',
    'at (a day)',
  ],
  [
    'brackets going down',
    person(
      '{ name: p }',
      '\n    tax: { income: { brackets: [{ from: 100, rate: 0.1 }, { from: 50, rate: 0.2 }] } }',
    ),
    'contributors[0].tax.income.brackets[1].from',
    'more than 100',
  ],
  [
    'a tax rate above 1',
    person('{ name: p }', '\n    tax: { capital_gains: 2 }'),
    'contributors[0].tax.capital_gains',
    '≤ 1',
  ],
  [
    'a run of part of a day',
    `duration: 1000\ncontributors: [{ name: dev, packages: [{ name: p }] }]`,
    'duration',
    'whole number of days',
  ],
];

describe('problems name the file, line, path and what is allowed', () => {
  it.each(CASES)('%s', (_what, text, path, allowed) => {
    const found = problems(text);
    const match = found.find((p) => formatPath(p.path) === path);
    expect(match, found.map(formatProblem).join('\n')).toBeDefined();
    expect(match!.file).toBe('comp.yaml');
    expect(match!.line).toBeGreaterThan(0);
    expect(match!.allowed ?? '').toContain(allowed);
    expect(formatProblem(match!)).toMatch(
      new RegExp(`^comp\\.yaml:\\d+:\\d+ ${path.replace(/[.[\]]/g, '\\$&')}: `),
    );
  });
});
