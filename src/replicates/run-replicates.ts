import { type PackageOutcome, packageOutcomes } from '../engine/compensation/outcome.ts';
import { runSimulation } from '../engine/run.ts';
import { compileScenario } from '../scenario/compile.ts';
import type { Scenario } from '../scenario/schema.ts';
import { runSeed } from '../sweep/seeds.ts';

/**
 * `run --replicates N`: the scenario N times on this thread, replicate r with the seed a sweep of it
 * would give run r (sweep/seeds.ts runSeed(seed, point 0, r)), so the same scenario and N always give
 * the same numbers. Only the packages' outcomes are kept, no per-run files.
 */
export interface Replicate {
  replicate: number;
  seed: number;
  outcomes: PackageOutcome[];
}

export function replicateSeed(scenarioSeed: number, replicate: number): number {
  return runSeed(scenarioSeed, 0, replicate);
}

export function* runReplicates(
  scenario: Scenario,
  count: number,
  onBlock?: (replicate: number, block: number) => void,
): Generator<Replicate, void, void> {
  for (let r = 0; r < count; r++) {
    const seed = replicateSeed(scenario.seed, r);
    const run = runSimulation(compileScenario({ ...scenario, seed }));
    let step = run.next();
    while (!step.done) {
      if (step.value.kind === 'day') onBlock?.(r, step.value.block);
      step = run.next();
    }
    const timeline = step.value.timeline;
    yield { replicate: r, seed, outcomes: timeline === undefined ? [] : packageOutcomes(timeline) };
  }
}
