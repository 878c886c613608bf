import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, ReportInputError } from '../../src/report/build-report.ts';
import type { ChartSpec, ReportSpec } from '../../src/report/chart-spec.ts';
import { writeReport } from '../../src/report/write-report.ts';
import { cli, STACK_LINE } from '../cli/fixtures/cli.ts';
import { runFolder, sweepFolder } from './fixtures.ts';

/**
 * What the report draws, checked against the result files it reads: the charts chosen for a run and for
 * a sweep, their numbers, the grant value charts and Monte Carlo bands, and the page being one file
 * that loads nothing.
 */

const tmp = mkdtempSync(join(tmpdir(), 'subnet-sim-report-'));
const RUN = join(tmp, 'run');
const SWEEP = join(tmp, 'sweep');
let run: ReportSpec;
let sweep: ReportSpec;

beforeAll(async () => {
  await runFolder(RUN);
  await sweepFolder(SWEEP);
  run = await buildReport(RUN);
  sweep = await buildReport(SWEEP);
}, 60_000);
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

describe('the report of a run', () => {
  it('chooses shares and prices, grant value and bands, who earns what, distributions and stake flows', () => {
    expect(run.charts.map((c) => c.id)).toEqual([
      'emission-shares',
      'prices',
      'grant-value',
      'package-bands-0',
      'behaviours-1',
      'incentive-distribution',
      'dividend-distribution',
      'pool-depth',
      'stake-flows',
      'network-stake',
    ]);
    expect(run.facts).toContainEqual(['scenario', 'cli-tiny']);
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

  it('grant value per contributor and day, a contributor’s grants summed', () => {
    const grants = chart(run, 'grant-value');
    expect(grants.x.values).toEqual([0, 1]);
    expect(grants.series).toEqual([
      { label: 'alice', values: [1500, 1350] },
      { label: 'bob', values: [300, 240] },
    ]);
  });

  it('packages.csv quantiles as a p5–p95 band around the median', () => {
    const bands = chart(run, 'package-bands-0');
    expect(bands.series.map((s) => [s.label, s.values])).toEqual([
      ['p95', [1500, 2100]],
      ['median', [1500, 1350]],
      ['p5', [1500, 700]],
    ]);
    expect(bands.bands).toEqual([[0, 2]]);
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
    const bands = chart(sweep, 'grant-bands-0');
    expect(bands.x.values).toEqual([0, 1, 2]);
    const [p95, p50, p5] = bands.series.map((s) => s.values.map((v) => Number(v!.toFixed(9))));
    expect(p5).toEqual([100, 12, 24]);
    expect(p50).toEqual([100, 30, 60]);
    expect(p95).toEqual([100, 48, 96]);
  });
});

describe('report.html', () => {
  it('one file: uPlot, the chart script and the data inline; a CSP that allows no fetch; nothing else left', async () => {
    const { path } = await writeReport(RUN);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=|<link|url\(|@import/);
    expect(html).toContain('var uPlot=');
    expect(html).toContain('"id":"grant-value"');
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
