import { BLOCKS_PER_DAY } from '../engine/units.ts';
import { quantileSorted } from '../sweep/statistics.ts';
import type { ChartSpec } from './chart-spec.ts';
import { firstColumn, GRANT_TIME, GRANT_VALUE, GRANT_WHO, QUANTILE_COLUMNS } from './grant-columns.ts';
import { type Columns, numberCell, scanCsv } from './read-csv.ts';

/** Contributors given a Monte Carlo band chart each. */
const MAX_BAND_CHARTS = 4;

/** who → day → USD value (values of one who on one day are summed: a contributor's grants). */
type GrantValues = Map<string, Map<number, number>>;

function dayOf(cells: string[], columns: Columns): number | null {
  const day = numberCell(cells, columns.get(GRANT_TIME[0]) ?? -1);
  if (day !== null) return day;
  const block = numberCell(cells, columns.get(GRANT_TIME[1]) ?? -1);
  return block === null ? null : block / BLOCKS_PER_DAY;
}

/** A run's contributors.csv as values per contributor and day, or null if the file is missing. */
export async function readGrantValues(path: string): Promise<GrantValues | null> {
  const out: GrantValues = new Map();
  const found = await scanCsv(path, (cells, columns) => {
    const day = dayOf(cells, columns);
    const value = numberCell(cells, firstColumn(columns, GRANT_VALUE));
    if (day === null || value === null) return;
    const who = cells[firstColumn(columns, GRANT_WHO)] ?? 'grant';
    const days = out.get(who) ?? new Map<number, number>();
    out.set(who, days);
    days.set(day, (days.get(day) ?? 0) + value);
  });
  return found ? out : null;
}

const sortedDays = (values: Iterable<Map<number, number>>) =>
  [...new Set([...values].flatMap((days) => [...days.keys()]))].sort((a, b) => a - b);

/** Grant value of each contributor over one run. */
export function grantValueChart(values: GrantValues): ChartSpec {
  const days = sortedDays(values.values());
  return {
    id: 'grant-value',
    title: 'Grant value over time',
    description: 'USD value of each contributor’s grants on each day of the run (contributors.csv).',
    kind: 'line',
    x: { label: 'day', values: days },
    y: { label: 'USD' },
    series: [...values].map(([who, byDay]) => ({
      label: who,
      values: days.map((d) => byDay.get(d) ?? null),
    })),
  };
}

function bandChart(
  id: string,
  title: string,
  description: string,
  days: number[],
  q: (number | null)[][],
): ChartSpec {
  return {
    id,
    title,
    description,
    kind: 'line',
    x: { label: 'day', values: days },
    y: { label: 'USD' },
    series: [
      { label: 'p95', values: q[2] },
      { label: 'median', values: q[1] },
      { label: 'p5', values: q[0] },
    ],
    bands: [[0, 2]],
  };
}

/** Monte Carlo bands across runs (a sweep's kept runs): each contributor's p5, median and p95 per day. */
export function grantBandCharts(runs: GrantValues[]): ChartSpec[] {
  const contributors = [...new Set(runs.flatMap((r) => [...r.keys()]))].slice(0, MAX_BAND_CHARTS);
  return contributors.map((who, k) => {
    const days = sortedDays(runs.map((r) => r.get(who) ?? new Map()));
    const q = [0.05, 0.5, 0.95].map((p) =>
      days.map((d) => {
        const xs = runs.map((r) => r.get(who)?.get(d)).filter((x): x is number => x !== undefined);
        return xs.length === 0 ? null : quantileSorted(Float64Array.from(xs).sort(), p);
      }),
    );
    return bandChart(
      `grant-bands-${k}`,
      `Grant value of ${who} across ${runs.length} runs`,
      'Median USD value per day with the band from the 5th to the 95th percentile across the runs’ price paths (each kept run’s contributors.csv).',
      days,
      q,
    );
  });
}

/** packages.csv: a band chart per package from its per-day quantile columns; [] without such columns. */
export async function packageBandCharts(path: string): Promise<ChartSpec[]> {
  const rows = new Map<string, Map<number, [number | null, number | null, number | null]>>();
  await scanCsv(path, (cells, columns) => {
    const day = dayOf(cells, columns);
    const q = (['p5', 'p50', 'p95'] as const).map((k) =>
      numberCell(cells, firstColumn(columns, QUANTILE_COLUMNS[k])),
    );
    if (day === null || q.every((x) => x === null)) return;
    const who = cells[firstColumn(columns, GRANT_WHO)] ?? 'package';
    if (!rows.has(who)) rows.set(who, new Map());
    rows.get(who)!.set(day, q as [number | null, number | null, number | null]);
  });
  return [...rows].slice(0, MAX_BAND_CHARTS).map(([who, byDay], k) => {
    const days = [...byDay.keys()].sort((a, b) => a - b);
    const q = [0, 1, 2].map((i) => days.map((d) => byDay.get(d)![i]));
    return bandChart(
      `package-bands-${k}`,
      `Package value of ${who} (Monte Carlo)`,
      'Median USD value per day with the band from the 5th to the 95th percentile across the price paths (packages.csv).',
      days,
      q,
    );
  });
}
