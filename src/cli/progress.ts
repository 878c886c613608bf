/**
 * A progress bar with ETA on stderr, only when stderr is a terminal and the job has run for more than a
 * second (short runs and pipes stay quiet). Redraws at most 10 times a second.
 */
export interface ProgressBar {
  update(done: number, total: number): void;
  finish(): void;
}

/** Seconds as "42s", "3m07s" or "2h05m" (ETAs, elapsed times). */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60
    ? `${m}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`
    : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function createProgressBar(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
  now = () => performance.now(),
): ProgressBar {
  const start = now();
  let lastDraw = 0;
  let drawn = false;
  const enabled = stream.isTTY === true;
  return {
    update(done, total) {
      if (!enabled) return;
      const t = now();
      if (t - start < 1000 || t - lastDraw < 100) return;
      lastDraw = t;
      drawn = true;
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const width = 30;
      const filled = Math.round(fraction * width);
      const eta = fraction > 0 ? ((t - start) / 1000) * (1 / fraction - 1) : Number.POSITIVE_INFINITY;
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ` +
          `${done}/${total} ETA ${formatSeconds(eta)}   `,
      );
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}
