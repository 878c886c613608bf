import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { openAtomicWriteStream } from '../output/atomic-file.ts';
import { createCsvSink } from '../output/csv-sink.ts';
import type { Manifest } from './manifest.ts';
import { createPointsAggregator, pointsHeader } from './points.ts';
import { csvLine, type RowIndex, rowsInOrder } from './runs-file.ts';
import { writeSensitivity } from './sensitivity.ts';

/**
 * Writes a results folder's final files from indexed rows: runs.csv sorted by run index (one row per run,
 * the latest), and, when the rows cover the whole sweep, points.csv and (sobol) sensitivity.csv. The same
 * rows give the same bytes, whatever the workers, shards or finishing order that produced them.
 */
export async function finalizeResults(
  dir: string,
  index: RowIndex,
  manifest: Manifest,
  whole: boolean,
): Promise<void> {
  const parameters = Object.keys(manifest.parameters);
  const runs = openAtomicWriteStream(join(dir, 'runs.csv'));
  const points = whole
    ? createCsvSink(join(dir, 'points.csv'), pointsHeader(parameters, manifest.metrics))
    : null;
  const sobol = whole && manifest.design === 'sobol';
  const aggregate =
    points === null
      ? null
      : createPointsAggregator(
          points,
          { parameters: parameters.length, metrics: manifest.metrics.length, points: manifest.points },
          sobol,
        );
  try {
    const write = (text: string) =>
      runs.stream.write(text) ? Promise.resolve() : new Promise<void>((r) => runs.stream.once('drain', r));
    await write(csvLine(index.header));
    // The rows go to runs.csv as they are and, through one CSV parser, to the points aggregator.
    await pipeline(
      async function* () {
        for await (const { line } of rowsInOrder(index)) {
          await write(line);
          if (aggregate !== null) yield line;
        }
      },
      parse({ relax_column_count: true, record_delimiter: '\n' }),
      async (records: AsyncIterable<string[]>) => {
        for await (const cells of records) await aggregate?.add(cells);
      },
    );
    await aggregate?.finish();
    await runs.commit();
  } catch (error) {
    await runs.abort();
    await points?.abort();
    throw error;
  }
  if (sobol && aggregate !== null) {
    await writeSensitivity(
      join(dir, 'sensitivity.csv'),
      parameters,
      manifest.metrics,
      aggregate.means,
      manifest.seed,
    );
  }
}
