import type { CsvCell, CsvSink } from '../output/csv-sink.ts';
import { mean, quantileSorted, std } from './statistics.ts';

/**
 * points.csv: per point, the mean, standard deviation and 5th/50th/95th percentiles of each metric over
 * its successful replicates. Fed runs.csv rows in run-index order, so a point's replicates arrive
 * together and only one point is held at a time; keeps each point's means when asked (for Sobol).
 */
export const POINT_STATISTICS = ['mean', 'std', 'p5', 'p50', 'p95'] as const;

export function pointsHeader(parameters: readonly string[], metrics: readonly string[]): string[] {
  return [
    'point',
    ...parameters,
    'runs_ok',
    'runs_failed',
    ...metrics.flatMap((m) => POINT_STATISTICS.map((s) => `${m}.${s}`)),
  ];
}

export interface PointsAggregator {
  /** One runs.csv row, as parsed cells. */
  add(cells: string[]): Promise<void>;
  finish(): Promise<void>;
  /** Per metric, each point's mean (NaN where no replicate succeeded), if `keepMeans`. */
  means: Float64Array[];
}

export function createPointsAggregator(
  sink: CsvSink,
  shape: { parameters: number; metrics: number; points: number },
  keepMeans: boolean,
): PointsAggregator {
  const first = 5; // run_index, run_id, point, replicate, seed
  const means = keepMeans
    ? Array.from({ length: shape.metrics }, () => new Float64Array(shape.points).fill(Number.NaN))
    : [];
  let point = -1;
  let values: string[] = [];
  let samples: number[][] = [];
  let failed = 0;
  let ok = 0;

  const flush = async () => {
    if (point < 0) return;
    const row: CsvCell[] = [point, ...values, ok, failed];
    samples.forEach((xs, m) => {
      const sorted = Float64Array.from(xs).sort();
      const stats = [mean(sorted), std(sorted), ...[0.05, 0.5, 0.95].map((q) => quantileSorted(sorted, q))];
      row.push(...stats.map((x) => (Number.isNaN(x) ? '' : x)));
      if (keepMeans) means[m][point] = mean(sorted);
    });
    await sink.write(row);
  };

  return {
    means,
    async add(cells) {
      const p = Number(cells[2]);
      if (p !== point) {
        await flush();
        point = p;
        values = cells.slice(first, first + shape.parameters);
        samples = Array.from({ length: shape.metrics }, () => []);
        failed = 0;
        ok = 0;
      }
      if (cells[cells.length - 2] !== 'ok') {
        failed++;
        return;
      }
      ok++;
      for (let m = 0; m < shape.metrics; m++) {
        const cell = cells[first + shape.parameters + m];
        if (cell !== '') samples[m].push(Number(cell));
      }
    },
    async finish() {
      await flush();
      await sink.commit();
    },
  };
}
