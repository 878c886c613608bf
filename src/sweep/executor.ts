import { setImmediate as yieldToEvents } from 'node:timers/promises';
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

/** A pool of `threads` worker threads, each running workers/run-spec.mjs. */
export function poolExecutor(threads: number): PoolExecutor {
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
