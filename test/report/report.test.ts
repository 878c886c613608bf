import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, ReportInputError } from '../../src/report/build-report.ts';
import type { ChartSpec, ReportSpec } from '../../src/report/chart-spec.ts';
import { writeReport } from '../../src/report/write-report.ts';
import { cli, STACK_LINE } from '../cli/fixtures/cli.ts';
import {
  COMPENSATION_CHARTS,
  compensationSweepFolder,
  contributorsCsv,
  runFolder,
  sweepFolder,
} from './fixtures.ts';

/**
 * What the report draws, checked against the result files it reads: the charts chosen for a run and for
 * a sweep, their numbers, the grant and package values (the held package's, never the comparisons'
 * added to it), the Monte Carlo bands of package-days.csv, the packages against their cash twins, TAO/USD
 * with the event log, and the page being one file that loads nothing.
 */

const tmp = mkdtempSync(join(tmpdir(), 'subnet-sim-report-'));
const RUN = join(tmp, 'run');
const SWEEP = join(tmp, 'sweep');
const COMPENSATION_SWEEP = join(tmp, 'compensation-sweep');
let run: ReportSpec;
let sweep: ReportSpec;

beforeAll(async () => {
  await runFolder(RUN);
  await sweepFolder(SWEEP);
  run = await buildReport(RUN);
  sweep = await buildReport(SWEEP);
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const chart = (report: ReportSpec, id: string): ChartSpec => {
  const found = report.charts.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no chart ${id} in ${report.charts.map((c) => c.id).join(', ')}`);
  return found;
};

function csv(path: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const names = head.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((cell, i) => [names[i], cell])));
}

const num = (x: string) => (x === '' ? null : Number(x));

describe('the report of a run', () => {
  it('chooses shares and prices, TAO/USD, grant and package values, Monte Carlo bands, who earns what, distributions and stake flows', () => {
    expect(run.charts.map((c) => c.id)).toEqual([
      'emission-shares',
      'prices',
      ...COMPENSATION_CHARTS,
      'behaviours-1',
      'incentive-distribution',
      'dividend-distribution',
      'pool-depth',
      'stake-flows',
      'network-stake',
    ]);
    expect(run.facts).toContainEqual(['scenario', 'packages-fixture']);
    expect(run.tables.map((t) => t.id)).toEqual(['events']);
  });

  it('plots subnets.csv as it is, against days', () => {
    const rows = csv(join(RUN, 'subnets.csv'));
    const shares = chart(run, 'emission-shares');
    expect(shares.x.values).toEqual(rows.map((r) => Number(r.block) / 7200));
    expect(shares.series).toEqual([{ label: 'netuid 1', values: rows.map((r) => Number(r.emission_share)) }]);
    expect(chart(run, 'prices').series[0].values).toEqual(rows.map((r) => Number(r.price)));
  });

  it('ranks the last epoch’s incentive and dividends from neurons.csv', () => {
    const rows = csv(join(RUN, 'neurons.csv'));
    const lastEpoch = Math.max(...rows.map((r) => Number(r.epoch)));
    const last = rows.filter((r) => Number(r.epoch) === lastEpoch);
    const sorted = (role: string, column: string) =>
      last
        .filter((r) => r.role === role)
        .map((r) => Number(r[column]))
        .sort((a, b) => b - a);
    expect(chart(run, 'incentive-distribution').series[0].values).toEqual(sorted('miner', 'incentive'));
    expect(chart(run, 'dividend-distribution').series[0].values).toEqual(sorted('validator', 'dividends'));
  });

  it('TAO/USD from market.csv, with a marker on the shock’s day, and the event log as a table', () => {
    const market = csv(join(RUN, 'market.csv'));
    const tao = chart(run, 'tao-usd');
    expect(tao.x.values).toEqual([0, 1, 2, 3]);
    expect(tao.series[0].values).toEqual(market.map((r) => Number(r.tao_usd)));
    // packages.yaml: TAO/USD −20 % at day 1; the hybrid's USD grant converted on day 0.
    const events = csv(join(RUN, 'events.csv'));
    expect(events.filter((e) => e.kind === 'tao_usd').map((e) => e.day)).toEqual(['1']);
    const marked = new Set(events.map((e) => Number(e.day)));
    expect(tao.series[1]).toEqual({
      label: 'events',
      values: market.map((r) => (marked.has(Number(r.day)) ? Number(r.tao_usd) : null)),
      points: true,
    });
    expect(tao.series[1].values.filter((v) => v !== null).length).toBeGreaterThan(0);
    expect(run.tables[0].rows).toEqual(events.map((e) => Object.values(e)));
  });

  it('grant value: the held package’s grants (paper + realised), per contributor and day', () => {
    const rows = csv(join(RUN, 'contributors.csv')).filter((r) => r.holds === 'true');
    expect(new Set(rows.map((r) => r.package))).toEqual(new Set(['tokens']));
    const grants = chart(run, 'grant-value');
    expect(grants.x.values).toEqual([0, 1, 2, 3]);
    expect(grants.series).toEqual([
      { label: 'dev', values: rows.map((r) => Number(r.paper_usd) + Number(r.realised_usd)) },
    ]);
  });

  it('package values: a line per package, the held one first, each value taken once', () => {
    const rows = csv(join(RUN, 'contributors.csv'));
    const values = (name: string) =>
      rows.filter((r) => r.package === name).map((r) => Number(r.package_value_usd));
    const packages = chart(run, 'package-value-0');
    expect(packages.series).toEqual([
      { label: 'tokens (held)', values: values('tokens') },
      { label: 'hybrid', values: values('hybrid') },
      { label: 'hybrid (unhedged)', values: values('hybrid (unhedged)') },
    ]);
  });

  it('contributors.csv by hand: two grants of the held package summed, the comparison package not added', async () => {
    const dir = join(tmp, 'hand');
    await runFolder(dir);
    writeFileSync(
      join(dir, 'contributors.csv'),
      contributorsCsv([
        {
          day: 0,
          contributor: 'alice',
          package: 'tokens',
          holds: 'true',
          grant: 'a1',
          paper_usd: 1000,
          realised_usd: 0,
          package_value_usd: 1600,
        },
        {
          day: 0,
          contributor: 'alice',
          package: 'tokens',
          holds: 'true',
          grant: 'a2',
          paper_usd: 500,
          realised_usd: 0,
          package_value_usd: 1600,
        },
        { day: 0, contributor: 'alice', package: 'cash', holds: 'false', grant: '', package_value_usd: 300 },
        {
          day: 0,
          contributor: 'bob',
          package: 'solo',
          holds: 'true',
          grant: 'b1',
          paper_usd: 300,
          realised_usd: 0,
          package_value_usd: 300,
        },
        {
          day: 1,
          contributor: 'alice',
          package: 'tokens',
          holds: 'true',
          grant: 'a1',
          paper_usd: 800,
          realised_usd: 100,
          package_value_usd: 1400,
        },
        {
          day: 1,
          contributor: 'alice',
          package: 'tokens',
          holds: 'true',
          grant: 'a2',
          paper_usd: 400,
          realised_usd: 50,
          package_value_usd: 1400,
        },
        { day: 1, contributor: 'alice', package: 'cash', holds: 'false', grant: '', package_value_usd: 600 },
        {
          day: 1,
          contributor: 'bob',
          package: 'solo',
          holds: 'true',
          grant: 'b1',
          paper_usd: 240,
          realised_usd: 0,
          package_value_usd: 240,
        },
      ]),
    );
    const report = await buildReport(dir);
    expect(chart(report, 'grant-value').series).toEqual([
      { label: 'alice', values: [1500, 1350] },
      { label: 'bob', values: [300, 240] },
    ]);
    // Only alice compares packages: one chart, bob has none.
    expect(report.charts.filter((c) => c.id.startsWith('package-value-')).map((c) => c.series)).toEqual([
      [
        { label: 'tokens (held)', values: [1600, 1400] },
        { label: 'cash', values: [300, 600] },
      ],
    ]);
  });

  it('package-days.csv as bands: p5–p95 and p25–p75 around the median, the held package first', () => {
    const days = csv(join(RUN, 'package-days.csv'));
    for (const [k, name] of ['tokens', 'hybrid'].entries()) {
      const rows = days.filter((d) => d.package === name);
      const bands = chart(run, `package-bands-${k}`);
      expect(bands.title).toContain(name);
      expect(bands.x.values).toEqual(rows.map((r) => Number(r.day)));
      expect(bands.series.map((s) => [s.label, s.values])).toEqual(
        ['p95', 'p75', 'p50', 'p25', 'p5'].map((q) => [
          q === 'p50' ? 'median' : q,
          rows.map((r) => num(r[`value_usd_${q}`])),
        ]),
      );
      expect(bands.bands).toEqual([
        [0, 4],
        [1, 3],
      ]);
    }
    // The bands are bands: the 3 replicates spread apart by the last day.
    const last = chart(run, 'package-bands-0').series;
    expect(last[0].values.at(-1)!).toBeGreaterThan(last[4].values.at(-1)!);
  });

  it('packages.csv: each package’s value quantiles, realised median and cash twin, side by side', () => {
    const packages = csv(join(RUN, 'packages.csv'));
    const comparison = chart(run, 'package-comparison');
    expect(comparison.title).toContain('3 replicates');
    expect(comparison.categories).toEqual(['dev\ntokens (held)', 'dev\nhybrid']);
    expect(comparison.series.map((s) => [s.label, s.values])).toEqual([
      ['value p5', packages.map((p) => num(p.value_usd_p5))],
      ['value median', packages.map((p) => num(p.value_usd_p50))],
      ['value p95', packages.map((p) => num(p.value_usd_p95))],
      ['realised median', packages.map((p) => num(p.realised_usd_p50))],
      ['cash twin (mean)', packages.map((p) => num(p.cash_twin_usd_mean))],
    ]);
  });

  it('a folder of `run --replicates` alone: its Monte Carlo charts, facts from scenario.resolved.yaml', async () => {
    const dir = join(tmp, 'replicates-only');
    await runFolder(dir);
    for (const f of readdirSync(dir))
      if (
        ![
          'packages.csv',
          'package-days.csv',
          'replicates.csv',
          'vest-dates.csv',
          'scenario.resolved.yaml',
        ].includes(f)
      )
        rmSync(join(dir, f));
    const report = await buildReport(dir);
    expect(report.charts.map((c) => c.id)).toEqual([
      'package-bands-0',
      'package-bands-1',
      'package-comparison',
    ]);
    expect(report.facts).toContainEqual(['scenario', 'packages-fixture']);
    expect(report.facts).toContainEqual(['blocks', '21600 (3 days)']);
    expect(report.notes.join(' ')).toContain('run the scenario once into the same folder');
  });

  it('without neurons.csv: no distributions, and a note saying why', async () => {
    const dir = join(tmp, 'no-neurons');
    await runFolder(dir);
    rmSync(join(dir, 'neurons.csv'));
    const report = await buildReport(dir);
    expect(report.charts.map((c) => c.id)).not.toContain('incentive-distribution');
    expect(report.notes.join(' ')).toContain('neurons.csv was not written');
  });
});

describe('the report of a sweep', () => {
  it('the metric against each parameter, the Sobol indices, and Monte Carlo bands of grant value', () => {
    expect(sweep.charts.map((c) => c.id)).toEqual(['grant-bands-0', 'sweep-0-0', 'sweep-0-1', 'sobol-0']);
    expect(sweep.facts).toContainEqual(['design', 'sobol']);
  });

  it('each successful run as a point, sorted by the parameter', () => {
    const runs = csv(join(SWEEP, 'runs.csv')).filter((r) => r.status === 'ok');
    const kappa = chart(sweep, 'sweep-0-0');
    const pairs = runs
      .map((r) => [Number(r['subnets[0].yuma.kappa']), Number(r['subnets[0].incentive_gini_mean'])])
      .sort((a, b) => a[0] - b[0]);
    expect(kappa.x.values).toEqual(pairs.map((p) => p[0]));
    expect(kappa.series[0].values.slice().sort()).toEqual(pairs.map((p) => p[1]).sort());
  });

  it('Sobol bars from sensitivity.csv', () => {
    const rows = csv(join(SWEEP, 'sensitivity.csv'));
    const sobol = chart(sweep, 'sobol-0');
    expect(sobol.categories).toEqual(rows.map((r) => r.parameter));
    expect(sobol.series.map((s) => s.values)).toEqual([
      rows.map((r) => Number(r.first_order)),
      rows.map((r) => Number(r.total)),
    ]);
  });

  it('bands: per day, the 5th, 50th and 95th percentiles across the kept runs (type 7)', () => {
    // Day 1: 10, 20, 30, 40, 50 → p5 = 10 + 0.2·10 = 12, p50 = 30, p95 = 40 + 0.8·10 = 48; day 2 doubles.
    // The comparison package (10⁶ every day) is not part of it.
    const bands = chart(sweep, 'grant-bands-0');
    expect(bands.x.values).toEqual([0, 1, 2]);
    const [p95, p50, p5] = bands.series.map((s) => s.values.map((v) => Number(v!.toFixed(9))));
    expect(p5).toEqual([100, 12, 24]);
    expect(p50).toEqual([100, 30, 60]);
    expect(p95).toEqual([100, 48, 96]);
  });

  it('a real sweep of packages with --keep-runs: grant bands from the runs’ contributors.csv', async () => {
    await compensationSweepFolder(COMPENSATION_SWEEP);
    const report = await buildReport(COMPENSATION_SWEEP);
    const runs = readdirSync(join(COMPENSATION_SWEEP, 'runs'));
    expect(runs).toHaveLength(4);
    expect(report.charts.map((c) => c.id)).toEqual(['grant-bands-0', 'sweep-0-0']);
    const bands = chart(report, 'grant-bands-0');
    expect(bands.title).toBe('Grant value of dev across 4 runs');
    // Day 3's median: the middle of the 4 runs' held grant values (type 7: halfway between the 2nd and 3rd).
    const last = runs
      .map((r) => {
        const held = csv(join(COMPENSATION_SWEEP, 'runs', r, 'contributors.csv')).filter(
          (c) => c.holds === 'true' && c.day === '3',
        );
        return held.reduce((sum, c) => sum + Number(c.paper_usd) + Number(c.realised_usd), 0);
      })
      .sort((a, b) => a - b);
    expect(bands.series[1].values.at(-1)).toBeCloseTo((last[1] + last[2]) / 2, 6);
    expect(new Set(last).size).toBe(4);
  }, 120_000);
});

describe('report.html', () => {
  it('one file: uPlot, the chart script and the data inline; a CSP that allows no fetch; nothing else left', async () => {
    const { path } = await writeReport(RUN);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=|<link|url\(|@import/);
    expect(html).toContain('var uPlot=');
    expect(html).toContain('"id":"grant-value"');
    expect(html).toContain('<section class="table" id="events">');
    expect(readdirSync(RUN).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('the command: where it wrote; a folder that is not a result: exit 2, no stack trace', async () => {
    const ok = await cli('report', SWEEP, '--out', join(tmp, 'sweep.html'));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(`4 charts → ${join(tmp, 'sweep.html')}\n`);
    const bad = await cli('report', tmp);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('not a results folder');
    expect(bad.stderr).not.toMatch(STACK_LINE);
    await expect(buildReport(tmp)).rejects.toBeInstanceOf(ReportInputError);
  });
});
