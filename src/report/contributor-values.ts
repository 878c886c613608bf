import { CONTRIBUTOR_COLUMNS } from '../output/timeline-rows.ts';
import { type Columns, columnsOf, numberCell, scanCsv } from './read-csv.ts';

/**
 * A run's contributors.csv as series: a row per day, contributor, package and grant, where `holds` marks
 * the package the contributor really holds (its trades move the pools); the others are priced-only
 * comparisons on the same path and must not be added to it.
 */

/** Day → USD. */
export type DaySeries = Map<number, number>;

export interface PackageSeries {
  holds: boolean;
  /** package_value_usd: salary paid, sales and hedge flows so far, plus tokens held at the day's price. */
  values: DaySeries;
}

export interface ContributorValues {
  /** Per contributor, the held package's grants: tokens held or locked at the day's price plus what sales fetched (paper_usd + realised_usd, summed over its grants). */
  grants: Map<string, DaySeries>;
  /** Per contributor, each package in the file's order (the held one and the comparisons). */
  packages: Map<string, Map<string, PackageSeries>>;
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** contributors.csv as series, or null if the run wrote none. */
export async function readContributorValues(path: string): Promise<ContributorValues | null> {
  const grants = new Map<string, DaySeries>();
  const packages = new Map<string, Map<string, PackageSeries>>();
  let header: Columns | null = null;
  let at = columnsOf(CONTRIBUTOR_COLUMNS, new Map());
  const found = await scanCsv(path, (cells, columns) => {
    if (columns !== header) {
      header = columns;
      at = columnsOf(CONTRIBUTOR_COLUMNS, columns);
    }
    const day = numberCell(cells, at('day'));
    const who = cells[at('contributor')];
    const name = cells[at('package')];
    if (day === null || who === undefined || name === undefined) return;
    const holds = cells[at('holds')] === 'true';
    const series = getOrAdd(
      getOrAdd(packages, who, () => new Map()),
      name,
      () => ({
        holds,
        values: new Map(),
      }),
    );
    // The package's value repeats on each of its grants' rows: taken once.
    const value = numberCell(cells, at('package_value_usd'));
    if (value !== null) series.values.set(day, value);
    if (!holds || (cells[at('grant')] ?? '') === '') return;
    const paper = numberCell(cells, at('paper_usd'));
    const realised = numberCell(cells, at('realised_usd'));
    if (paper === null && realised === null) return;
    const byDay = getOrAdd(grants, who, () => new Map());
    byDay.set(day, (byDay.get(day) ?? 0) + (paper ?? 0) + (realised ?? 0));
  });
  return found ? { grants, packages } : null;
}
