import type { Executor } from './executor.ts';
import { runSpec, type SweepPlan } from './plan.ts';
import type { Cell } from './runs-file.ts';
import type { RunOutcome } from './simulate.ts';

/**
 * Feeds the runs to an executor with a bounded number in flight (so memory stays flat however many runs)
 * and hands each outcome, as a runs.csv row, to `record` as soon as it arrives. `stop` ends the feeding
 * (running runs finish and are recorded); `abandon` cancels running runs too (they are not recorded).
 */
export interface ExecuteOptions {
  plan: SweepPlan;
  executor: Executor;
  todo: Iterable<number>;
  inFlight: number;
  /** --keep-runs: the folder receiving each run's detail files. */
  keepRuns?: string;
  record(row: Cell[], outcome: RunOutcome): Promise<void>;
  stop?: AbortSignal;
  abandon?: AbortSignal;
}

/** A parameter value in a CSV cell: numbers and text as they are, anything else as JSON. */
export function valueCell(value: unknown): Cell {
  return typeof value === 'number' || typeof value === 'string' ? value : JSON.stringify(value);
}

export function outcomeRow(plan: SweepPlan, outcome: RunOutcome): Cell[] {
  const spec = runSpec(plan, outcome.runIndex);
  const values = plan.design.at(spec.point).map(valueCell);
  const metrics = outcome.status === 'ok' ? outcome.values : plan.metrics.map(() => '');
  const error = outcome.status === 'ok' ? '' : outcome.error;
  return [
    spec.runIndex,
    outcome.runId,
    spec.point,
    spec.replicate,
    spec.seed,
    ...values,
    ...metrics,
    outcome.status,
    error,
  ];
}

export async function executeRuns(options: ExecuteOptions): Promise<void> {
  const { plan, executor, stop, abandon } = options;
  const runs = options.todo[Symbol.iterator]();
  const running = new Set<Promise<void>>();
  let failure: unknown;
  const start = (runIndex: number) => {
    const task = executor
      .run({ ...runSpec(plan, runIndex), keepRuns: options.keepRuns }, abandon)
      .then(async (outcome) => {
        if (abandon?.aborted) return;
        await options.record(outcomeRow(plan, outcome), outcome);
      })
      .catch((error: unknown) => {
        if (!abandon?.aborted) failure ??= error;
      })
      .finally(() => running.delete(task));
    running.add(task);
  };
  while (failure === undefined && !stop?.aborted) {
    while (running.size < options.inFlight && !stop?.aborted) {
      const next = runs.next();
      if (next.done) break;
      start(next.value);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  await Promise.all(running);
  if (failure !== undefined) throw failure;
}
