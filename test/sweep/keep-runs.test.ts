import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/run.ts';
import { TOOL_VERSION } from '../../src/cli/tool-version.ts';
import { inlineExecutor } from '../../src/sweep/executor.ts';
import { loadPlan, type SweepPlan } from '../../src/sweep/plan.ts';
import { runSweep } from '../../src/sweep/run-sweep.ts';

/**
 * --keep-runs, in this thread (the CLI test checks the flag on worker threads): each successful run's
 * files as `subnet-sim run` writes them, in runs/<run index>-<run id>/; a run counts as done only by its
 * runs.csv row, so on resume a folder without a row is redone and one with a row is left alone.
 */

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const FILES = [
  'network.csv',
  'neurons.csv',
  'scenario.resolved.yaml',
  'subnet.csv',
  'subnets.csv',
  'summary.json',
];
const tmp = mkdtempSync(join(tmpdir(), 'subnet-sim-keep-runs-'));
const read = (...path: string[]) => readFileSync(join(...path), 'utf8');
let plan: SweepPlan;

const sweep = (out: string, keepRuns: boolean) =>
  runSweep(plan, { out, shard: null, retryFailed: false, executor: inlineExecutor(), inFlight: 2, keepRuns });

/** runs.csv rows as cells (no quoted commas in this sweep's rows but the failed run's error). */
const rows = (dir: string) =>
  read(dir, 'runs.csv')
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));

beforeAll(async () => {
  // failing.yaml: 3 runs, the middle one fails (a negative validator count).
  const loaded = await loadPlan(join(FIXTURES, 'failing.yaml'), TOOL_VERSION);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  plan = loaded.value;
  await sweep(join(tmp, 'kept'), true);
  await sweep(join(tmp, 'plain'), false);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('--keep-runs', () => {
  it('a folder per successful run, named <run index>-<run id>, and the same runs.csv as without', () => {
    const kept = join(tmp, 'kept');
    expect(read(kept, 'runs.csv')).toBe(read(join(tmp, 'plain'), 'runs.csv'));
    const [r0, r1, r2] = rows(kept);
    expect(r1.includes('failed')).toBe(true);
    expect(readdirSync(join(kept, 'runs')).sort()).toEqual([`0-${r0[1]}`, `2-${r2[1]}`]);
    expect(readdirSync(join(kept, 'runs', `0-${r0[1]}`)).sort()).toEqual(FILES);
    expect(existsSync(join(tmp, 'plain', 'runs'))).toBe(false);
  });

  it('each folder holds the bytes `subnet-sim run --set … --seed …` writes for that run', async () => {
    const kept = join(tmp, 'kept');
    const [r0] = rows(kept);
    const single = join(tmp, 'single');
    const status = await runCommand(join(FIXTURES, 'tiny.yaml'), {
      out: single,
      seed: Number(r0[4]),
      set: ['subnets[0].validators.count=2'],
      quiet: true,
    });
    expect(status).toBe(0);
    for (const file of FILES) expect(read(kept, 'runs', `0-${r0[1]}`, file)).toBe(read(single, file));
  });

  it('resume: a folder without a row is redone and replaced, one with a row is left alone', async () => {
    const kept = join(tmp, 'kept');
    const complete = read(kept, 'runs.csv');
    const [r0, , r2] = rows(kept);
    const zero = join(kept, 'runs', `0-${r0[1]}`);
    const two = join(kept, 'runs', `2-${r2[1]}`);
    const summary = read(zero, 'summary.json');
    // As if killed after run 0's folder was renamed into place but before its row was written, with
    // the folder then tampered with; and a temporary folder of a run cut off mid-write.
    const [header, , ...others] = complete.trimEnd().split('\n');
    writeFileSync(join(kept, 'runs.csv'), `${[header, ...others].join('\n')}\n`);
    writeFileSync(join(zero, 'summary.json'), '{"torn": ');
    writeFileSync(join(zero, 'stale.txt'), 'from an earlier attempt');
    writeFileSync(join(two, 'marker.txt'), 'left alone');
    const temp = join(kept, 'runs', `.tmp-0-${r0[1]}.1.1.abcd`);
    mkdirSync(temp);
    writeFileSync(join(temp, 'subnet.csv'), 'block');

    const outcome = await sweep(kept, true);
    expect(outcome).toMatchObject({ complete: true, done: 3, failed: 1 });
    expect(read(kept, 'runs.csv')).toBe(complete);
    expect(readdirSync(zero).sort()).toEqual(FILES);
    expect(read(zero, 'summary.json')).toBe(summary);
    expect(read(two, 'marker.txt')).toBe('left alone');
    expect(readdirSync(join(kept, 'runs')).sort()).toEqual([`0-${r0[1]}`, `2-${r2[1]}`]);
  });
});
