import { createReadStream } from 'node:fs';
import { type FileHandle, open, stat, truncate } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';

/**
 * runs.csv: one row per run, appended as runs finish, each row one write of one line, so a process
 * killed at any moment leaves whole rows and at most a torn last line (cut off on the next open). Rows
 * are read back through an index of byte offsets — never all at once — to resume, sort and merge.
 */

export type Cell = string | number;

export const RUN_COLUMNS = ['run_index', 'run_id', 'point', 'replicate', 'seed'] as const;

export function runsHeader(parameters: readonly string[], metrics: readonly string[]): string[] {
  return [...RUN_COLUMNS, ...parameters, ...metrics, 'status', 'error'];
}

/** One CSV line; an error message is kept to one line so that every row is one line. */
export function csvLine(cells: readonly Cell[]): string {
  const flat = cells.map((c) => (typeof c === 'string' ? c.replace(/\s*[\r\n]+\s*/g, ' ') : c));
  return stringify([flat], { cast: { number: (value) => String(value) } });
}

/** Cuts a torn last line (a write interrupted by kill -9) so the next row starts on its own line. */
export async function cutTornTail(path: string): Promise<void> {
  const size = (await stat(path)).size;
  if (size === 0) return;
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(Math.min(size, 1 << 16));
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      await handle.read(chunk, 0, end - start, start);
      const newline = chunk.subarray(0, end - start).lastIndexOf(10);
      if (newline >= 0) {
        const keep = start + newline + 1;
        if (keep !== size) await truncate(path, keep);
        return;
      }
      end = start;
    }
    await truncate(path, 0);
  } finally {
    await handle.close();
  }
}

export const STATUS_NONE = 0;
export const STATUS_OK = 1;
export const STATUS_FAILED = 2;

/** Where each run's latest row is: file number, byte offset and length per run index. */
export interface RowIndex {
  files: string[];
  header: string[];
  file: Uint16Array;
  offset: Float64Array;
  length: Int32Array;
  status: Uint8Array;
}

export function createRowIndex(runs: number, header: string[]): RowIndex {
  return {
    files: [],
    header,
    file: new Uint16Array(runs),
    offset: new Float64Array(runs),
    length: new Int32Array(runs),
    status: new Uint8Array(runs),
  };
}

interface ParsedRow {
  record: string[];
  info: { bytes: number };
}

/**
 * Adds a runs.csv to the index; a later row of the same run replaces an earlier one (a retried failure).
 * Throws if its header differs (another sweep's file); rows of another width or run index are skipped
 * (re-run). One parser reads the whole file: a row's bytes run from the end of the previous record
 * (`info.bytes`) to the end of its own.
 */
export async function indexRunsFile(index: RowIndex, path: string): Promise<void> {
  const fileNo = index.files.push(path) - 1;
  const rows = createReadStream(path).pipe(
    parse({ relax_column_count: true, info: true, record_delimiter: '\n' }),
  );
  let offset = 0;
  let first = true;
  for await (const { record: cells, info } of rows as AsyncIterable<ParsedRow>) {
    const bytes = info.bytes - offset;
    if (first) {
      first = false;
      if (csvLine(cells) !== csvLine(index.header))
        throw new Error(`${path}: its columns are not this sweep's`);
    } else {
      const run = Number(cells[0]);
      const status = cells[cells.length - 2];
      if (
        cells.length === index.header.length &&
        Number.isInteger(run) &&
        run >= 0 &&
        run < index.status.length
      ) {
        index.file[run] = fileNo;
        index.offset[run] = offset;
        index.length[run] = bytes;
        index.status[run] = status === 'ok' ? STATUS_OK : STATUS_FAILED;
      }
    }
    offset = info.bytes;
  }
}

/** Reads the indexed rows back in run-index order (runs without a row are skipped). */
export async function* rowsInOrder(index: RowIndex): AsyncGenerator<{ run: number; line: string }> {
  const handles: FileHandle[] = await Promise.all(index.files.map((f) => open(f, 'r')));
  try {
    const buffer = Buffer.alloc(1 << 16);
    for (let run = 0; run < index.status.length; run++) {
      if (index.status[run] === STATUS_NONE) continue;
      const length = index.length[run];
      const target = length <= buffer.length ? buffer : Buffer.alloc(length);
      await handles[index.file[run]].read(target, 0, length, index.offset[run]);
      yield { run, line: target.toString('utf8', 0, length) };
    }
  } finally {
    await Promise.all(handles.map((h) => h.close()));
  }
}

/** Appends rows to runs.csv, one write per row, in the order append() is called. */
export async function openRunsAppender(path: string, header: readonly string[]) {
  const handle = await open(path, 'a');
  if ((await handle.stat()).size === 0) await handle.write(csvLine(header));
  let queue = Promise.resolve();
  return {
    append(cells: readonly Cell[]): Promise<void> {
      const line = csvLine(cells);
      queue = queue.then(async () => {
        await handle.write(line);
      });
      return queue;
    },
    async close(): Promise<void> {
      await queue;
      await handle.sync();
      await handle.close();
    },
  };
}
