import { PACKAGE_COLUMNS, PACKAGE_DAY_COLUMNS } from '../output/replicate-files.ts';
import type { ChartSpec } from './chart-spec.ts';
import { bandChart } from './grant-charts.ts';
import { columnsOf, numberCell, readCsv, scanCsv } from './read-csv.ts';

/**
 * The files of `run --replicates N`: package-days.csv (per day and package, quantiles of the package's
 * value across replicates) as band charts, and packages.csv (per package, at the end) as a comparison
 * of each package with its cash twin.
 */

/** Packages given a band chart (the held ones first). */
const MAX_BAND_CHARTS = 6;

const QUANTILES = ['p95', 'p75', 'p50', 'p25', 'p5'] as const;

interface PackageDays {
  contributor: string;
  package: string;
  holds: boolean;
  days: number[];
  /** In QUANTILES order. */
  quantiles: (number | null)[][];
}

/** package-days.csv: a band chart per package (p5–p95, p25–p75, median); [] without the file. */
export async function packageDayBandCharts(path: string): Promise<ChartSpec[]> {
  const packages = new Map<string, PackageDays>();
  await scanCsv(path, (cells, columns) => {
    const at = columnsOf(PACKAGE_DAY_COLUMNS, columns);
    const day = numberCell(cells, at('day'));
    if (day === null) return;
    const [contributor, name] = [cells[at('contributor')] ?? '', cells[at('package')] ?? ''];
    const key = `${contributor}\u0000${name}`;
    let p = packages.get(key);
    if (p === undefined) {
      p = {
        contributor,
        package: name,
        holds: cells[at('holds')] === 'true',
        days: [],
        quantiles: QUANTILES.map(() => []),
      };
      packages.set(key, p);
    }
    p.days.push(day);
    for (const [i, q] of QUANTILES.entries()) p.quantiles[i].push(numberCell(cells, at(`value_usd_${q}`)));
  });
  const ordered = [...packages.values()].sort((a, b) => Number(b.holds) - Number(a.holds));
  return ordered.slice(0, MAX_BAND_CHARTS).map((p, k) =>
    bandChart(
      `package-bands-${k}`,
      `${p.contributor}: ${p.package}${p.holds ? ' (held)' : ''} across the Monte Carlo paths`,
      'The package’s USD value (salary paid, sales, tokens held at the day’s price) per day: median, with the bands from the 25th to the 75th and from the 5th to the 95th percentile across the replicates (package-days.csv).',
      p.days,
      QUANTILES.map((q, i) => ({ label: q === 'p50' ? 'median' : q, values: p.quantiles[i] })),
    ),
  );
}

/** packages.csv: each package's value at the end (p5, median, p95), its realised median and its cash twin. */
export async function packageComparisonChart(path: string): Promise<ChartSpec[]> {
  const table = await readCsv(path);
  if (table === null || table.rows.length === 0) return [];
  const at = columnsOf(PACKAGE_COLUMNS, table.columns);
  const column = (name: (typeof PACKAGE_COLUMNS)[number]) => table.rows.map((r) => numberCell(r, at(name)));
  const replicates = numberCell(table.rows[0], at('replicates'));
  return [
    {
      id: 'package-comparison',
      title: `Packages against their cash twins${replicates === null ? '' : ` (${replicates} replicates)`}`,
      description:
        'Each package’s value at the end (realised + tokens held at the last day’s price): 5th percentile, median and 95th percentile across the replicates; the median of what it realised in cash (salary, sales); and the mean of its cash twin — the same salary and each vest’s grant-date value paid in cash (packages.csv).',
      kind: 'bars',
      x: { label: 'package', values: table.rows.map((_, i) => i) },
      y: { label: 'USD' },
      categories: table.rows.map(
        (r) => `${r[at('contributor')]}\n${r[at('package')]}${r[at('holds')] === 'true' ? ' (held)' : ''}`,
      ),
      series: [
        { label: 'value p5', values: column('value_usd_p5') },
        { label: 'value median', values: column('value_usd_p50') },
        { label: 'value p95', values: column('value_usd_p95') },
        { label: 'realised median', values: column('realised_usd_p50') },
        { label: 'cash twin (mean)', values: column('cash_twin_usd_mean') },
      ],
    },
  ];
}
