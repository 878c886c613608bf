import { join } from 'node:path';
import type { ChartSpec } from './chart-spec.ts';
import { numberCell, readCsv } from './read-csv.ts';

/** Metrics given charts against each parameter (the first ones of the sweep). */
const MAX_METRICS = 3;

export interface SweepManifest {
  sweep: string;
  design: string;
  parameters: Record<string, unknown>;
  metrics: string[];
  runs: number;
  points: number;
  replicates: number;
}

/** A parameter's values on an x axis: numbers as they are, anything else as categories 0, 1, … */
function axisOf(texts: string[]): { x: number[]; categories?: string[] } {
  const numbers = texts.map(Number);
  if (texts.every((t, i) => t !== '' && Number.isFinite(numbers[i]))) return { x: numbers };
  const categories = [...new Set(texts)].sort();
  return { x: texts.map((t) => categories.indexOf(t)), categories };
}

function metricAgainstParameter(
  rows: string[][],
  parameter: number,
  metric: number,
  names: { parameter: string; metric: string },
  id: string,
): ChartSpec {
  const axis = axisOf(rows.map((r) => r[parameter]));
  const order = rows.map((_, i) => i).sort((a, b) => axis.x[a] - axis.x[b] || a - b);
  const x = order.map((i) => axis.x[i]);
  const y = order.map((i) => numberCell(rows[i], metric));
  // The mean of the runs at each distinct value, drawn at its first run (a line through the cloud).
  const mean: (number | null)[] = x.map(() => null);
  for (let i = 0; i < x.length; ) {
    let j = i;
    let sum = 0;
    let count = 0;
    for (; j < x.length && x[j] === x[i]; j++) {
      if (y[j] !== null) {
        sum += y[j]!;
        count++;
      }
    }
    mean[i] = count > 0 ? sum / count : null;
    i = j;
  }
  // A mean line only where values repeat (grids, replicates); a continuous design has one run per value.
  const repeated = new Set(x).size <= x.length / 2;
  return {
    id,
    title: `${names.metric} against ${names.parameter}`,
    description: repeated
      ? 'Each successful run of the sweep (runs.csv) as a point, and the mean of the runs sharing a value of the parameter as a line.'
      : 'Each successful run of the sweep (runs.csv) as a point.',
    kind: 'points',
    x: { label: names.parameter, values: x },
    y: { label: names.metric },
    series: [{ label: 'run', values: y }, ...(repeated ? [{ label: 'mean', values: mean }] : [])],
    ...(axis.categories === undefined ? {} : { categories: axis.categories }),
  };
}

/** A sweep's metrics against each parameter (runs.csv) and, for design sobol, the indices (sensitivity.csv). */
export async function sweepCharts(
  dir: string,
  manifest: SweepManifest,
): Promise<{ charts: ChartSpec[]; notes: string[] }> {
  const charts: ChartSpec[] = [];
  const notes: string[] = [];
  const runs = await readCsv(join(dir, 'runs.csv'));
  if (runs === null) return { charts, notes: ['runs.csv is missing: no run has been recorded yet.'] };
  const status = runs.columns.get('status') ?? -1;
  const ok = runs.rows.filter((r) => r[status] === 'ok');
  const parameters = Object.keys(manifest.parameters);
  const metrics = manifest.metrics.slice(0, MAX_METRICS);
  if (manifest.metrics.length > MAX_METRICS) {
    notes.push(`Charts show the first ${MAX_METRICS} of the sweep’s ${manifest.metrics.length} metrics.`);
  }
  const varied = parameters.filter((parameter) => {
    const pi = runs.columns.get(parameter) ?? -1;
    return new Set(runs.rows.map((r) => r[pi])).size > 1;
  });
  for (const parameter of parameters) {
    if (!varied.includes(parameter))
      notes.push(`${parameter} takes one value in this sweep: no chart against it.`);
  }
  metrics.forEach((metric, m) => {
    varied.forEach((parameter, p) => {
      const pi = runs.columns.get(parameter);
      const mi = runs.columns.get(metric);
      if (pi === undefined || mi === undefined) return;
      charts.push(metricAgainstParameter(ok, pi, mi, { parameter, metric }, `sweep-${m}-${p}`));
    });
  });
  const sensitivity = await readCsv(join(dir, 'sensitivity.csv'));
  if (sensitivity !== null) {
    const c = (name: string) => sensitivity.columns.get(name) ?? -1;
    metrics.forEach((metric, m) => {
      const rows = sensitivity.rows.filter((r) => r[c('metric')] === metric);
      if (rows.length === 0) return;
      charts.push({
        id: `sobol-${m}`,
        title: `Sobol indices of ${metric}`,
        description:
          'First-order index (the share of the metric’s variance a parameter explains alone) and total index (alone and with the others), from sensitivity.csv, which also holds their 95 % bootstrap intervals.',
        kind: 'bars',
        x: { label: 'parameter', values: rows.map((_, i) => i) },
        y: { label: 'index' },
        categories: rows.map((r) => r[c('parameter')]),
        series: [
          { label: 'first order', values: rows.map((r) => numberCell(r, c('first_order'))) },
          { label: 'total', values: rows.map((r) => numberCell(r, c('total'))) },
        ],
      });
    });
  }
  return { charts, notes };
}
