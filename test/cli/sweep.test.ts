import { spawn } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, cli, ROOT, STACK_LINE } from './fixtures/cli.ts';

/**
 * `subnet-sim sweep` end to end on a tiny scenario: the same runs.csv whatever the worker count, the
 * shard split or an interruption; failures recorded while the others complete; progress as JSON;
 * --keep-runs.
 */

const SWEEPS = join(ROOT, 'test/sweep/fixtures');
const GRID = join(SWEEPS, 'grid.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'subnet-sim-sweep-'));
const out = (name: string) => join(tmp, name);
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

let one: CliResult;
let two: CliResult;
let failing: CliResult;
let json: CliResult;

beforeAll(async () => {
  [one, two] = await Promise.all([
    cli('sweep', GRID, '--out', out('one'), '--workers', '1', '--quiet'),
    cli('sweep', GRID, '--out', out('two'), '--workers', '2', '--progress', 'json', '--keep-runs'),
  ]);
  [failing, json] = await Promise.all([
    cli('sweep', join(SWEEPS, 'failing.yaml'), '--out', out('failing'), '--workers', '1'),
    cli('sweep', join(SWEEPS, 'sobol.yaml'), '--out', out('sobol'), '--workers', '1', '--progress', 'json'),
  ]);
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('subnet-sim sweep', () => {
  it('writes runs.csv, points.csv and manifest.json; one row per point × replicate', () => {
    expect(one.status).toBe(0);
    const rows = read(out('one'), 'runs.csv').trimEnd().split('\n');
    expect(rows[0]).toBe(
      'run_index,run_id,point,replicate,seed,subnets[0].yuma.kappa,subnets[0].validators.noise,' +
        'subnets[0].incentive_gini_mean,subnets[0].validators.honest.per_1000_stake,status,error',
    );
    expect(rows).toHaveLength(1 + 12);
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(
      Array.from({ length: 12 }, (_, i) => String(i)),
    );
    expect(rows.slice(1).every((r) => r.endsWith(',ok,'))).toBe(true);
    const points = read(out('one'), 'points.csv').trimEnd().split('\n');
    expect(points).toHaveLength(1 + 6);
    expect(points[0]).toContain('subnets[0].incentive_gini_mean.p95');
    const manifest = JSON.parse(read(out('one'), 'manifest.json'));
    expect(manifest).toMatchObject({ design: 'grid', points: 6, replicates: 2, runs: 12, shard: null });
  });

  it('the same bytes with 1 and 2 workers', () => {
    expect(two.status).toBe(0);
    expect(read(out('two'), 'runs.csv')).toBe(read(out('one'), 'runs.csv'));
    expect(read(out('two'), 'points.csv')).toBe(read(out('one'), 'points.csv'));
  });

  it('--keep-runs: every run’s files in runs/<run index>-<run id>/, written by the workers', () => {
    const ids = read(out('two'), 'runs.csv')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((r) => r.split(',').slice(0, 2).join('-'));
    expect(readdirSync(join(out('two'), 'runs')).sort()).toEqual([...ids].sort());
    expect(readdirSync(join(out('two'), 'runs', ids[5])).sort()).toEqual([
      'network.csv',
      'neurons.csv',
      'scenario.resolved.yaml',
      'subnet.csv',
      'subnets.csv',
      'summary.json',
    ]);
    expect(existsSync(join(out('one'), 'runs'))).toBe(false);
  });

  it('--progress json: one JSON object a line on stdout, ending at done = total', () => {
    const lines = two.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ type: 'progress', done: 12, total: 12, failed: 0 });
    expect(json.status).toBe(0);
  });

  it('a failing run is recorded with its error; the others complete; exit 1', () => {
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain('--retry-failed');
    expect(failing.stderr).not.toMatch(STACK_LINE);
    const rows = read(out('failing'), 'runs.csv').trimEnd().split('\n').slice(1);
    expect(rows.map((r) => r.split(',').at(-2) === 'ok' || r.includes(',failed,'))).toEqual([
      true,
      true,
      true,
    ]);
    expect(rows[0]).toMatch(/,ok,$/);
    expect(rows[1]).toContain(',failed,');
    expect(rows[1]).toContain('subnets[0].validators.count: too small');
    expect(rows[2]).toMatch(/,ok,$/);
  });

  it('--retry-failed re-runs only the failed run, leaving one row per run', async () => {
    const before = read(out('failing'), 'runs.csv');
    const again = await cli(
      'sweep',
      join(SWEEPS, 'failing.yaml'),
      '--out',
      out('failing'),
      '--retry-failed',
      '--quiet',
    );
    expect(again.status).toBe(1);
    expect(read(out('failing'), 'runs.csv')).toBe(before);
  });

  it('sobol: sensitivity.csv with an index per metric and parameter', () => {
    const rows = read(out('sobol'), 'sensitivity.csv').trimEnd().split('\n');
    expect(rows[0]).toBe(
      'metric,parameter,first_order,first_order_low,first_order_high,total,total_low,total_high,rows',
    );
    expect(rows).toHaveLength(1 + 2);
  });

  it('shards 0/3, 1/3 (--shard auto), 2/3 merged give the unsharded runs.csv and points.csv', async () => {
    const shards = [0, 1, 2].map((k) => out(`shard-${k}`));
    // Shard 1 takes k and N from a Kubernetes Indexed Job's variables (cli() copies the environment
    // when it starts the process).
    process.env.JOB_COMPLETION_INDEX = '1';
    process.env.SUBNET_SIM_SHARDS = '3';
    let runs: Promise<CliResult>[];
    try {
      runs = shards.map((dir, k) =>
        cli('sweep', GRID, '--out', dir, '--shard', k === 1 ? 'auto' : `${k}/3`, '--workers', '1', '--quiet'),
      );
    } finally {
      delete process.env.JOB_COMPLETION_INDEX;
      delete process.env.SUBNET_SIM_SHARDS;
    }
    const results = await Promise.all(runs);
    expect(results.map((r) => r.status)).toEqual([0, 0, 0]);
    expect(JSON.parse(read(shards[1], 'manifest.json')).shard).toEqual({ index: 1, count: 3 });
    expect(existsSync(join(shards[0], 'points.csv'))).toBe(false);
    const merged = await cli('merge', '--out', out('merged'), ...shards);
    expect(merged.status).toBe(0);
    expect(read(out('merged'), 'runs.csv')).toBe(read(out('one'), 'runs.csv'));
    expect(read(out('merged'), 'points.csv')).toBe(read(out('one'), 'points.csv'));
  }, 120_000);

  it('killed with SIGKILL mid-way (and a torn last line) then resumed: the uninterrupted runs.csv', async () => {
    const dir = out('killed');
    const child = spawn(
      process.execPath,
      ['bin/subnet-sim.mjs', 'sweep', GRID, '--out', dir, '--workers', '1'],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    );
    const runs = join(dir, 'runs.csv');
    const deadline = Date.now() + 60_000;
    while (
      !(existsSync(runs) && readFileSync(runs, 'utf8').split('\n').length > 4) &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));
    const partial = readFileSync(runs, 'utf8').trimEnd().split('\n');
    expect(partial.length).toBeLessThan(13);
    appendFileSync(runs, '7,abc,3,1,12'); // what a write cut by the kill would leave
    const resumed = await cli('sweep', GRID, '--out', dir, '--workers', '2', '--quiet');
    expect(resumed.status).toBe(0);
    expect(read(dir, 'runs.csv')).toBe(read(out('one'), 'runs.csv'));
  }, 120_000);

  it('Ctrl-C stops gracefully: exit 130, how to resume', async () => {
    const dir = out('interrupted');
    const child = spawn(
      process.execPath,
      ['bin/subnet-sim.mjs', 'sweep', GRID, '--out', dir, '--workers', '1'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
    });
    const runs = join(dir, 'runs.csv');
    while (!(existsSync(runs) && readFileSync(runs, 'utf8').split('\n').length > 3)) {
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGINT');
    const status = await new Promise((r) => child.once('close', r));
    if (status === 130) expect(stderr).toContain('resume with');
    else expect(status).toBe(0); // it had finished already
    const resumed = await cli('sweep', GRID, '--out', dir, '--workers', '1', '--quiet');
    expect(resumed.status).toBe(0);
    expect(read(dir, 'runs.csv')).toBe(read(out('one'), 'runs.csv'));
  }, 120_000);

  it('refuses another sweep in the same --out, and a bad sweep file, with exit 2', async () => {
    const other = join(tmp, 'other.yaml');
    writeFileSync(other, `scenario: ${join(SWEEPS, 'tiny.yaml')}\nseed: 99\n`);
    const clash = await cli('sweep', other, '--out', out('one'));
    expect(clash.status).toBe(2);
    expect(clash.stderr).toContain('holds another sweep');
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(
      bad,
      `scenario: ${join(SWEEPS, 'tiny.yaml')}\nparameters:\n  subnets[0].yuma.kapa: { values: [0.3] }\n`,
    );
    const wrong = await cli('sweep', bad, '--out', out('bad'));
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('kapa');
    expect(wrong.stderr).not.toMatch(STACK_LINE);
  });
});
