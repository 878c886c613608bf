/** What every bench module produces and how main.ts runs it. */

/** One entry of bench/latest.json. */
export interface FigureValue {
  value: number;
  unit: string;
  /** The requirement the figure must meet (see docs/performance.md), or null if none yet. */
  target: number | null;
  better: 'lower' | 'higher';
}

export interface Figure extends FigureValue {
  name: string;
  /** One line on how the value was obtained (runs, spread), printed under the table. */
  detail: string;
}

export interface BenchOptions {
  /** Fewer runs and shorter time budgets: a smoke test of the harness, not a measurement. */
  quick: boolean;
  /** Repository root (absolute path). */
  root: string;
  /** Progress lines go here (stderr), so stdout stays the table. */
  log: (line: string) => void;
}

/** A group of figures measured together (e.g. yuma1 and yuma3 epochs share one tinybench run). */
export interface BenchSuite {
  /** Names of the figures it produces, so `--only` can skip a suite without running it. */
  names: readonly string[];
  run(options: BenchOptions): Promise<Figure[]>;
}

/** Whether a value meets its target (true when there is no target). */
export function meetsTarget(f: FigureValue): boolean {
  if (f.target === null) return true;
  return f.better === 'lower' ? f.value <= f.target : f.value >= f.target;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** "median of 5 (min …, max …)" with `digits` decimals. */
export function spread(values: readonly number[], digits: number, unit: string): string {
  const fmt = (v: number) => `${v.toFixed(digits)}${unit === '' ? '' : ` ${unit}`}`;
  return `median of ${values.length} (min ${fmt(Math.min(...values))}, max ${fmt(Math.max(...values))})`;
}

/** v rounded to `digits` decimals (keeps latest.json diffs readable). */
export function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
