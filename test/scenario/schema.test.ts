import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/cli/schema.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

/** The scenario format's defaults (what an empty file means) and its units. */

function load(text: string, defaultName = 'empty'): Scenario {
  const result = parseScenarioText(text, `${defaultName}.yaml`, { defaultName });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.scenario;
}

describe('defaults', () => {
  it('an empty mapping is one subnet with the chain defaults a new subnet gets', () => {
    const s = load('{}');
    expect(s.name).toBe('empty');
    expect(s.seed).toBe(1);
    expect(s.duration).toBe(7 * 7200);
    expect(s.subnets).toHaveLength(1);
    const [subnet] = s.subnets;
    expect(subnet).toMatchObject({
      netuid: 1,
      tempo: 360,
      max_uids: 256,
      immunity_period: 5000,
      min_non_immune_uids: 10,
      owner_cut: 11796 / 65535,
      alpha_issuance: 0,
    });
    expect(subnet.yuma).toEqual({
      version: 'yuma3',
      kappa: 32767 / 65535,
      bonds_penalty: 1,
      bonds_moving_average: 0.9,
      liquid_alpha: { enabled: false, alpha_low: 45875 / 65535, alpha_high: 58982 / 65535, steepness: 1000 },
      sparse_liquid_alpha: true,
      max_allowed_validators: 64,
      activity_cutoff: 'auto',
      stake_threshold: 0,
      commit_reveal: { enabled: true, reveal_period_epochs: 1 },
      arithmetic: 'float',
    });
  });

  it('validators, miners and registration defaults', () => {
    const [subnet] = load('{}').subnets;
    expect(subnet.validators).toEqual({
      count: 8,
      behaviour: 'honest',
      stake: 1000,
      root_stake: 0,
      parent: null,
      noise: 0.1,
      bias: 0,
      tasks: 16,
      weights: { rule: 'proportional' },
      resubmit_every: 10,
      cabal: null,
      cabal_boost: 0.5,
      groups: [],
    });
    expect(subnet.miners).toEqual({
      count: 56,
      behaviour: 'honest',
      stake: 0,
      copy_lag: 3,
      cabal: null,
      quality: {
        initial: { min: 0.3, max: 0.7 },
        drift: 0,
        noise: 0.01,
        release: { probability: 0.02, size: 0.05 },
      },
      groups: [],
    });
    expect(subnet.registration).toEqual({ per_day: 0, miner: {} });
  });

  it('an empty file, a null document and `{}` mean the same scenario', () => {
    const reference = load('{}');
    for (const text of ['', '\n', '# only a comment\n', '~\n', 'subnets: [{}]\n']) {
      expect(load(text)).toEqual(reference);
    }
  });

  it('a subnet listed with some keys gets the defaults for the others', () => {
    const s = load('subnets:\n  - tempo: 100\n  - netuid: 2\n    yuma: { version: yuma1 }\n');
    expect(s.subnets[0]).toMatchObject({ netuid: 1, tempo: 100, max_uids: 256 });
    expect(s.subnets[0].yuma.kappa).toBe(32767 / 65535);
    expect(s.subnets[1]).toMatchObject({ netuid: 2, tempo: 360 });
    expect(s.subnets[1].yuma.version).toBe('yuma1');
    expect(s.subnets[1].yuma.max_allowed_validators).toBe(64);
  });

  it('weight rules get their own parameter defaults', () => {
    const s = load(
      'subnets:\n  - validators: { weights: { rule: softmax } }\n  - netuid: 2\n    validators: { weights: { rule: top_k } }\n',
    );
    expect(s.subnets[0].validators.weights).toEqual({ rule: 'softmax', temperature: 0.05 });
    expect(s.subnets[1].validators.weights).toEqual({ rule: 'top_k', k: 8 });
  });

  it('a quality override keeps only what it sets (the rest is merged at compile time)', () => {
    const s = load(
      'subnets:\n  - miners:\n      groups:\n        - { count: 2, quality: { drift: 0.01 } }\n',
    );
    expect(s.subnets[0].miners.groups[0]).toEqual({ count: 2, quality: { drift: 0.01 } });
  });

  it('the name in the file wins over the file name', () => {
    expect(load('name: chosen\n', 'file-name').name).toBe('chosen');
  });
});

describe('durations', () => {
  it.each([
    ['30d', 216_000],
    ['12h', 3_600],
    ['4y', 4 * 365 * 7200],
    ['"4y"', 4 * 365 * 7200],
    ['360 blocks', 360],
    ['"360"', 360],
    ['360', 360],
    ['2w', 14 * 7200],
    ['90m', 450],
    ['120s', 10],
    ['1.5d', 10_800],
  ])('duration: %s → %d blocks', (text, blocks) => {
    expect(load(`duration: ${text}\n`).duration).toBe(blocks);
  });

  it('durations elsewhere use the same units', () => {
    const s = load('subnets:\n  - immunity_period: 1d\n    yuma: { activity_cutoff: 12h }\n');
    expect(s.subnets[0].immunity_period).toBe(7200);
    expect(s.subnets[0].yuma.activity_cutoff).toBe(3600);
  });

  it('the default duration is 7 days', () => {
    expect(load('{}').duration).toBe(50_400);
  });
});

describe('JSON Schema', () => {
  it('is a draft 2020-12 schema of the input format, with the top-level keys and their defaults', () => {
    const schema = scenarioJsonSchema() as {
      $schema: string;
      type: string;
      properties: Record<string, { default?: unknown }>;
      additionalProperties?: unknown;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual(
      [
        'contributors',
        'description',
        'duration',
        'market',
        'name',
        'network',
        'output',
        'seed',
        'shocks',
        'subnet_sim_version',
        'subnets',
      ].sort(),
    );
    expect(schema.properties.duration.default).toBe('7d');
    // Unknown keys are errors in the editor too.
    expect(schema.additionalProperties).toBe(false);
    expect(() => JSON.stringify(schema)).not.toThrow();
  });
});
