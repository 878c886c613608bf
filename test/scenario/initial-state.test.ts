import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/init.ts';
import type { ChainSnapshot } from '../../src/engine/replay/snapshot.ts';
import { ROLE_VALIDATOR } from '../../src/engine/state.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { formatProblem } from '../../src/scenario/problem.ts';
import { cli } from '../cli/fixtures/cli.ts';
import { SCENARIO_DATA } from '../replay/write-synthetic-snapshots.ts';

/** `initial_state: { snapshot, block }`: a subnet that starts as a chain snapshot left it. */

const SCENARIO = new URL('../../scenarios/from-snapshot.yaml', import.meta.url).pathname;
const snapshots = readFileSync(SCENARIO_DATA, 'utf8')
  .trimEnd()
  .split('\n')
  .map((l) => JSON.parse(l) as ChainSnapshot);
const dir = mkdtempSync(join(tmpdir(), 'initial-state-'));

async function problemsOf(yaml: string): Promise<string[]> {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, yaml);
  const loaded = await loadScenarioFile(file);
  return loaded.ok ? [] : loaded.problems.map(formatProblem);
}

describe('initial_state', () => {
  it('seats the snapshot’s uids with their stakes, permits, weights, bonds and blocks', async () => {
    const loaded = await loadScenarioFile(SCENARIO);
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const initial = loaded.scenario.subnets[0].initial_state!;
    expect(isAbsolute(initial.snapshot)).toBe(true);
    const config = compileScenario(loaded.scenario);
    const snapshot = snapshots.find((s) => s.block === initial.block)!;
    const m = snapshot.metagraph as Record<string, number[] & boolean[]>;
    const { state } = createSimulation(config);
    const subnet = state.subnets[0];
    const nt = subnet.neurons;
    expect(subnet.n).toBe(48);
    expect(subnet.capacity).toBeGreaterThanOrEqual(48);
    for (let uid = 0; uid < 48; uid++) {
      expect(nt.role[uid] === ROLE_VALIDATOR).toBe(m.validator_permit[uid]);
      expect(nt.validatorPermit[uid]).toBe(m.validator_permit[uid] ? 1 : 0);
      expect(nt.stakeAlpha[uid]).toBe(m.alpha_stake[uid]);
      expect(nt.rootStake[uid]).toBe(m.tao_stake[uid]);
      expect(nt.blockAtRegistration[uid]).toBe(m.block_at_registration[uid] - snapshot.block);
      expect(nt.lastUpdate[uid]).toBe(m.last_update[uid] - snapshot.block);
    }
    const [row, entries] = snapshot.weights![2];
    for (const [j, w] of entries) {
      expect(subnet.weights[row * subnet.capacity + j]).toBe(w);
      expect(subnet.weightsPresent[row * subnet.capacity + j]).toBe(1);
    }
    const [brow, bentries] = snapshot.bonds![0];
    for (const [j, b] of bentries) expect(subnet.bonds[brow * subnet.capacity + j]).toBe(b);
    // The last epoch is as many blocks before block 0 as it was before the snapshot's block.
    expect(-subnet.lastEpochBlock).toBe(snapshot.block - (snapshot.metagraph.last_step as number));
  });

  it('defaults to the last snapshot of the file', async () => {
    const file = join(dir, 'last.yaml');
    writeFileSync(file, `subnets:\n  - initial_state: { snapshot: ${SCENARIO_DATA} }\n`);
    const loaded = await loadScenarioFile(file);
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    expect(compileScenario(loaded.scenario).subnets[0].initialState?.block).toBe(snapshots.at(-1)!.block);
  });

  it('reports a missing file, a missing block, groups and a snapshot without weights, with their paths', async () => {
    expect(await problemsOf('subnets:\n  - initial_state: { snapshot: nowhere.jsonl }\n')).toEqual([
      expect.stringMatching(/ subnets\[0\]\.initial_state\.snapshot: no such file: .*nowhere\.jsonl$/),
    ]);
    expect(
      await problemsOf(`subnets:\n  - initial_state: { snapshot: ${SCENARIO_DATA}, block: 12 }\n`),
    ).toEqual([
      expect.stringMatching(
        / subnets\[0\]\.initial_state\.block: .*no snapshot at block 12 \(the file has 3: blocks 5000190–5000390\)$/,
      ),
    ]);
    expect(
      await problemsOf(
        `subnets:\n  - initial_state: { snapshot: ${SCENARIO_DATA} }\n    validators: { groups: [{ count: 1 }] }\n`,
      ),
    ).toEqual([
      expect.stringMatching(
        / subnets\[0\]\.validators\.groups: groups cannot be combined with initial_state/,
      ),
    ]);
    const bare = structuredClone(snapshots[0]);
    delete bare.weights;
    const path = join(dir, 'bare.jsonl');
    writeFileSync(path, `${JSON.stringify(bare)}\n`);
    expect(await problemsOf(`subnets:\n  - initial_state: { snapshot: ${path} }\n`)).toEqual([
      expect.stringMatching(
        /initial_state\.snapshot: .*the snapshot lacks Weights \(fetch it with --what all\)$/,
      ),
    ]);
  });

  it('scenarios/from-snapshot.yaml runs from a fresh clone', async () => {
    const out = join(dir, 'run');
    const r = await cli('run', 'scenarios/from-snapshot.yaml', '--out', out, '--quiet');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const subnet = readFileSync(join(out, 'subnet.csv'), 'utf8').trimEnd().split('\n');
    expect(subnet.length).toBeGreaterThan(100);
    expect(subnet[1]).toMatch(/^1,0,7,48,6,42,6,6,/);
  });

  it('two checkouts give the same run id and bytes; a results folder re-runs byte for byte, also moved', async () => {
    // The scenario and its data copied into two checkouts at different paths (and depths).
    const checkouts = [join(dir, 'one'), join(dir, 'two/deeper')];
    for (const root of checkouts) {
      mkdirSync(join(root, 'scenarios/data'), { recursive: true });
      cpSync(SCENARIO, join(root, 'scenarios/from-snapshot.yaml'));
      cpSync(SCENARIO_DATA, join(root, 'scenarios/data/synthetic-sn7.jsonl'));
    }
    const runs = await Promise.all(
      checkouts.map((root) =>
        cli('run', join(root, 'scenarios/from-snapshot.yaml'), '--out', join(root, 'results/r'), '--quiet'),
      ),
    );
    for (const r of runs) expect(r.stderr + r.status).toBe('0');
    const files = (root: string, folder: string) =>
      Object.fromEntries(
        readdirSync(join(root, 'results', folder)).map((f) => [
          f,
          readFileSync(join(root, 'results', folder, f)),
        ]),
      );
    const [one, two] = checkouts.map((root) => files(root, 'r'));
    const runId = JSON.parse(one['summary.json'].toString()).run_id;
    expect(JSON.parse(two['summary.json'].toString()).run_id).toBe(runId);
    expect(Object.keys(two).sort()).toEqual(Object.keys(one).sort());
    for (const f of Object.keys(one)) expect(two[f].equals(one[f]), f).toBe(true);
    // The resolved file names the snapshot relative to itself, with its hash.
    const resolved = one['scenario.resolved.yaml'].toString();
    expect(resolved).toContain('snapshot: ../../scenarios/data/synthetic-sn7.jsonl\n');
    expect(resolved).toMatch(/sha256: [0-9a-f]{64}\n/);
    // Re-run from its results folder; and the whole checkout moved elsewhere, results included.
    const moved = join(dir, 'moved/elsewhere');
    cpSync(checkouts[0], moved, { recursive: true });
    const again = await Promise.all([
      cli(
        'run',
        join(checkouts[0], 'results/r/scenario.resolved.yaml'),
        '--out',
        join(checkouts[0], 'results/again'),
        '--quiet',
      ),
      cli(
        'run',
        join(moved, 'results/r/scenario.resolved.yaml'),
        '--out',
        join(moved, 'results/again'),
        '--quiet',
      ),
    ]);
    for (const r of again) expect(r.stderr + r.status).toBe('0');
    for (const root of [checkouts[0], moved]) {
      const replay = files(root, 'again');
      for (const f of Object.keys(one)) expect(replay[f].equals(one[f]), `${root} ${f}`).toBe(true);
    }
    // A changed snapshot is refused by the resolved file that recorded the old one.
    writeFileSync(
      join(moved, 'scenarios/data/synthetic-sn7.jsonl'),
      `${readFileSync(SCENARIO_DATA, 'utf8')}\n`,
    );
    const refused = await cli(
      'run',
      join(moved, 'results/r/scenario.resolved.yaml'),
      '--out',
      join(moved, 'x'),
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('initial_state.sha256: ');
    expect(refused.stderr).toContain('has changed since this scenario was resolved');
  }, 120_000);
});
