import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../src/cli/tool-version.ts';
import { inlineExecutor } from '../../src/sweep/executor.ts';
import { loadPlan } from '../../src/sweep/plan.ts';
import { runSweep } from '../../src/sweep/run-sweep.ts';
import { staticImports } from '../helpers/import-graph.ts';
import { cli, ROOT } from './fixtures/cli.ts';

/** `subnet-sim merge` refuses shards of different sweeps, the same shard twice, and incomplete coverage. */

const SWEEPS = join(ROOT, 'test/sweep/fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'subnet-sim-merge-'));
const dir = (name: string) => join(tmp, name);

/** A shard of a sweep, run in this thread (the sweep command itself is tested in sweep.test.ts). */
async function shard(sweep: string, k: number, out: string): Promise<void> {
  const loaded = await loadPlan(join(SWEEPS, sweep), TOOL_VERSION);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  await runSweep(loaded.value, {
    out,
    shard: { index: k, count: 2 },
    retryFailed: false,
    executor: inlineExecutor(),
    inFlight: 2,
  });
}

beforeAll(async () => {
  await shard('grid.yaml', 0, dir('g0'));
  await shard('failing.yaml', 0, dir('f0'));
  await shard('failing.yaml', 1, dir('f1'));
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('subnet-sim merge', () => {
  it('names the missing runs and their shard when coverage is incomplete', async () => {
    const result = await cli('merge', '--out', dir('m1'), dir('g0'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('6 runs missing (run index 1, 3, 5, 7, 9, 11), of shard 1/2');
  });

  it('refuses shards of different sweeps', async () => {
    const result = await cli('merge', '--out', dir('m2'), dir('g0'), dir('f1'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('another sweep');
  });

  it('refuses the same shard twice and a folder that is not a sweep', async () => {
    const [twice, none] = await Promise.all([
      cli('merge', '--out', dir('m3'), dir('g0'), dir('g0')),
      cli('merge', '--out', dir('m4'), tmp),
    ]);
    expect(twice.stderr).toContain('the same shard');
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no manifest.json');
  });

  it('merges shards holding a failed run: the merged files, and exit 1 as the sweep itself exits', async () => {
    const result = await cli('merge', '--out', dir('m5'), dir('f1'), dir('f0'));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`2 shards, 3 runs, 1 failed → ${dir('m5')}\n`);
    const rows = readFileSync(join(dir('m5'), 'runs.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(['0', '1', '2']);
    expect(rows[2]).toContain(',failed,');
    expect(existsSync(join(dir('m5'), 'points.csv'))).toBe(true);
  });

  it('does not load the sweep command, piscina or the engine to merge', () => {
    const loaded = staticImports(ROOT, 'src/cli/merge.ts');
    expect(loaded).toContain('src/sweep/merge.ts');
    expect(loaded).not.toContain('src/cli/sweep.ts');
    expect(loaded).not.toContain('piscina');
    expect(loaded.filter((f) => f.startsWith('src/engine/') && f !== 'src/engine/rng.ts')).toEqual([]);
  });
});
