import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, cli, FIXTURES, STACK_LINE } from './fixtures/cli.ts';

/**
 * `subnet-sim run` of a scenario with contributors: its timeline files, and `--replicates N` writing
 * packages.csv (quantiles and probabilities per package), replicates.csv and vest-dates.csv, the same
 * bytes each time.
 */

const SCENARIO = join(FIXTURES, 'packages.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'subnet-sim-rep-'));
const out = { run: join(tmp, 'run'), a: join(tmp, 'a'), b: join(tmp, 'b'), none: join(tmp, 'none') };
let run: CliResult;
let a: CliResult;
let b: CliResult;
let none: CliResult;

beforeAll(async () => {
  [run, a, b, none] = await Promise.all([
    cli('run', SCENARIO, '--out', out.run, '--quiet'),
    cli('run', SCENARIO, '--replicates', '3', '--out', out.a, '--quiet'),
    cli('run', SCENARIO, '--replicates', '3', '--out', out.b, '--quiet'),
    cli('run', join(FIXTURES, 'tiny.yaml'), '--replicates', '2', '--out', out.none),
  ]);
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const rows = (dir: string, file: string) => read(dir, file).trimEnd().split('\n');

describe('a run with contributors', () => {
  it('writes market.csv, events.csv and contributors.csv beside the usual files', () => {
    expect(run.status).toBe(0);
    expect(readdirSync(out.run).sort()).toEqual(
      [
        'contributors.csv',
        'events.csv',
        'market.csv',
        'network.csv',
        'scenario.resolved.yaml',
        'subnet.csv',
        'subnets.csv',
        'summary.json',
      ].sort(),
    );
    expect(rows(out.run, 'market.csv')).toHaveLength(1 + 4); // days 0…3
    expect(rows(out.run, 'contributors.csv')[0]).toBe(
      'day,block,contributor,package,holds,grant,asset,netuid,price_usd,vested,unvested,forfeited,capped,sold,locked,held,paper_usd,realised_usd,income_tax_usd,supply_share,salary_usd,package_realised_usd,package_value_usd,package_tax_usd,left',
    );
    // 4 days × (tokens, hybrid, hybrid's unhedged twin), one grant each.
    expect(rows(out.run, 'contributors.csv')).toHaveLength(1 + 4 * 3);
    expect(read(out.run, 'events.csv')).toContain(',tao_usd,');
    const summary = JSON.parse(read(out.run, 'summary.json'));
    expect(summary.compensation.contributors[0].packages.map((p: { package: string }) => p.package)).toEqual([
      'tokens',
      'hybrid',
    ]);
    expect(summary.compensation.contributors[0].packages[1]).toHaveProperty('unhedged_value_usd');
  });
});

describe('--replicates', () => {
  it('writes packages.csv, replicates.csv, vest-dates.csv and scenario.resolved.yaml', () => {
    expect(a.status).toBe(0);
    expect(a.stderr).toBe('');
    expect(readdirSync(out.a).sort()).toEqual([
      'packages.csv',
      'replicates.csv',
      'scenario.resolved.yaml',
      'vest-dates.csv',
    ]);
    const packages = rows(out.a, 'packages.csv');
    expect(packages[0].split(',')).toEqual(
      expect.arrayContaining([
        'value_usd_p5',
        'value_usd_p95',
        'realised_usd_p50',
        'expected_forfeited_usd',
        'p_tax_exceeds_value',
        'p_under_water_at_vest',
        'cash_twin_usd_mean',
        'p_beats_cash_twin',
        'unhedged_value_usd_mean',
      ]),
    );
    expect(packages.slice(1).map((r) => r.split(',').slice(0, 4).join(','))).toEqual([
      'dev,tokens,true,3',
      'dev,hybrid,false,3',
    ]);
    expect(rows(out.a, 'replicates.csv')).toHaveLength(1 + 3 * 2);
    expect(rows(out.a, 'vest-dates.csv')[0]).toBe('contributor,package,day,vests,p_under_water');
  });

  it('gives the same bytes for the same scenario and N', () => {
    expect(b.status).toBe(0);
    for (const file of ['packages.csv', 'replicates.csv', 'vest-dates.csv'])
      expect(read(out.b, file)).toBe(read(out.a, file));
  });

  it('replicates differ from one another (each has its own seed)', () => {
    const values = rows(out.a, 'replicates.csv')
      .slice(1)
      .filter((r) => r.includes(',tokens,'))
      .map((r) => r.split(',')[5]);
    expect(new Set(values).size).toBe(3);
  });

  it('refuses a scenario without contributors: exit 2, no stack trace', () => {
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no contributors');
    expect(none.stderr).not.toMatch(STACK_LINE);
  });
});
