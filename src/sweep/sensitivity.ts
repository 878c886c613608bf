import { createCsvSink } from '../output/csv-sink.ts';
import { sobolWithIntervals } from './sobol.ts';

/**
 * sensitivity.csv for a sobol design: per metric and parameter, the first-order and total indices with
 * 95 % bootstrap intervals, from each point's mean over its replicates. Saltelli rows with a failed point
 * are left out of that metric's estimate.
 */
export const SENSITIVITY_COLUMNS = [
  'metric',
  'parameter',
  'first_order',
  'first_order_low',
  'first_order_high',
  'total',
  'total_low',
  'total_high',
  'rows',
];

export async function writeSensitivity(
  path: string,
  parameters: readonly string[],
  metrics: readonly string[],
  means: Float64Array[],
  seed: number,
): Promise<void> {
  const d = parameters.length;
  const rowsTotal = means.length > 0 ? means[0].length / (d + 2) : 0;
  const sink = createCsvSink(path, SENSITIVITY_COLUMNS);
  try {
    for (let m = 0; m < metrics.length; m++) {
      const f = means[m];
      const rows: number[] = [];
      for (let r = 0; r < rowsTotal; r++) {
        let complete = true;
        for (let k = 0; k < d + 2; k++) complete &&= !Number.isNaN(f[r * (d + 2) + k]);
        if (complete) rows.push(r);
      }
      const column = (slot: number) => Float64Array.from(rows, (r) => f[r * (d + 2) + slot]);
      const estimates =
        rows.length > 1
          ? sobolWithIntervals(
              { a: column(0), b: column(1), ab: parameters.map((_, i) => column(i + 2)) },
              200,
              0.95,
              seed,
            )
          : [];
      const cell = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '' : x);
      for (let i = 0; i < d; i++) {
        const e = estimates[i];
        await sink.write([
          metrics[m],
          parameters[i],
          cell(e?.first),
          cell(e?.firstLow),
          cell(e?.firstHigh),
          cell(e?.total),
          cell(e?.totalLow),
          cell(e?.totalHigh),
          rows.length,
        ]);
      }
    }
    await sink.commit();
  } catch (error) {
    await sink.abort();
    throw error;
  }
}
