import { formatPath, type PathSegment, parsePath } from '../scenario/locate.ts';

/**
 * Metrics are summary.json figures named by path (`subnets[0].incentive_gini_mean`). Ledger amounts are
 * exact decimal text in summary.json; they count as numbers here.
 */

/** Leaves that describe the run rather than measure it. */
const NOT_METRICS = new Set(['blocks', 'days', 'seed', 'netuid']);
const DECIMAL = /^-?\d+(\.\d+)?$/;

export type MetricValue = number | string;

function isNumeric(value: unknown): value is number | string {
  return (
    (typeof value === 'number' && Number.isFinite(value)) ||
    (typeof value === 'string' && DECIMAL.test(value))
  );
}

/** Every numeric leaf of a summary, in document order: the default metrics. */
export function numericLeaves(summary: unknown, prefix: PathSegment[] = []): string[] {
  if (Array.isArray(summary)) return summary.flatMap((item, k) => numericLeaves(item, [...prefix, k]));
  if (summary !== null && typeof summary === 'object') {
    return Object.entries(summary).flatMap(([key, value]) =>
      NOT_METRICS.has(key) ? [] : numericLeaves(value, [...prefix, key]),
    );
  }
  return isNumeric(summary) ? [formatPath(prefix)] : [];
}

/** The value of each metric in a summary ('' where the summary has no such figure). */
export function pickMetrics(summary: unknown, metrics: readonly string[]): MetricValue[] {
  return metrics.map((metric) => {
    let node = summary;
    for (const segment of parsePath(metric) ?? []) {
      if (node === null || typeof node !== 'object') return '';
      node = (node as Record<PathSegment, unknown>)[segment];
    }
    return isNumeric(node) ? node : '';
  });
}
