import { type PackageOutcome, packageOutcomes } from '../engine/compensation/outcome.ts';
import { runSimulation } from '../engine/run.ts';
import type { DayRecord } from '../engine/timeline.ts';
import { BLOCKS_PER_DAY } from '../engine/units.ts';
import { compileScenario } from '../scenario/compile.ts';
import type { Scenario } from '../scenario/schema.ts';
import { runSeed } from '../sweep/seeds.ts';

/**
 * `run --replicates N`: the scenario N times on this thread, replicate r with the seed a sweep of it
 * would give run r (sweep/seeds.ts runSeed(seed, point 0, r)), so the same scenario and N always give
 * the same numbers. Only the packages' outcomes and their values day by day are kept, no per-run files.
 */
export interface Replicate {
  replicate: number;
  seed: number;
  outcomes: PackageOutcome[];
  /** Each package's USD value at each day's end, in `outcomes` order: `daily[p × dayCount + day]`. */
  daily: Float64Array;
}

/** Days a run of `blocks` blocks records: day 0 (before the first block) to the last whole day. */
export function dayCount(blocks: number): number {
  return Math.floor(blocks / BLOCKS_PER_DAY) + 1;
}

/** The day's values of the packages an outcome is made for (not the unhedged twins), in their order. */
function recordDay(record: DayRecord, daily: Float64Array, days: number): void {
  if (record.compensation === null) return;
  let p = 0;
  for (const c of record.compensation.contributors) {
    for (const pkg of c.packages) if (pkg.twinOf < 0) daily[p++ * days + record.day] = pkg.valueUsd;
  }
}

export function replicateSeed(scenarioSeed: number, replicate: number): number {
  return runSeed(scenarioSeed, 0, replicate);
}

export function* runReplicates(
  scenario: Scenario,
  count: number,
  onBlock?: (replicate: number, block: number) => void,
): Generator<Replicate, void, void> {
  const days = dayCount(scenario.duration);
  const packages = (scenario.contributors ?? []).reduce((n, c) => n + c.packages.length, 0);
  for (let r = 0; r < count; r++) {
    const seed = replicateSeed(scenario.seed, r);
    const run = runSimulation(compileScenario({ ...scenario, seed }));
    const daily = new Float64Array(packages * days).fill(Number.NaN);
    let step = run.next();
    while (!step.done) {
      if (step.value.kind === 'day') {
        recordDay(step.value, daily, days);
        onBlock?.(r, step.value.block);
      }
      step = run.next();
    }
    const timeline = step.value.timeline;
    yield { replicate: r, seed, outcomes: timeline === undefined ? [] : packageOutcomes(timeline), daily };
  }
}
