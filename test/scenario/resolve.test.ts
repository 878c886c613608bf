import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type ParseOptions, parseScenarioText } from '../../src/scenario/parse.ts';
import { relocateSnapshots, resolvedScenarioText, runIdOf } from '../../src/scenario/resolve.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

/** scenario.resolved.yaml loads back to the same scenario, and the run id follows the inputs that matter. */

const VERSION = '9.9.9-test';

function load(text: string, options: Partial<ParseOptions> = {}, file = 'r.yaml'): Scenario {
  const result = parseScenarioText(text, file, { defaultName: 'r', ...options });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('\n'));
  return result.scenario;
}

const RICH = `
name: rich
description: "two subnets, groups, expressions and durations: all of it must survive the round trip"
seed: 123
duration: 3d
subnets:
  - netuid: 7
    tempo: "360 / 2"
    max_uids: 64
    immunity_period: 12h
    owner_cut: 0.2
    alpha_issuance: 12.5
    yuma:
      version: yuma1
      kappa: 0.3
      liquid_alpha: { enabled: true, alpha_low: 0.6, alpha_high: 0.8, steepness: -5 }
      activity_cutoff: 1d
    validators:
      count: 6
      weights: { rule: top_k, k: 3 }
      groups:
        - { count: 2, behaviour: cabal, cabal: red, cabal_boost: 0.25 }
        - { count: 1, behaviour: lazy, weights: { rule: winner_take_all } }
    miners:
      count: 12
      quality:
        initial: 0.5
        drift: "clamp(0.001 * (1 - q), 0, 1)"
        noise: "0.01 * (1 + day / 30)"
      groups:
        - { count: 3, cabal: red, quality: { initial: { min: 0.1, max: 0.2 }, release: { size: 0.1 } } }
        - { count: 2, behaviour: copier, copy_lag: 1 }
    registration:
      per_day: 2.5
      miner: { behaviour: idle, quality: { drift: "0.002" } }
  - netuid: 8
`;

