import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from './fixtures/cli.ts';

/** `subnet-sim merge` refuses shards of different sweeps, the same shard twice, and incomplete coverage. */

const SWEEPS = join(ROOT, 'test/sweep/fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'subnet-sim-merge-'));
const dir = (name: string) => join(tmp, name);

beforeAll(async () => {
  await Promise.all([
    cli(
      'sweep',
      join(SWEEPS, 'grid.yaml'),
      '--out',
      dir('g0'),
      '--shard',
      '0/2',
      '--workers',
      '1',
      '--quiet',
    ),
    cli(
      'sweep',
      join(SWEEPS, 'failing.yaml'),
      '--out',
      dir('f1'),
      '--shard',
      '1/2',
      '--workers',
      '1',
      '--quiet',
    ),
  ]);
}, 120_000);

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
    expect((await cli('merge', '--out', dir('m3'), dir('g0'), dir('g0'))).stderr).toContain('the same shard');
    const none = await cli('merge', '--out', dir('m4'), tmp);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no manifest.json');
  });
});
