import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { Piscina } from 'piscina';
import type { PointCheck, PointCheckRequest } from './point-check.ts';
import type { RunOutcome, RunSpec } from './simulate.ts';

/**
 * How runs are executed: in this thread (tests) or on a piscina pool of worker threads (the CLI). The
 * sweep code only sees `run` and `close`, so it never learns how many threads exist. This module loads
 * piscina only: the scenario schema and the engine are loaded by whoever runs the runs, so with a pool
 * the main thread never loads them (it schedules runs and writes files, in less memory).
 */
export interface Executor {
  run(spec: RunSpec, signal?: AbortSignal): Promise<RunOutcome>;
  close(): Promise<void>;
}

/** A pool also runs the sweep's point checks (point-check.ts; loadPlan's `check`) on a worker. */
export interface PoolExecutor extends Executor {
  check(request: PointCheckRequest): Promise<PointCheck>;
}

/** Runs one at a time in this thread, letting events (Ctrl-C, timers) through between runs. */
export function inlineExecutor(): Executor {
  return {
    async run(spec, signal) {
      await yieldToEvents();
      signal?.throwIfAborted();
      const { runTask } = await import('./simulate.ts');
      return runTask(spec);
    },
    async close() {},
  };
}

const WORKER = new URL('../../workers/run-spec.mjs', import.meta.url);

/**
 * A young generation of 24 MB per worker (V8's default here is 48): a sweep's peak memory is mostly
 * its threads' heaps, and this keeps ~16 MB per thread off it, at a CPU cost on runs of a second that
 * was within this machine's noise (docs/performance.md, sweep_peak_rss_mb).
 */
const YOUNG_GENERATION_MB = 24;

/**
 * The young generation's semi-space (V8 splits it in three: two semi-spaces and large objects), fixed
 * at its maximum. Left to shrink and grow, its capacity could outgrow the slack the old generation's
 * limit was last computed with, and a worker then restarted full marking right after each full
 * collection: 35–96 mark-compacts over 16 one-second runs on 2 workers instead of ~12, in 3 of 5
 * sweeps, which held sweep_speedup_2_workers at ~1.7 (1.9 with the size fixed, docs/performance.md).
 * A process-wide V8 flag, read when an isolate is made: it sizes the workers made after it, not the
 * running main thread.
 */
const SEMI_SPACE_MB = YOUNG_GENERATION_MB / 3;
let semiSpaceFixed = false;

function fixSemiSpace(): void {
  if (semiSpaceFixed) return;
  setFlagsFromString(`--min-semi-space-size=${SEMI_SPACE_MB}`);
  semiSpaceFixed = true;
}

/** A pool of `threads` worker threads, each running workers/run-spec.mjs. */
export function poolExecutor(threads: number): PoolExecutor {
  fixSemiSpace();
  const pool = new Piscina({
    filename: WORKER.href,
    minThreads: threads,
    maxThreads: threads,
    // Runs are the unit of work: a thread is busy with one run at a time, the queue holds the rest.
    concurrentTasksPerWorker: 1,
    idleTimeout: 60_000,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  return {
    run: (spec, signal) => pool.run(spec, signal === undefined ? {} : { signal }) as Promise<RunOutcome>,
    check: (request) => pool.run(request, { name: 'checkPoints' }) as Promise<PointCheck>,
    close: () => pool.destroy(),
  };
}
