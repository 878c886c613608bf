import { parse } from 'csv-parse/sync';
import { BLOCKS_PER_DAY } from '../engine/units.ts';
import type { PathSegment } from './locate.ts';
import type { ScenarioProblem } from './problem.ts';

/**
 * A historical TAO/USD series in CSV: a header naming a `date` (YYYY-MM-DD) or `block` column and a
 * `price` column (USD per TAO; other columns are ignored), then one row per observation in increasing
 * time; `#` starts a comment line. Becomes points at days since the start: day 0 is `start` (or the
 * first row's date); a block column counts 7200 blocks a day. Every bad row is a problem naming the
 * CSV file and its line.
 */

export interface PricePoint {
  day: number;
  price: number;
}

export type PriceCsvResult = { ok: true; points: PricePoint[] } | { ok: false; problems: ScenarioProblem[] };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a valid YYYY-MM-DD date, else NaN. */
export function epochDay(text: string): number {
  const m = DATE.exec(text.trim());
  if (m === null) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return Number.NaN;
  return ms / MS_PER_DAY;
}

export function parsePriceCsv(
  text: string,
  file: string,
  path: PathSegment[],
  start?: string,
): PriceCsvResult {
  const problems: ScenarioProblem[] = [];
  const add = (line: number | undefined, message: string, found?: string, allowed?: string) =>
    problems.push({
      file,
      path,
      ...(line !== undefined ? { line, column: 1 } : {}),
      message,
      found,
      allowed,
    });
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      info: true,
      comment: '#',
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof rows;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    add(line, `not valid CSV: ${(error as Error).message.split('\n')[0]}`);
    return { ok: false, problems };
  }
  if (rows.length === 0) {
    add(undefined, 'no rows', 'an empty file', 'a header (date,price or block,price) and at least one row');
    return { ok: false, problems };
  }
  const header = rows[0].record.map((c) => c.toLowerCase());
  const time = header.includes('date') ? 'date' : header.includes('block') ? 'block' : null;
  const timeAt = time === null ? -1 : header.indexOf(time);
  const priceAt = header.indexOf('price');
  if (time === null || priceAt < 0) {
    add(
      rows[0].info.lines,
      'the header does not name the columns',
      JSON.stringify(rows[0].record.join(',')),
      'a header with date (or block) and price columns',
    );
    return { ok: false, problems };
  }
  if (rows.length === 1)
    add(rows[0].info.lines, 'no price rows after the header', undefined, 'at least one row');
  const origin =
    start !== undefined ? epochDay(start) : time === 'date' ? epochDay(rows[1]?.record[timeAt] ?? '') : 0;
  const points: PricePoint[] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (const { record, info } of rows.slice(1)) {
    const line = info.lines;
    const when = record[timeAt] ?? '';
    const priceText = record[priceAt] ?? '';
    let day: number;
    if (time === 'date') {
      day = epochDay(when) - origin;
      if (Number.isNaN(day)) {
        add(line, 'not a date', JSON.stringify(when), 'a calendar date YYYY-MM-DD');
        continue;
      }
    } else {
      const block = Number(when);
      if (when === '' || !Number.isSafeInteger(block) || block < 0) {
        add(line, 'not a block number', JSON.stringify(when), 'a whole number ≥ 0');
        continue;
      }
      day = block / BLOCKS_PER_DAY;
    }
    const price = Number(priceText);
    if (priceText === '' || !Number.isFinite(price) || !(price > 0)) {
      add(line, 'not a price', JSON.stringify(priceText), 'a number > 0 (USD per TAO)');
      continue;
    }
    if (!(day > last)) {
      add(
        line,
        `${time}s must increase from row to row`,
        JSON.stringify(when),
        `a ${time} after the previous row's`,
      );
      continue;
    }
    last = day;
    points.push({ day, price });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, points: fromDayZero(points) };
}

/** Drops points before day 0, keeping the series' value at day 0 (interpolated) when it straddles it. */
function fromDayZero(points: PricePoint[]): PricePoint[] {
  const first = points.findIndex((p) => p.day >= 0);
  if (first <= 0) return first < 0 ? [{ day: 0, price: points[points.length - 1].price }] : points;
  const a = points[first - 1];
  const b = points[first];
  const atZero =
    b.day === 0 ? [] : [{ day: 0, price: a.price + ((b.price - a.price) * (0 - a.day)) / (b.day - a.day) }];
  return [...atZero, ...points.slice(first)];
}
