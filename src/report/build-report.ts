import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { behaviourCharts } from './behaviour-charts.ts';
import { type ChartSpec, hasData, type ReportSpec } from './chart-spec.ts';
import { grantBandCharts, grantValueChart, packageBandCharts, readGrantValues } from './grant-charts.ts';
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

async function runReport(dir: string): Promise<ReportSpec> {
  const summary = await readJson<RunSummaryPart>(join(dir, 'summary.json'));
  const notes: string[] = [];
  const subnets = await subnetCharts(join(dir, 'subnets.csv'));
  const distributions = await distributionCharts(join(dir, 'neurons.csv'));
  const grants = await readGrantValues(join(dir, 'contributors.csv'));
  const packages = (await exists(join(dir, 'packages.csv')))
    ? await packageBandCharts(join(dir, 'packages.csv'))
    : [];
  const [shares, prices, pools, flows] = subnets.charts;
  const charts = [
    ...[shares, prices].filter(Boolean),
    ...(grants === null ? [] : [grantValueChart(grants)]),
    ...packages,
    ...behaviourCharts(summary),
    ...distributions.charts,
    ...[pools, flows].filter(Boolean),
    ...(await networkCharts(join(dir, 'network.csv'))),
  ];
  notes.push(...subnets.notes, ...distributions.notes);
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
    notes,
  };
}

async function sweepReport(dir: string): Promise<ReportSpec> {
  const manifest = await readJson<SweepManifest>(join(dir, 'manifest.json'));
  const { charts, notes } = await sweepCharts(dir, manifest);
  // Monte Carlo bands of grant value across the runs kept with --keep-runs.
  const kept = (await exists(join(dir, 'runs'))) ? await readdir(join(dir, 'runs')) : [];
  const grants = [];
  for (const run of kept.sort()) {
    const values = await readGrantValues(join(dir, 'runs', run, 'contributors.csv'));
    if (values !== null) grants.push(values);
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
    notes,
  };
}

/** The report of a run's folder (summary.json) or a sweep's (manifest.json). */
export async function buildReport(dir: string): Promise<ReportSpec> {
  if (await exists(join(dir, 'manifest.json'))) return sweepReport(dir);
  if (await exists(join(dir, 'summary.json'))) return runReport(dir);
  throw new ReportInputError(
    `${dir}: not a results folder (expected a run's summary.json, as \`subnet-sim run\` writes, or a sweep's manifest.json)`,
  );
}
