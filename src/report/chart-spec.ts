/**
 * A chart of the report as data: the page's script turns each into a uPlot chart. `x` is shared by the
 * series; `categories` names the x positions 0, 1, … of a bar or category chart; `bands` fills between
 * two series (upper, lower: indices into `series`), e.g. a p5–p95 Monte Carlo band around a median.
 */
export type ChartKind = 'line' | 'bars' | 'points';

export interface Series {
  label: string;
  /** null: no value at that x (a gap). */
  values: (number | null)[];
  /** Drawn as markers only (e.g. events on a price line). */
  points?: boolean;
}

export interface ChartSpec {
  id: string;
  title: string;
  /** One or two sentences: what is plotted and how to read it. */
  description: string;
  kind: ChartKind;
  x: { label: string; values: number[] };
  y: { label: string };
  series: Series[];
  categories?: string[];
  bands?: [number, number][];
}

/** A chart only worth drawing if some series has a finite value. */
export function hasData(chart: ChartSpec): boolean {
  return (
    chart.x.values.length > 0 &&
    chart.series.some((s) => s.values.some((v) => v !== null && Number.isFinite(v)))
  );
}

/** A table of the report (e.g. the event log), shown after the charts. */
export interface TableSpec {
  id: string;
  title: string;
  description: string;
  columns: string[];
  rows: string[][];
}

/** A report: a title, facts about the results (shown as a table), the charts and tables. */
export interface ReportSpec {
  title: string;
  facts: [string, string][];
  charts: ChartSpec[];
  tables: TableSpec[];
  /** Why an expected chart is missing (e.g. neurons.csv not written), shown under the charts. */
  notes: string[];
}
