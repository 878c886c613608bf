import type { Executor } from '../../sweep/executor.ts';
import { rateAndEta } from '../../sweep/progress.ts';
import type { SweepProgress } from '../../sweep/run-sweep.ts';
import type { RunOutcome } from '../../sweep/simulate.ts';
import { quantileSorted } from '../../sweep/statistics.ts';

/**
 * What the sweep dashboard shows, folded from the sweep's progress events and from the runs passing
 * through its executor (which run each worker holds, each run's first metric). The pool runs one task
 * per thread and queues the rest in order, so the runs held by the workers are the oldest unfinished
 * ones: a finished run's worker takes the next queued run.
 */
export interface WorkerLine {
  /** The run the worker holds, or null when idle. */
  run: { runIndex: number; point: number; replicate: number; seconds: number } | null;
  /** Runs it finished this session. */
  finished: number;
}

export interface SweepDashboardState {
  workers: WorkerLine[];
  done: number;
  total: number;
  failed: number;
  runsPerSecond: number;
  /** Seconds to go at this session's rate (Infinity before the first run ends). */
  eta: number;
  metric: string | null;
  /** First metric of this session's successful runs: count, 5th/50th/95th percentiles, sorted values. */
  values: { count: number; p5: number; p50: number; p95: number; sorted: Float64Array };
  /** Latest failures, newest last: "run 7: <error>". */
  failures: string[];
}

export interface SweepMonitor {
  /** The executor, watched: the sweep uses it in place of the original. */
  tap(executor: Executor): Executor;
  update(progress: SweepProgress): void;
  state(): SweepDashboardState;
}

interface Task {
  runIndex: number;
  point: number;
  replicate: number;
  slot: number;
  started: number;
}

export function createSweepMonitor(
  workers: number,
  metric: string | null,
  now = () => performance.now(),
): SweepMonitor {
  const slots: (Task | null)[] = Array.from({ length: workers }, () => null);
  const finished = new Array<number>(workers).fill(0);
  const queue: Task[] = [];
  const values: number[] = [];
  const failures: string[] = [];
  let progress: SweepProgress | null = null;

  const assign = () => {
    for (let slot = 0; slot < workers && queue.length > 0; slot++) {
      if (slots[slot] !== null) continue;
      const task = queue.shift()!;
      task.slot = slot;
      task.started = now();
      slots[slot] = task;
    }
  };

  const settle = (task: Task, outcome: RunOutcome | null) => {
    if (task.slot >= 0) {
      slots[task.slot] = null;
      finished[task.slot]++;
    } else queue.splice(queue.indexOf(task), 1);
    if (outcome?.status === 'ok' && metric !== null) {
      const value = Number(outcome.values[0]);
      if (Number.isFinite(value) && outcome.values[0] !== '') values.push(value);
    } else if (outcome?.status === 'failed') {
      failures.push(`run ${outcome.runIndex}: ${outcome.error}`);
      if (failures.length > 3) failures.shift();
    }
    assign();
  };

  return {
    tap(executor) {
      return {
        run(spec, signal) {
          const task: Task = {
            runIndex: spec.runIndex,
            point: spec.point,
            replicate: spec.replicate,
            slot: -1,
            started: 0,
          };
          queue.push(task);
          assign();
          const running = executor.run(spec, signal);
          running.then(
            (outcome) => settle(task, outcome),
            () => settle(task, null),
          );
          return running;
        },
        close: () => executor.close(),
      };
    },

    update(p) {
      progress = p;
    },

    state() {
      const t = now();
      const { rate, eta } =
        progress === null ? { rate: 0, eta: Number.POSITIVE_INFINITY } : rateAndEta(progress);
      const sorted = Float64Array.from(values).sort();
      return {
        workers: slots.map((task, slot) => ({
          run:
            task === null
              ? null
              : {
                  runIndex: task.runIndex,
                  point: task.point,
                  replicate: task.replicate,
                  seconds: (t - task.started) / 1000,
                },
          finished: finished[slot],
        })),
        done: progress?.done ?? 0,
        total: progress?.total ?? 0,
        failed: progress?.failed ?? 0,
        runsPerSecond: rate,
        eta,
        metric,
        values: {
          count: sorted.length,
          p5: quantileSorted(sorted, 0.05),
          p50: quantileSorted(sorted, 0.5),
          p95: quantileSorted(sorted, 0.95),
          sorted,
        },
        failures: [...failures],
      };
    },
  };
}
