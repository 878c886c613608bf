import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { parse } from 'csv-parse';

/**
 * Result CSVs read for the report: streamed row by row, so a large neurons.csv is never held whole.
 * A missing file is not an error (not every run writes every file): it reads as null / false.
 */
export async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Column name → index in a row. */
export type Columns = ReadonlyMap<string, number>;

/** Calls `onRow` with each data row and the header's columns; false if the file is missing. */
export async function scanCsv(
  path: string,
  onRow: (cells: string[], columns: Columns) => void,
): Promise<boolean> {
  if (!(await exists(path))) return false;
  let columns: Map<string, number> | null = null;
  const parser = createReadStream(path).pipe(parse({ relax_column_count: true }));
  for await (const cells of parser as AsyncIterable<string[]>) {
    if (columns === null) columns = new Map(cells.map((name, i) => [name, i]));
    else onRow(cells, columns);
  }
  return true;
}

export interface Table {
  columns: Columns;
  rows: string[][];
}

/** A whole (small) CSV file, or null if it is missing. */
export async function readCsv(path: string): Promise<Table | null> {
  const rows: string[][] = [];
  let columns: Columns = new Map();
  const found = await scanCsv(path, (cells, c) => {
    columns = c;
    rows.push(cells);
  });
  return found ? { columns, rows } : null;
}

/** A cell as a number; null when empty or not a number. */
export function numberCell(cells: string[], index: number): number | null {
  if (index < 0) return null;
  const text = cells[index];
  if (text === undefined || text === '') return null;
  const x = Number(text);
  return Number.isFinite(x) ? x : null;
}

/**
 * A file's column lookup typed by its writer's column list (src/output/): a column renamed there fails
 * the type check here instead of leaving a chart empty. −1 for a column the file lacks (an older file).
 */
export function columnsOf<T extends readonly string[]>(_writerColumns: T, columns: Columns) {
  return (name: T[number]): number => columns.get(name) ?? -1;
}
