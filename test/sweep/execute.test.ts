import { describe, expect, it } from 'vitest';
import { executeRuns } from '../../src/sweep/execute.ts';
import type { Executor } from '../../src/sweep/executor.ts';
import type { SweepPlan } from '../../src/sweep/plan.ts';
import type { RunOutcome, RunSpec } from '../../src/sweep/simulate.ts';

/**
 * Flat memory: executeRuns takes runs from the to-do list only as slots free up, keeps at most
 * `inFlight` on the executor, and hands each outcome on as soon as it arrives, so nothing grows with
 * the number of runs. A fake executor finishing runs out of order stands in for the pool.
 */

const plan = {
  sweep: { replicates: 1, seed: 1 },
  design: { parameters: [], count: 10_000, at: () => [] },
  metrics: ['m'],
  scenarioText: '',
  scenarioFile: 'x.yaml',
  baseKey: 'x',
  toolVersion: 'test',
} as unknown as SweepPlan;

describe('executeRuns', () => {
  it('never has more than inFlight runs started and unrecorded, and pulls the to-do list lazily', async () => {
    let running = 0;
    let most = 0;
    let pulled = 0;
    const executor: Executor = {
      async run(spec: RunSpec): Promise<RunOutcome> {
        running++;
        most = Math.max(most, running);
        // Finish out of order: later runs sometimes first.
        await new Promise((r) => setTimeout(r, spec.runIndex % 3));
        running--;
        return { status: 'ok', runIndex: spec.runIndex, runId: 'id', values: [spec.runIndex] };
      },
      close: async () => {},
    };
    function* todo() {
      for (let run = 0; run < 300; run++) {
        pulled++;
        // A run is pulled only when a slot is free: at most inFlight ahead of those recorded.
        expect(pulled - recorded.length).toBeLessThanOrEqual(4);
        yield run;
      }
    }
    const recorded: number[] = [];
    await executeRuns({
      plan,
      executor,
      todo: todo(),
      inFlight: 4,
      async record(row) {
        recorded.push(row[0] as number);
      },
    });
    expect(most).toBe(4);
    expect(recorded.toSorted((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(recorded).not.toEqual(recorded.toSorted((a, b) => a - b)); // recorded as they finished
  });

  it('stop: no new runs; the running ones finish and are recorded', async () => {
    const stop = new AbortController();
    const recorded: number[] = [];
    const executor: Executor = {
      async run(spec) {
        await new Promise((r) => setTimeout(r, 5));
        return { status: 'ok', runIndex: spec.runIndex, runId: 'id', values: [0] };
      },
      close: async () => {},
    };
    await executeRuns({
      plan,
      executor,
      todo: Array.from({ length: 100 }, (_, i) => i),
      inFlight: 3,
      stop: stop.signal,
      async record(row) {
        recorded.push(row[0] as number);
        if (recorded.length === 5) stop.abort();
      },
    });
    // The 5th recording stopped the feeding; the (at most 2) runs then running were still recorded.
    expect(recorded.length).toBeGreaterThanOrEqual(5);
    expect(recorded.length).toBeLessThanOrEqual(7);
  });
});
