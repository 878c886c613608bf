import { mean, quantileSorted } from '../sweep/statistics.ts';
import { QUANTILES } from './package-stats.ts';

/**
 * package-days.csv: per day and package, the quantiles (packages.csv's: type 7, p5 … p95) and the mean
 * of the package's USD value (salary paid, sales, tokens held at the day's price) across replicates.
 * Exact: every replicate's value on every kept day is held in one Float64Array, laid out so that a
 * day's replicates sit side by side and are sorted in place at the end. That is days × packages ×
 * replicates doubles (1 461 days × 4 packages × 1 000 replicates of grant-4y-cliff: 46.8 MB); above
 * `budgetBytes` only every k-th day is kept (and the last), the smallest k that fits, so memory stays
 * bounded and the days written are still exact.
 */

export const PACKAGE_DAYS_BUDGET_BYTES = 256 * 1024 * 1024;

export interface PackageLabel {
  contributor: string;
  package: string;
  holds: boolean;
}

export interface PackageDayRow extends PackageLabel {
  day: number;
  /** At QUANTILES (p5, p25, p50, p75, p95). */
  quantiles: number[];
  mean: number;
}

export interface PackageDays {
  /** Days kept (0, k, 2k, …, and the last day). */
  readonly days: readonly number[];
  /** Replicate r's values: `daily[p × dayCount + d]` for package p on day d, every day. */
  add(replicate: number, daily: Float64Array): void;
  /** The rows, package by package and day by day; sorts the stored values (call once, at the end). */
  rows(): PackageDayRow[];
}

/** Days kept with stride k: 0, k, 2k, … and the last day. */
function keptDays(dayCount: number, stride: number): number[] {
  const days: number[] = [];
  for (let d = 0; d < dayCount; d += stride) days.push(d);
  if (days.at(-1) !== dayCount - 1) days.push(dayCount - 1);
  return days;
}

export function createPackageDays(
  packages: readonly PackageLabel[],
  dayCount: number,
  replicates: number,
  budgetBytes = PACKAGE_DAYS_BUDGET_BYTES,
): PackageDays {
  const bytes = (kept: number) => kept * packages.length * replicates * Float64Array.BYTES_PER_ELEMENT;
  let stride = 1;
  while (stride < dayCount && bytes(keptDays(dayCount, stride).length) > budgetBytes) stride++;
  const days = keptDays(dayCount, stride);
  const kept = days.length;
  // [(p × kept + k) × replicates + r]: one (package, day)'s replicates are contiguous.
  const values = new Float64Array(packages.length * kept * replicates);
  const added = new Uint8Array(replicates);

  return {
    days,
    add(replicate, daily) {
      if (daily.length !== packages.length * dayCount)
        throw new Error(
          `replicate ${replicate}: ${daily.length} daily values, expected ${packages.length * dayCount}`,
        );
      for (let p = 0; p < packages.length; p++) {
        for (let k = 0; k < kept; k++)
          values[(p * kept + k) * replicates + replicate] = daily[p * dayCount + days[k]];
      }
      added[replicate] = 1;
    },
    rows() {
      const missing = added.indexOf(0);
      if (missing >= 0) throw new Error(`replicate ${missing} was never added`);
      const rows: PackageDayRow[] = [];
      packages.forEach(({ contributor, package: name, holds }, p) => {
        days.forEach((day, k) => {
          const at = (p * kept + k) * replicates;
          const sorted = values.subarray(at, at + replicates).sort();
          rows.push({
            contributor,
            package: name,
            holds,
            day,
            quantiles: QUANTILES.map((q) => quantileSorted(sorted, q)),
            mean: mean(sorted),
          });
        });
      });
      return rows;
    },
  };
}
