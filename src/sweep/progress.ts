import type { SweepProgress } from './run-sweep.ts';

/**
 * Shows a sweep's progress: a bar on a terminal (runs done/total, runs/s, ETA, failures), or one JSON
 * object a line for programs (`--progress json`, read by the live terminal UI), or nothing.
 */
export type ProgressMode = 'auto' | 'json' | 'none';

export interface ProgressView {
  update(p: SweepProgress): void;
  finish(p: SweepProgress | undefined): void;
}

function seconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60
    ? `${m}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`
    : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** Runs per second this session, and seconds to go at that rate. */
export function rateAndEta(p: SweepProgress): { rate: number; eta: number } {
  const rate = p.seconds > 0 ? p.sessionDone / p.seconds : 0;
  return { rate, eta: rate > 0 ? (p.total - p.done) / rate : Number.POSITIVE_INFINITY };
}

export function progressLine(p: SweepProgress): string {
  const { rate, eta } = rateAndEta(p);
  const width = 30;
  const fraction = p.total > 0 ? p.done / p.total : 1;
  const filled = Math.round(fraction * width);
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total} runs  ` +
    `${rate.toFixed(rate < 10 ? 2 : 0)} runs/s  ETA ${seconds(eta)}  ${p.failed} failed`
  );
}

export function progressJson(p: SweepProgress): string {
  const { rate, eta } = rateAndEta(p);
  return `${JSON.stringify({
    type: 'progress',
    done: p.done,
    total: p.total,
    failed: p.failed,
    runs_per_second: Number(rate.toFixed(3)),
    eta_seconds: Number.isFinite(eta) ? Math.round(eta) : null,
  })}\n`;
}

export function createProgressView(
  mode: ProgressMode,
  stderr: NodeJS.WriteStream = process.stderr,
  stdout: NodeJS.WritableStream = process.stdout,
  clock = () => performance.now(),
): ProgressView {
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  const due = () => {
    const t = clock();
    if (t - last < 100) return false;
    last = t;
    return true;
  };
  if (mode === 'json') {
    let printed = '';
    const print = (p: SweepProgress) => {
      const line = progressJson(p);
      if (line !== printed) stdout.write(line);
      printed = line;
    };
    return {
      update: (p) => {
        if (due() || p.done === p.total) print(p);
      },
      finish: (p) => {
        if (p !== undefined) print(p);
      },
    };
  }
  if (mode === 'none' || stderr.isTTY !== true) return { update() {}, finish() {} };
  return {
    update: (p) => {
      if (!due()) return;
      drawn = true;
      stderr.write(`\r${progressLine(p)}   `);
    },
    finish: (p) => {
      if (p !== undefined && drawn) stderr.write(`\r${progressLine(p)}   `);
      if (drawn) stderr.write('\n');
    },
  };
}