/** [name, text, path]: a scenario may name files relative to itself (initial_state.snapshot). */
function bundled(): [string, string, string][] {
  const dir = new URL('../../scenarios/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => [f, readFileSync(new URL(f, dir), 'utf8'), new URL(f, dir).pathname]);
}

describe('resolvedScenarioText', () => {
  it.each([['rich', RICH, 'r.yaml'], ['empty', '{}', 'r.yaml'], ...bundled()])(
    '%s: the resolved YAML loads back to the same scenario',
    (_, text, file) => {
      const scenario = load(text, {}, file);
      const resolved = resolvedScenarioText(scenario, VERSION);
      const again = load(resolved, { defaultName: 'something-else' }, 'scenario.resolved.yaml');
      expect(again).toEqual({ ...scenario, subnet_sim_version: VERSION });
      // And resolving is a fixed point: the same text, so the same run id, when the resolved file is run.
      expect(resolvedScenarioText(again, VERSION)).toBe(resolved);
    },
  );

  it('holds every default, durations in blocks, constant expressions as numbers, quality expressions as text', () => {
    const resolved = resolvedScenarioText(load(RICH), VERSION);
    expect(resolved.startsWith('# Resolved by subnet-sim 9.9.9-test')).toBe(true);
    const data = parseYaml(resolved);
    expect(data.name).toBe('rich');
    expect(data.seed).toBe(123);
    expect(data.duration).toBe(3 * 7200);
    expect(data.subnet_sim_version).toBe(VERSION);
    const [first, second] = data.subnets;
    expect(first.tempo).toBe(180);
    expect(first.immunity_period).toBe(3600);
    expect(first.yuma.activity_cutoff).toBe(7200);
    expect(first.miners.quality.drift).toBe('clamp(0.001 * (1 - q), 0, 1)');
    expect(second).toMatchObject({ netuid: 8, tempo: 360, immunity_period: 5000 });
    expect(second.yuma.activity_cutoff).toBe('auto');
    expect(second.validators.count).toBe(8);
  });

  it('the name is written even when it came from the file name', () => {
    const scenario = load('{}', { defaultName: 'from-file' });
    expect(parseYaml(resolvedScenarioText(scenario, VERSION)).name).toBe('from-file');
  });

  it('a file name that is not a valid scenario name still gives a resolved file that loads', () => {
    const scenario = load('{}', { defaultName: 'my run (2)' });
    expect(scenario.name).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
    const resolved = resolvedScenarioText(scenario, VERSION);
    expect(load(resolved).name).toBe(scenario.name);
  });
});

describe('runIdOf', () => {
  const idOf = (text: string, options: Partial<ParseOptions> = {}, version = VERSION) =>
    runIdOf(resolvedScenarioText(load(text, options), version));

  it('is 12 hex digits, and the same for the same inputs', () => {
    const id = idOf(RICH);
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(idOf(RICH)).toBe(id);
  });

  it('changes with the seed, whether from the file or from the option', () => {
    const base = idOf('seed: 1\n');
    expect(idOf('seed: 2\n')).not.toBe(base);
    expect(idOf('seed: 1\n', { seed: 2 })).toBe(idOf('seed: 2\n'));
    expect(idOf('seed: 1\n', { seed: 1 })).toBe(base);
  });

  it('changes with an override and with the tool version', () => {
    const base = idOf(RICH);
    expect(idOf(RICH, { overrides: ['subnets[0].yuma.kappa=0.31'] })).not.toBe(base);
    expect(idOf(RICH, {}, '0.0.0')).not.toBe(base);
  });

  it('does not depend on how the file spells the same scenario', () => {
    const a = 'name: x\nseed: 4\nduration: 1d\nsubnets:\n  - tempo: 360\n    validators: { count: 4 }\n';
    const b = [
      '# comments, key order, units and expressions do not matter',
      'subnets:',
      '  - validators:',
      '      count: "2 * 2"',
      '    tempo: 360',
      '    netuid: 1',
      'duration: 7200',
      'seed: 4',
      'name: x',
    ].join('\n');
    const c = '{"name": "x", "seed": 4, "duration": "24h", "subnets": [{"validators": {"count": 4}}]}';
    expect(idOf(b)).toBe(idOf(a));
    expect(idOf(c)).toBe(idOf(a));
  });
});

describe('a snapshot: its content counts, not its location', () => {
  const SNAPSHOT = new URL('../../scenarios/data/synthetic-sn7.jsonl', import.meta.url).pathname;
  const tmp = mkdtempSync(join(tmpdir(), 'resolve-snapshot-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  /** The scenario `subnets: [initial_state: { snapshot: data/sn.jsonl }]` in a folder with its data. */
  function checkout(name: string, data = readFileSync(SNAPSHOT)): { dir: string; scenario: Scenario } {
    const dir = join(tmp, name);
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data/sn.jsonl'), data);
    const text = 'subnets:\n  - tempo: 99\n    initial_state: { snapshot: data/sn.jsonl }\n';
    return { dir, scenario: load(text, {}, join(dir, 's.yaml')) };
  }

  it('records the SHA-256 and the block; the run id ignores the path, follows the content', () => {
    const a = checkout('a');
    const b = checkout('b/deeper');
    const resolved = resolvedScenarioText(a.scenario, VERSION);
    expect(parseYaml(resolved).subnets[0].initial_state).toEqual({
      snapshot: join(a.dir, 'data/sn.jsonl'),
      block: 5000390,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const other = resolvedScenarioText(b.scenario, VERSION);
    expect(other).not.toBe(resolved);
    expect(runIdOf(other)).toBe(runIdOf(resolved));
    // One byte more in the snapshot: another run.
    const changed = checkout('c', Buffer.concat([readFileSync(SNAPSHOT), Buffer.from('\n')]));
    expect(runIdOf(resolvedScenarioText(changed.scenario, VERSION))).not.toBe(runIdOf(resolved));
  });

  it('relocateSnapshots: the path relative to the folder, the rest byte for byte as resolved', () => {
    const a = checkout('r');
    const resolved = resolvedScenarioText(a.scenario, VERSION);
    const out = join(a.dir, 'results/x/run');
    const relocated = relocateSnapshots(resolved, out);
    const expected = structuredClone(a.scenario);
    expected.subnets[0].initial_state!.snapshot = '../../../data/sn.jsonl';
    expect(relocated).toBe(resolvedScenarioText(expected, VERSION));
    // Loaded from that folder, it finds the file again: the same scenario, the same run id.
    const again = load(relocated, {}, join(out, 'scenario.resolved.yaml'));
    expect(again.subnets[0].initial_state!.snapshot).toBe(join(a.dir, 'data/sn.jsonl'));
    expect(runIdOf(resolvedScenarioText(again, VERSION))).toBe(runIdOf(resolved));
    // Without a snapshot nothing is touched.
    const plain = resolvedScenarioText(load(RICH), VERSION);
    expect(relocateSnapshots(plain, out)).toBe(plain);
  });

  it('refuses a resolved scenario whose snapshot has changed since, naming both hashes', () => {
    const a = checkout('s');
    const resolved = relocateSnapshots(resolvedScenarioText(a.scenario, VERSION), a.dir);
    const sha = parseYaml(resolved).subnets[0].initial_state.sha256;
    writeFileSync(join(a.dir, 'data/sn.jsonl'), `${readFileSync(SNAPSHOT, 'utf8')}\n`);
    const result = parseScenarioText(resolved, join(a.dir, 'scenario.resolved.yaml'), { defaultName: 'r' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({
        path: ['subnets', 0, 'initial_state', 'sha256'],
        message: expect.stringContaining('has changed since this scenario was resolved'),
        found: sha,
      }),
    ]);
  });
});
