import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { Piscina } from 'piscina';
import type { RunOutcome, RunSpec } from './simulate.ts';

/**
 * How runs are executed: in this thread (tests) or on a piscina pool of worker threads (the CLI). The
 * sweep code only sees `run` and `close`, so it never learns how many threads exist. This module loads
 * piscina only (the engine is loaded by whoever runs the runs), so a pool can start its threads before
 * the main thread loads the rest.
 */
export interface Executor {
  run(spec: RunSpec, signal?: AbortSignal): Promise<RunOutcome>;
  close(): Promise<void>;
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

/** A pool of `threads` worker threads, each running workers/run-spec.mjs. */
export function poolExecutor(threads: number): Executor {
  const pool = new Piscina({
    filename: WORKER.href,
    minThreads: threads,
    maxThreads: threads,
    // Runs are the unit of work: a thread is busy with one run at a time, the queue holds the rest.
    concurrentTasksPerWorker: 1,
    idleTimeout: 60_000,
  });
  return {
    run: (spec, signal) => pool.run(spec, signal === undefined ? {} : { signal }) as Promise<RunOutcome>,
    close: () => pool.destroy(),
  };
}
