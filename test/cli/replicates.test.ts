import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replicateSeed } from '../../src/replicates/run-replicates.ts';
import { type CliResult, cli, FIXTURES, STACK_LINE } from './fixtures/cli.ts';

/**
 * `subnet-sim run` of a scenario with contributors: its timeline files, and `--replicates N` writing
 * packages.csv (quantiles and probabilities per package), replicates.csv, vest-dates.csv and
 * package-days.csv, the same bytes each time. package-days.csv is checked against the replicates run
 * one by one (`run --seed <replicate's seed>`: their contributors.csv) and quantiles worked by hand.
 */

const SCENARIO = join(FIXTURES, 'packages.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'subnet-sim-rep-'));
const out = { run: join(tmp, 'run'), a: join(tmp, 'a'), b: join(tmp, 'b'), none: join(tmp, 'none') };
let run: CliResult;
let a: CliResult;
let b: CliResult;
let none: CliResult;
/** The 3 replicates' seeds (runSeed(seed, 0, r), what replicates.csv records) and their single runs. */
let seeds: number[];
const single = (r: number) => join(tmp, `single-${r}`);

beforeAll(async () => {
  [run, a, b, none] = await Promise.all([
    cli('run', SCENARIO, '--out', out.run, '--quiet'),
    cli('run', SCENARIO, '--replicates', '3', '--out', out.a, '--quiet'),
    cli('run', SCENARIO, '--replicates', '3', '--out', out.b, '--quiet'),
    cli('run', join(FIXTURES, 'tiny.yaml'), '--replicates', '2', '--out', out.none),
  ]);
  seeds = [0, 1, 2].map((r) => replicateSeed(1, r)); // packages.yaml: the default seed 1
  const singles = await Promise.all(
    seeds.map((seed, r) => cli('run', SCENARIO, '--seed', String(seed), '--out', single(r), '--quiet')),
  );
  for (const s of singles) expect(s.status).toBe(0);
}, 180_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const rows = (dir: string, file: string) => read(dir, file).trimEnd().split('\n');
function csv(dir: string, file: string): Record<string, string>[] {
  const [head, ...body] = rows(dir, file);
  const names = head.split(',');
  return body.map((r) => Object.fromEntries(r.split(',').map((cell, i) => [names[i], cell])));
}

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
      'package-days.csv',
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
    for (const file of ['packages.csv', 'replicates.csv', 'vest-dates.csv', 'package-days.csv'])
      expect(read(out.b, file)).toBe(read(out.a, file));
  });

  it('package-days.csv: per day and package, the quantiles of the replicates’ values (by hand)', () => {
    const recorded = rows(out.a, 'replicates.csv')
      .slice(1)
      .filter((r) => r.includes(',tokens,'))
      .map((r) => Number(r.split(',')[1]));
    expect(recorded).toEqual(seeds);
    const days = csv(out.a, 'package-days.csv');
    expect(Object.keys(days[0])).toEqual([
      'day',
      'contributor',
      'package',
      'holds',
      'value_usd_p5',
      'value_usd_p25',
      'value_usd_p50',
      'value_usd_p75',
      'value_usd_p95',
      'value_usd_mean',
    ]);
    // Days 0…3 of the two packages (not the unhedged twin: packages.csv's rows).
    expect(days.map((d) => `${d.package} ${d.day} ${d.holds}`)).toEqual(
      ['tokens true', 'hybrid false'].flatMap((p) => [0, 1, 2, 3].map((d) => p.replace(' ', ` ${d} `))),
    );
    for (const pkg of ['tokens', 'hybrid']) {
      for (let day = 0; day <= 3; day++) {
        // Each replicate's value that day, from its own run's contributors.csv (to the cent), sorted.
        const [x0, x1, x2] = [0, 1, 2]
          .map((r) => {
            const row = csv(single(r), 'contributors.csv').find(
              (c) => c.package === pkg && Number(c.day) === day,
            )!;
            return Number(row.package_value_usd);
          })
          .sort((x, y) => x - y);
        // Type 7 with 3 values: h = 2q → p5 = x0 + 0.1 (x1 − x0), p25 = x0 + 0.5 (x1 − x0), p50 = x1,
        // p75 = x1 + 0.5 (x2 − x1), p95 = x1 + 0.9 (x2 − x1).
        const expected = [
          x0 + 0.1 * (x1 - x0),
          x0 + 0.5 * (x1 - x0),
          x1,
          x1 + 0.5 * (x2 - x1),
          x1 + 0.9 * (x2 - x1),
          (x0 + x1 + x2) / 3,
        ];
        const row = days.find((d) => d.package === pkg && Number(d.day) === day)!;
        const got = ['p5', 'p25', 'p50', 'p75', 'p95', 'mean'].map((q) => Number(row[`value_usd_${q}`]));
        // The single runs' values are rounded to the cent, the bands computed before rounding.
        for (let i = 0; i < got.length; i++)
          expect(Math.abs(got[i] - expected[i]), `${pkg} day ${day} ${i}`).toBeLessThan(0.011);
      }
    }
    // Not a degenerate check: the replicates' token values spread apart after day 0.
    const last = days.find((d) => d.package === 'tokens' && d.day === '3')!;
    expect(Number(last.value_usd_p95) - Number(last.value_usd_p5)).toBeGreaterThan(100);
  });

  it('package-days.csv’s last day is packages.csv’s value quantiles: the same definition', () => {
    const days = csv(out.a, 'package-days.csv');
    for (const p of csv(out.a, 'packages.csv')) {
      const last = days.filter((d) => d.package === p.package).at(-1)!;
      for (const q of ['p5', 'p25', 'p50', 'p75', 'p95', 'mean'])
        expect(last[`value_usd_${q}`], `${p.package} ${q}`).toBe(p[`value_usd_${q}`]);
    }
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
