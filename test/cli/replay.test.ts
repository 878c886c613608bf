import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { syntheticSnapshots } from '../replay/synthetic-chain.ts';
import { cli, STACK_LINE } from './fixtures/cli.ts';

/** `replay check` and `replay run` on snapshot files, as a user runs them. */

const dir = mkdtempSync(join(tmpdir(), 'replay-cli-'));
const snapshots = syntheticSnapshots();
const file = join(dir, 'sn7.jsonl');
writeFileSync(file, snapshots.map((s) => `${JSON.stringify(s)}\n`).join(''));

const csv = (path: string) =>
  parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[];

describe('replay check', () => {
  it('compares every epoch, writes check.csv and prints the summary', async () => {
    const out = join(dir, 'check.csv');
    const r = await cli('replay', 'check', file, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^netuid 7: 3 epochs compared \(exact arithmetic\), 0 pairs skipped$/m);
    expect(r.stdout).toMatch(/^incentive\s+0\s+0\.0000\s+72$/m);
    expect(r.stdout).toMatch(/equal the chain’s for every uid/);
    const rows = csv(out);
    expect(rows.filter((row) => row.status === 'compared').length).toBe(9);
    expect(rows.filter((row) => row.status === 'overall').map((row) => row.quantity)).toEqual([
      'incentive',
      'dividends',
      'bonds',
    ]);
    expect(rows[0]).toMatchObject({ epoch_block: '5000191', input_block: '5000190', input_age_blocks: '0' });
  });

  it('names the uids that differ when the chain stored something else', async () => {
    const changed = structuredClone(snapshots);
    (changed[2].metagraph.dividends as number[])[1] += 40;
    const path = join(dir, 'changed.jsonl');
    writeFileSync(path, changed.map((s) => `${JSON.stringify(s)}\n`).join(''));
    const r = await cli('replay', 'check', path, '--out', join(dir, 'changed.csv'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^dividends\s+40\s/m);
    expect(r.stdout).toMatch(/uids that differ most .*: 1 \(40\)/);
    const row = csv(join(dir, 'changed.csv')).find(
      (x) => x.quantity === 'dividends' && x.output_block === '5000390',
    );
    expect(row?.worst).toMatch(/^1:\d+\/\d+$/);
  });

  it('a file that is not snapshots is bad input, in one line', async () => {
    const path = join(dir, 'bad.jsonl');
    writeFileSync(path, '{"hello": 1}\n');
    const r = await cli('replay', 'check', path, '--out', join(dir, 'bad.csv'));
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      `error: ${path}:1: not a subnet-sim chain snapshot (written by \`replay fetch\`)`,
    );
    const missing = await cli('replay', 'check', join(dir, 'none.jsonl'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    expect(missing.stderr).not.toMatch(STACK_LINE);
  });
});

describe('replay run', () => {
  it('runs the counterfactual and writes the CSVs `run` writes', async () => {
    const out = join(dir, 'cf');
    const r = await cli('replay', 'run', file, '--set', 'yuma.version=yuma1', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^netuid 7: 4 epochs under yuma\.version=yuma1; vs the chain: incentive moved .* dividends moved [1-9]/,
    );
    const neurons = csv(join(out, 'neurons.csv'));
    expect(neurons.length).toBe(4 * 24);
    expect(Object.keys(neurons[0])).toEqual(
      readFileSync(join(out, 'neurons.csv'), 'utf8').split('\n')[0].split(','),
    );
    expect(neurons[0]).toMatchObject({
      block: '5000191',
      epoch: '0',
      netuid: '7',
      uid: '0',
      role: 'validator',
    });
    const subnet = csv(join(out, 'subnet.csv'));
    expect(subnet.map((s) => s.epoch)).toEqual(['0', '1', '2', '3']);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ netuid: 7, epochs: 4, overrides: ['yuma.version=yuma1'] });
    expect(summary.params_first_epoch.version).toBe('yuma1');
    expect(summary.vs_chain.epochs).toBe(3);
  });

  it('refuses an unknown parameter or an out-of-range value, listing every problem', async () => {
    const r = await cli('replay', 'run', file, '--set', 'yuma.kappa=2', '--set', 'kapa=1');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'error: --set yuma.kappa=2: yuma.kappa: found 2; allowed: a number from 0 to 1',
      expect.stringMatching(/^error: --set kapa=1: unknown parameter kapa \(allowed: yuma\.version, /),
    ]);
  });
});
