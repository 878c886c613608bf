import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BLOCKS_PER_DAY } from '../engine/units.ts';
import { behaviourCharts } from './behaviour-charts.ts';
import { type ChartSpec, hasData, type ReportSpec } from './chart-spec.ts';
import { type ContributorValues, readContributorValues } from './contributor-values.ts';
import { grantBandCharts, grantValueChart, packageValueCharts } from './grant-charts.ts';
import { eventTable, readEvents, taoUsdChart } from './market-charts.ts';
import { packageComparisonChart, packageDayBandCharts } from './monte-carlo-charts.ts';
import { networkCharts } from './network-charts.ts';
import { distributionCharts } from './neuron-distributions.ts';
import { exists } from './read-csv.ts';
import { subnetCharts } from './subnet-series.ts';
import { type SweepManifest, sweepCharts } from './sweep-charts.ts';

/** A folder the report cannot read: the message says what was expected. */
export class ReportInputError extends Error {}

async function readJson<T>(path: string): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    throw new ReportInputError(`${path}: not readable JSON (${(error as Error).message})`);
  }
}

/** Keeps the charts with data; a chart without any is named in the notes instead. */
function withData(charts: ChartSpec[], notes: string[]): ChartSpec[] {
  for (const c of charts) if (!hasData(c)) notes.push(`${c.title}: no values to draw.`);
  return charts.filter(hasData);
}

interface RunSummaryPart {
  scenario?: string;
  run_id?: string;
  tool_version?: string;
  blocks?: number;
  days?: number;
  seed?: number;
  subnets?: { netuid: number }[];
  live?: { complete: boolean; stopped_at_block: number; shocks: unknown[] };
}

/** The charts of `run --replicates N`'s files, if the folder has them. */
async function monteCarloCharts(dir: string): Promise<ChartSpec[]> {
  return [
    ...(await packageDayBandCharts(join(dir, 'package-days.csv'))),
    ...(await packageComparisonChart(join(dir, 'packages.csv'))),
  ];
}

const contributorCharts = (values: ContributorValues | null): ChartSpec[] =>
  values === null ? [] : [grantValueChart(values), ...packageValueCharts(values)];

async function runReport(dir: string): Promise<ReportSpec> {
  const summary = await readJson<RunSummaryPart>(join(dir, 'summary.json'));
  const notes: string[] = [];
  const subnets = await subnetCharts(join(dir, 'subnets.csv'));
  const distributions = await distributionCharts(join(dir, 'neurons.csv'));
  const runEvents = await readEvents(join(dir, 'events.csv'));
  const events = eventTable(runEvents);
  const [shares, prices, pools, flows] = subnets.charts;
  const charts = [
    ...[shares, prices].filter(Boolean),
    ...(await taoUsdChart(join(dir, 'market.csv'), runEvents)),
    ...contributorCharts(await readContributorValues(join(dir, 'contributors.csv'))),
    ...(await monteCarloCharts(dir)),
    ...behaviourCharts(summary),
    ...distributions.charts,
    ...[pools, flows].filter(Boolean),
    ...(await networkCharts(join(dir, 'network.csv'))),
  ];
  notes.push(...subnets.notes, ...distributions.notes, ...events.notes);
  const facts: [string, string][] = [
    ['scenario', summary.scenario ?? basename(dir)],
    ['run id', summary.run_id ?? ''],
    ['blocks', `${summary.blocks ?? '?'} (${Number((summary.days ?? 0).toFixed(2))} days)`],
    ['seed', String(summary.seed ?? '')],
    ['subnets', String(summary.subnets?.length ?? 0)],
    ['tool version', summary.tool_version ?? ''],
  ];
  if (summary.live !== undefined) {
    facts.push([
      'live run',
      `${summary.live.complete ? 'ran to the end' : `stopped at block ${summary.live.stopped_at_block}`}, ${summary.live.shocks.length} shock(s) applied`,
    ]);
  }
  return {
    title: `subnet-sim report: ${summary.scenario ?? basename(dir)}`,
    facts,
    charts: withData(charts, notes),
    tables: events.tables,
    notes,
  };
}

interface ResolvedPart {
  name?: string;
  seed?: number;
  duration?: number;
  subnet_sim_version?: string;
}

/** A folder of `run --replicates N` alone (no summary.json): its Monte Carlo charts. */
async function replicatesReport(dir: string): Promise<ReportSpec> {
  let resolved: ResolvedPart = {};
  try {
    resolved = (parseYaml(await readFile(join(dir, 'scenario.resolved.yaml'), 'utf8')) ?? {}) as ResolvedPart;
  } catch {
    // The facts are then the folder's name only.
  }
  const notes = [
    'A Monte Carlo folder (run --replicates): run the scenario once into the same folder (`subnet-sim run <scenario> --out <this folder>`) to add one path’s TAO/USD, grant values and event log.',
  ];
  const charts = await monteCarloCharts(dir);
  const name = resolved.name ?? basename(dir);
  const facts: [string, string][] = [
    ['scenario', name],
    [
      'blocks',
      resolved.duration === undefined
        ? '?'
        : `${resolved.duration} (${Number((resolved.duration / BLOCKS_PER_DAY).toFixed(2))} days)`,
    ],
    ['seed', String(resolved.seed ?? '')],
    ['tool version', resolved.subnet_sim_version ?? ''],
  ];
  return {
    title: `subnet-sim report: ${name}, Monte Carlo`,
    facts,
    charts: withData(charts, notes),
    tables: [],
    notes,
  };
}

async function sweepReport(dir: string): Promise<ReportSpec> {
  const manifest = await readJson<SweepManifest>(join(dir, 'manifest.json'));
  const { charts, notes } = await sweepCharts(dir, manifest);
  // Monte Carlo bands of grant value across the runs kept with --keep-runs.
  const kept = (await exists(join(dir, 'runs'))) ? await readdir(join(dir, 'runs')) : [];
  const grants: ContributorValues[] = [];
  for (const run of kept.filter((name) => !name.startsWith('.')).sort()) {
    const values = await readContributorValues(join(dir, 'runs', run, 'contributors.csv'));
    if (values !== null && values.grants.size > 0) grants.push(values);
  }
  if (grants.length > 0) charts.unshift(...grantBandCharts(grants));
  const facts: [string, string][] = [
    ['sweep', manifest.sweep],
    ['design', manifest.design],
    ['parameters', Object.keys(manifest.parameters).join(', ')],
    ['metrics', manifest.metrics.join(', ')],
    ['runs', `${manifest.runs} (${manifest.points} points × ${manifest.replicates} replicates)`],
  ];
  return {
    title: `subnet-sim report: sweep ${manifest.sweep}`,
    facts,
    charts: withData(charts, notes),
    tables: [],
    notes,
  };
}

/** The report of a run's folder (summary.json), a Monte Carlo one (packages.csv) or a sweep's (manifest.json). */
export async function buildReport(dir: string): Promise<ReportSpec> {
  if (await exists(join(dir, 'manifest.json'))) return sweepReport(dir);
  if (await exists(join(dir, 'summary.json'))) return runReport(dir);
  if (await exists(join(dir, 'packages.csv'))) return replicatesReport(dir);
  throw new ReportInputError(
    `${dir}: not a results folder (expected a run's summary.json, as \`subnet-sim run\` writes, the packages.csv of \`run --replicates\`, or a sweep's manifest.json)`,
  );
}
