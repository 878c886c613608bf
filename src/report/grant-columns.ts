/**
 * The compensation files the report reads, by column name. Each role lists the names accepted, first
 * match wins, so the report follows the files' final column names by editing only this list.
 * - contributors.csv (a run): a row per grant (or contributor) per day with its USD value.
 * - packages.csv (a run with Monte Carlo paths): a row per package per day with quantiles of its value.
 */
export const GRANT_TIME = ['day', 'block'] as const;
export const GRANT_WHO = ['contributor', 'package', 'name', 'grant'] as const;
export const GRANT_VALUE = ['paper_usd', 'value_usd', 'usd_value', 'usd'] as const;
export const QUANTILE_COLUMNS = {
  p5: ['p5', 'value_usd_p5', 'usd_p5'],
  p50: ['p50', 'value_usd_p50', 'usd_p50'],
  p95: ['p95', 'value_usd_p95', 'usd_p95'],
} as const;

/** Index of the first of `names` among the columns, or −1. */
export function firstColumn(columns: ReadonlyMap<string, number>, names: readonly string[]): number {
  for (const name of names) {
    const index = columns.get(name);
    if (index !== undefined) return index;
  }
  return -1;
}
