import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MinerGroup, ScalarFn } from '../../src/engine/config.ts';
import { RAO_PER_ALPHA } from '../../src/engine/units.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

/** A validated scenario → the engine's config: groups expanded and merged, expressions compiled, units applied. */

function compile(text: string) {
  const result = parseScenarioText(text, 'c.yaml', { defaultName: 'c' });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return compileScenario(result.scenario);
}

const SCOPE = { q: 0.3, epoch: 2, age: 1, uid: 5, best: 0.9, mean: 0.5, day: 0 };

function evaluated(x: number | ScalarFn): number {
  return typeof x === 'number' ? x : x(SCOPE);
}

describe('defaults and units', () => {
  it('an empty scenario: blocks, seed, chain parameters', () => {
    const config = compile('{}');
    expect(config.seed).toBe(1);
    expect(config.blocks).toBe(50_400);
    const [subnet] = config.subnets;
    expect(subnet).toMatchObject({
      netuid: 1,
      tempo: 360,
      maxUids: 256,
      immunityPeriod: 5000,
      minNonImmuneUids: 10,
      ownerCut: 11796 / 65535,
      initialAlphaIssuance: 0n,
    });
    expect(subnet.yuma).toMatchObject({
      version: 'yuma3',
      kappa: 32767 / 65535,
      bondsPenalty: 1,
      bondsMovingAverage: 900_000,
      maxAllowedValidators: 64,
      sparseLiquidAlpha: true,
      stakeThreshold: 0,
      liquidAlpha: { enabled: false, alphaLow: 45875 / 65535, alphaHigh: 58982 / 65535, steepness: 1000 },
    });
  });

  it('activity cutoff auto is ⌊13889 · tempo / 1000⌋ blocks', () => {
    expect(compile('{}').subnets[0].yuma.activityCutoff).toBe(5000);
    expect(Math.floor((13889 * 360) / 1000)).toBe(5000);
    expect(compile('subnets: [{ tempo: 100 }]').subnets[0].yuma.activityCutoff).toBe(1388);
    expect(compile('subnets: [{ tempo: 1 }]').subnets[0].yuma.activityCutoff).toBe(13);
  });

  it('an explicit activity cutoff is a duration', () => {
    expect(compile('subnets: [{ yuma: { activity_cutoff: 1d } }]').subnets[0].yuma.activityCutoff).toBe(7200);
    expect(compile('subnets: [{ yuma: { activity_cutoff: 777 } }]').subnets[0].yuma.activityCutoff).toBe(777);
  });

  it.each([
    ['30d', 216_000],
    ['12h', 3_600],
    ['4y', 4 * 365 * 7200],
  ])('duration %s → %d blocks to simulate', (duration, blocks) => {
    expect(compile(`duration: ${duration}\n`).blocks).toBe(blocks);
  });

  it('alpha issuance is converted to rao exactly', () => {
    expect(compile('subnets: [{ alpha_issuance: 1.5 }]').subnets[0].initialAlphaIssuance).toBe(
      BigInt(1.5 * RAO_PER_ALPHA),
    );
  });

  it('without groups: one validator group and one miner group with the top-level settings', () => {
    const [subnet] = compile('{}').subnets;
    expect(subnet.validators).toHaveLength(1);
    expect(subnet.validators[0]).toEqual({
      count: 8,
      behaviour: 'honest',
      stake: 1000,
      rootStake: 0,
      parent: null,
      noise: 0.1,
      bias: 0,
      tasks: 16,
      weights: { rule: 'proportional' },
      resubmitEveryEpochs: 10,
      cabal: null,
      cabalBoost: 0.5,
    });
    expect(subnet.miners).toHaveLength(1);
    expect(subnet.miners[0]).toEqual({
      count: 56,
      behaviour: 'honest',
      stake: 0,
      copyLagEpochs: 3,
      cabal: null,
      quality: {
        initial: { min: 0.3, max: 0.7 },
        drift: 0,
        noise: 0.01,
        release: { probability: 0.02, size: 0.05 },
      },
    });
    expect(subnet.registration.perDay).toBe(0);
    expect(subnet.registration.miner).toEqual({ ...subnet.miners[0], count: 0 });
  });
});

