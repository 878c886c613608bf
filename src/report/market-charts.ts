import { EVENT_COLUMNS, MARKET_COLUMNS } from '../output/timeline-rows.ts';
import type { ChartSpec, TableSpec } from './chart-spec.ts';
import { columnsOf, numberCell, readCsv, scanCsv } from './read-csv.ts';

/**
 * TAO/USD over the run (market.csv) with the run's events marked on it, and the event log
 * (events.csv) as a table.
 */

/** Routine uid churn of a live run's log: counted, not listed or marked. */
const ROUTINE = new Set(['registration', 'pruning']);
const MAX_EVENT_ROWS = 300;

interface RunEventRow {
  day: number;
  cells: string[];
}

/** What a report shows of events.csv: its notable events and how many were routine. */
export interface RunEvents {
  events: RunEventRow[];
  routine: number;
}

/** The notable events of events.csv (not routine registrations and prunings), and how many were routine. */
export async function readEvents(path: string): Promise<RunEvents | null> {
  const table = await readCsv(path);
  if (table === null) return null;
  const at = columnsOf(EVENT_COLUMNS, table.columns);
  const events: RunEventRow[] = [];
  let routine = 0;
  for (const r of table.rows) {
    if (ROUTINE.has(r[at('kind')])) {
      routine++;
      continue;
    }
    events.push({ day: numberCell(r, at('day')) ?? 0, cells: EVENT_COLUMNS.map((c) => r[at(c)] ?? '') });
  }
  return { events, routine };
}

/** TAO/USD per day, and a marker at each day with an event (market.csv, readEvents). */
export async function taoUsdChart(marketPath: string, read: RunEvents | null): Promise<ChartSpec[]> {
  const price = new Map<number, number>();
  await scanCsv(marketPath, (cells, columns) => {
    const at = columnsOf(MARKET_COLUMNS, columns);
    const day = numberCell(cells, at('day'));
    const usd = numberCell(cells, at('tao_usd'));
    // A row per subnet per day, all with the day's TAO/USD.
    if (day !== null && usd !== null && !price.has(day)) price.set(day, usd);
  });
  if (price.size === 0) return [];
  const days = [...price.keys()].sort((a, b) => a - b);
  const marked = new Set(read?.events.map((e) => Math.floor(e.day)) ?? []);
  const events = days.map((d) => (marked.has(d) ? price.get(d)! : null));
  return [
    {
      id: 'tao-usd',
      title: 'TAO/USD',
      description:
        'USD per TAO on each day (market.csv), shocks included; a marker on each day with an event of the log below (shocks, regime changes, vests, leavings…).',
      kind: 'line',
      x: { label: 'day', values: days },
      y: { label: 'USD per TAO' },
      series: [
        { label: 'TAO/USD', values: days.map((d) => price.get(d)!) },
        ...(marked.size > 0 ? [{ label: 'events', values: events, points: true }] : []),
      ],
    },
  ];
}

/** events.csv as a table: the notable events, at most MAX_EVENT_ROWS; notes say what was left out. */
export function eventTable(read: RunEvents | null): { tables: TableSpec[]; notes: string[] } {
  if (read === null || read.events.length === 0) return { tables: [], notes: [] };
  const notes: string[] = [];
  if (read.events.length > MAX_EVENT_ROWS)
    notes.push(
      `Event log: the first ${MAX_EVENT_ROWS} of ${read.events.length} events are listed (events.csv has all).`,
    );
  if (read.routine > 0)
    notes.push(`Event log: ${read.routine} registrations and prunings are in events.csv, not listed.`);
  return {
    tables: [
      {
        id: 'events',
        title: 'Event log',
        description:
          'What happened during the run, in block order (events.csv): shocks, TAO/USD regime changes, grants converted, first vests, milestones, caps, leavings…',
        columns: [...EVENT_COLUMNS],
        rows: read.events.slice(0, MAX_EVENT_ROWS).map((e) => e.cells),
      },
    ],
    notes,
  };
}
