/**
 * Streams result rows to a CSV file without holding them in memory: rows go through csv-stringify
 * into an atomic write stream, and write() waits for 'drain' whenever the buffers are full, so a
 * long simulation producing millions of rows runs in bounded memory. The file appears under its
 * final name only on commit(), complete, or not at all.
 */
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { openAtomicWriteStream } from './atomic-file.ts';

export type CsvCell = string | number | boolean;

export interface CsvSink {
  /** Queues one row (one cell per column); resolves at once unless the buffers are full. */
  write(row: readonly CsvCell[]): Promise<void>;
  /** Ends the file and moves it onto its final name. */
  commit(): Promise<void>;
  /** Throws the rows away; nothing appears under the final name. */
  abort(): Promise<void>;
}

/** Opens a CSV at `path` whose header row is `columns`. */
export function createCsvSink(path: string, columns: readonly string[]): CsvSink {
  const target = openAtomicWriteStream(path);
  const stringifier = stringify({
    header: true,
    columns: [...columns],
    // Explicit casts so output never depends on locale or on csv-stringify's defaults
    // (which write booleans as "1" and "").
    cast: {
      number: (value) => String(value),
      boolean: (value) => (value ? 'true' : 'false'),
    },
  });

  let failure: unknown;
  // Settles when the last byte reached the temp file, or on the first error of either stream.
  const flowing = pipeline(stringifier, target.stream);
  // Rejects on the first error, so a write() waiting for 'drain' does not wait forever.
  const failed = new Promise<never>((_, reject) => {
    flowing.catch((error: unknown) => {
      failure ??= error;
      reject(error);
    });
  });
  failed.catch(() => undefined); // observed through `failure` and the races below
  let closed = false;

  const write = async (row: readonly CsvCell[]): Promise<void> => {
    if (closed) throw new Error(`cannot write to ${path}: the file was already committed or aborted`);
    if (failure !== undefined) throw failure;
    if (row.length !== columns.length) {
      // csv-stringify would silently drop or blank cells; a misaligned row is a bug upstream.
      throw new RangeError(`CSV row for ${path} has ${row.length} cells, expected ${columns.length}`);
    }
    if (stringifier.write(row)) return;
    const stopWaiting = new AbortController();
    try {
      await Promise.race([once(stringifier, 'drain', { signal: stopWaiting.signal }), failed]);
    } finally {
      stopWaiting.abort();
    }
  };

  const commit = async (): Promise<void> => {
    if (closed) throw new Error(`cannot commit ${path}: the file was already committed or aborted`);
    closed = true;
    stringifier.end();
    try {
      await flowing;
    } catch (error) {
      await target.abort();
      throw error;
    }
    await target.commit();
  };

  const abort = async (): Promise<void> => {
    closed = true;
    stringifier.destroy();
    await target.abort();
  };

  return { write, commit, abort };
}
