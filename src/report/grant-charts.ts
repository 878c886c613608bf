import { quantileSorted } from '../sweep/statistics.ts';
import type { ChartSpec, Series } from './chart-spec.ts';
import type { ContributorValues, DaySeries } from './contributor-values.ts';

/** Contributors given a chart of their own (packages compared, Monte Carlo bands). */
export const MAX_CONTRIBUTOR_CHARTS = 4;

const sortedDays = (series: Iterable<DaySeries>) =>
  [...new Set([...series].flatMap((days) => [...days.keys()]))].sort((a, b) => a - b);

/**
 * A band chart: `quantiles` from the top one down (p95, …, p5) with a band between each pair from
 * the outside in (p5–p95, then p25–p75), and the middle one (the median) as a line.
 */
export function bandChart(
  id: string,
  title: string,
  description: string,
  days: number[],
  quantiles: Series[],
): ChartSpec {
  const n = quantiles.length;
  return {
    id,
    title,
    description,
    kind: 'line',
    x: { label: 'day', values: days },
    y: { label: 'USD' },
    series: quantiles,
    bands: Array.from({ length: Math.floor(n / 2) }, (_, k): [number, number] => [k, n - 1 - k]),
  };
}

/** The held package's grants of each contributor over one run (contributors.csv). */
export function grantValueChart(values: ContributorValues): ChartSpec {
  const days = sortedDays(values.grants.values());
  return {
    id: 'grant-value',
    title: 'Grant value over time',
    description:
      'For each contributor, the grants of the package they hold: tokens held or locked at the day’s price plus what sales fetched (contributors.csv paper_usd + realised_usd of the held package’s grants; salary not included, comparison packages not added).',
    kind: 'line',
    x: { label: 'day', values: days },
    y: { label: 'USD' },
    series: [...values.grants].map(([who, byDay]) => ({
      label: who,
      values: days.map((d) => byDay.get(d) ?? null),
    })),
  };
}

/** Per contributor with several packages: each package's value on the same path (contributors.csv). */
export function packageValueCharts(values: ContributorValues): ChartSpec[] {
  return [...values.packages]
    .filter(([, packages]) => packages.size > 1)
    .slice(0, MAX_CONTRIBUTOR_CHARTS)
    .map(([who, packages], k) => {
      const days = sortedDays([...packages.values()].map((p) => p.values));
      // The held package first: it is the one drawn in the first colour.
      const ordered = [...packages].sort(([, a], [, b]) => Number(b.holds) - Number(a.holds));
      return {
        id: `package-value-${k}`,
        title: `${who}: each package’s value over time`,
        description:
          'Salary paid, sales and hedge flows so far plus the tokens still held at the day’s price (contributors.csv package_value_usd). The held package trades for real; the others are priced on the same path without moving it.',
        kind: 'line',
        x: { label: 'day', values: days },
        y: { label: 'USD' },
        series: ordered.map(([name, p]) => ({
          label: p.holds ? `${name} (held)` : name,
          values: days.map((d) => p.values.get(d) ?? null),
        })),
      };
    });
}

/** Monte Carlo bands across runs (a sweep's kept runs): each contributor's grant value, p5, median, p95 per day. */
export function grantBandCharts(runs: ContributorValues[]): ChartSpec[] {
  const contributors = [...new Set(runs.flatMap((r) => [...r.grants.keys()]))].slice(
    0,
    MAX_CONTRIBUTOR_CHARTS,
  );
  return contributors.map((who, k) => {
    const days = sortedDays(runs.map((r) => r.grants.get(who) ?? new Map()));
    // Each day's values across runs, sorted once for the three percentiles.
    const sorted = days.map((d) =>
      Float64Array.from(
        runs.map((r) => r.grants.get(who)?.get(d)).filter((x): x is number => x !== undefined),
      ).sort(),
    );
    const [p5, p50, p95] = [0.05, 0.5, 0.95].map((p) =>
      sorted.map((xs) => (xs.length === 0 ? null : quantileSorted(xs, p))),
    );
    return bandChart(
      `grant-bands-${k}`,
      `Grant value of ${who} across ${runs.length} runs`,
      'Median USD value per day of the grants of the package held, with the band from the 5th to the 95th percentile across the runs (each kept run’s contributors.csv).',
      days,
      [
        { label: 'p95', values: p95 },
        { label: 'median', values: p50 },
        { label: 'p5', values: p5 },
      ],
    );
  });
}
