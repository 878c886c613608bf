import { Box, Text } from 'ink';
import { formatSeconds } from '../../cli/progress.ts';
import { cell, num } from '../format.ts';
import { sparkline } from '../sparkline.ts';
import { Paint } from '../theme.tsx';
import type { SweepDashboardState } from './sweep-monitor.ts';

/** Worker lines shown; more workers are summed up in one line. */
const MAX_WORKER_LINES = 8;

/** Counts of `sorted` values in `bins` equal-width bins from the first to the last. */
export function histogram(sorted: Float64Array, bins: number): number[] {
  const counts = new Array<number>(Math.max(0, bins)).fill(0);
  if (sorted.length === 0 || bins <= 0) return counts;
  const lo = sorted[0];
  const span = sorted[sorted.length - 1] - lo;
  for (const v of sorted)
    counts[span > 0 ? Math.min(bins - 1, Math.floor(((v - lo) / span) * bins)) : bins >> 1]++;
  return counts;
}

/** The sweep on a terminal: overall progress, each worker's run, the first metric's spread, failures. */
export function SweepDashboard({ state: s, width }: { state: SweepDashboardState; width: number }) {
  const barWidth = Math.max(10, Math.min(40, width - 60));
  const fraction = s.total > 0 ? s.done / s.total : 0;
  const filled = Math.round(fraction * barWidth);
  const busy = s.workers.filter((w) => w.run !== null).length;
  const shown = s.workers.slice(0, MAX_WORKER_LINES);
  const v = s.values;
  const spread =
    v.count === 0
      ? '  (no run finished yet)'
      : `  p5 ${num(v.p5, 9, 4).trim()}  p50 ${num(v.p50, 9, 4).trim()}  p95 ${num(v.p95, 9, 4).trim()}  n ${v.count}  `;
  const bins =
    v.count === 0 ? 0 : Math.max(0, Math.min(24, width - (s.metric ?? '').length - spread.length - 1));
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Paint color="green">{'█'.repeat(filled)}</Paint>
        <Paint dim>{'░'.repeat(barWidth - filled)}</Paint>
        {`  ${s.done}/${s.total} runs (${Math.floor(fraction * 100)}%)  ${num(s.runsPerSecond, 6, 2).trim()} runs/s  ETA ${formatSeconds(s.eta)}  `}
        <Paint color={s.failed > 0 ? 'red' : undefined} bold={s.failed > 0}>{`${s.failed} failed`}</Paint>
      </Text>
      {shown.map((w, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a worker is its position
        <Text key={i} wrap="truncate">
          <Paint dim>{`worker ${String(i + 1).padStart(2)}  `}</Paint>
          {w.run === null ? (
            <Paint dim>{cell('idle', 38)}</Paint>
          ) : (
            <Paint color="cyan">
              {cell(`run ${w.run.runIndex} (point ${w.run.point}, replicate ${w.run.replicate})`, 32)}
              {formatSeconds(w.run.seconds).padStart(6)}
            </Paint>
          )}
          <Paint dim>{`  ${w.finished} finished`}</Paint>
        </Text>
      ))}
      {s.workers.length > shown.length && (
        <Text wrap="truncate">{`… ${s.workers.length} workers, ${busy} busy`}</Text>
      )}
      {s.metric !== null && (
        <Text wrap="truncate">
          <Paint bold>{s.metric}</Paint>
          {spread}
          <Paint color="green">{sparkline(histogram(v.sorted, bins), bins, true)}</Paint>
        </Text>
      )}
      {s.failures.map((f) => (
        <Text key={f} wrap="truncate">
          <Paint color="red">{cell(f, width)}</Paint>
        </Text>
      ))}
    </Box>
  );
}