describe('groups', () => {
  const text = `
subnets:
  - validators:
      count: 10
      stake: 500
      weights: { rule: softmax, temperature: 0.1 }
      groups:
        - { count: 2, behaviour: weight_copier }
        - { count: 3, behaviour: lazy, stake: 9000, resubmit_every: 4 }
    miners:
      count: 20
      stake: 7
      copy_lag: 2
      quality:
        initial: { min: 0.2, max: 0.6 }
        drift: "0.002 * (0.8 - q)"
        noise: 0.03
        release: { probability: 0.1, size: 0.2 }
      groups:
        - { count: 4, quality: { drift: 0.5 } }
        - { count: 5, behaviour: copier, copy_lag: 6 }
        - { count: 1, quality: { initial: 0.9, release: { size: 0.7 } } }
    registration:
      per_day: 3
      miner: { behaviour: idle, quality: { noise: "0.1 * q" } }
`;
  const [subnet] = compile(text).subnets;

  it('validator groups come first, then the remaining count with the top-level settings', () => {
    expect(subnet.validators.map((g) => [g.count, g.behaviour, g.stake])).toEqual([
      [2, 'weight_copier', 500],
      [3, 'lazy', 9000],
      [5, 'honest', 500],
    ]);
    // Fields a group does not set are the top level's.
    expect(subnet.validators[0].weights).toEqual({ rule: 'softmax', temperature: 0.1 });
    expect(subnet.validators[1].resubmitEveryEpochs).toBe(4);
    expect(subnet.validators[2].resubmitEveryEpochs).toBe(10);
  });

  it('a miner group that sets only quality.drift keeps the top-level initial, noise and release', () => {
    const g = subnet.miners[0];
    expect(g.count).toBe(4);
    expect(g.behaviour).toBe('honest');
    expect(g.stake).toBe(7);
    expect(g.copyLagEpochs).toBe(2);
    expect(g.quality.initial).toEqual({ min: 0.2, max: 0.6 });
    expect(g.quality.drift).toBe(0.5);
    expect(g.quality.noise).toBe(0.03);
    expect(g.quality.release).toEqual({ probability: 0.1, size: 0.2 });
  });

  it('a group that changes behaviour keeps the whole top-level quality model', () => {
    const g = subnet.miners[1];
    expect([g.count, g.behaviour, g.copyLagEpochs]).toEqual([5, 'copier', 6]);
    expect(g.quality.initial).toEqual({ min: 0.2, max: 0.6 });
    expect(evaluated(g.quality.drift)).toBeCloseTo(0.002 * (0.8 - 0.3), 15);
  });

  it('release fields merge one by one; a single initial number is a fixed value', () => {
    const g = subnet.miners[2];
    expect(g.quality.initial).toEqual({ min: 0.9, max: 0.9 });
    expect(g.quality.release).toEqual({ probability: 0.1, size: 0.7 });
  });

  it('the remaining miners get the top-level settings, expression compiled', () => {
    const rest = subnet.miners[3] as MinerGroup;
    expect(subnet.miners).toHaveLength(4);
    expect(rest.count).toBe(20 - 4 - 5 - 1);
    expect(rest.behaviour).toBe('honest');
    expect(rest.quality.initial).toEqual({ min: 0.2, max: 0.6 });
    expect(typeof rest.quality.drift).toBe('function');
    expect(evaluated(rest.quality.drift)).toBeCloseTo(0.001, 15);
    expect(subnet.miners.reduce((sum, g) => sum + g.count, 0)).toBe(20);
  });

  it('newcomers: top-level settings with the registration overrides merged in', () => {
    const m = subnet.registration.miner;
    expect(subnet.registration.perDay).toBe(3);
    expect(m.behaviour).toBe('idle');
    expect(m.stake).toBe(7);
    expect(m.quality.initial).toEqual({ min: 0.2, max: 0.6 });
    expect(m.quality.drift).not.toBe(0);
    expect(evaluated(m.quality.noise)).toBeCloseTo(0.03, 15);
  });

  it('groups that use up the whole count leave no remainder group', () => {
    const [s] = compile(
      'subnets:\n  - validators: { count: 3, groups: [{ count: 3, behaviour: random }] }\n',
    ).subnets;
    expect(s.validators.map((g) => [g.count, g.behaviour])).toEqual([[3, 'random']]);
  });

  it('does not change the scenario it compiles (a second compile gives the same config)', () => {
    const result = parseScenarioText(text, 'c.yaml', { defaultName: 'c' });
    if (!result.ok) throw new Error('invalid');
    const before = structuredClone(result.scenario);
    const first = compileScenario(result.scenario);
    expect(result.scenario).toEqual(before);
    const second = compileScenario(result.scenario);
    expect(second.subnets[0].miners.map((g) => g.count)).toEqual(first.subnets[0].miners.map((g) => g.count));
  });
});

describe('bundled scenarios', () => {
  const files = readdirSync(new URL('../../scenarios/', import.meta.url)).filter((f) => /\.ya?ml$/.test(f));

  it.each(files)('%s loads and compiles, with group counts adding up', (file) => {
    const path = fileURLToPath(new URL(`../../scenarios/${file}`, import.meta.url));
    const text = readFileSync(path, 'utf8');
    // The real path: a scenario may name files relative to itself (initial_state.snapshot).
    const result = parseScenarioText(text, path, { defaultName: file });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const config = compileScenario(result.scenario);
    config.subnets.forEach((subnet, s) => {
      const scenario = result.scenario.subnets[s];
      // A subnet started from a snapshot seats the snapshot's uids: its groups count none.
      const seated = scenario.initial_state === undefined;
      expect(subnet.validators.reduce((sum, g) => sum + g.count, 0)).toBe(
        seated ? scenario.validators.count : 0,
      );
      expect(subnet.miners.reduce((sum, g) => sum + g.count, 0)).toBe(seated ? scenario.miners.count : 0);
    });
  });
});
