import { describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../src/cli/tool-version.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { fileReader } from '../../src/scenario/market-data.ts';
import { formatProblem } from '../../src/scenario/problem.ts';
import { resolvedScenarioText, runIdOf } from '../../src/scenario/resolve.ts';
import { parseFromBase } from '../../src/sweep/base-scenario.ts';
import { loadPlan, runSpec } from '../../src/sweep/plan.ts';
import { runOne } from '../../src/sweep/simulate.ts';

/**
 * A sweep whose base scenario reads its TAO/USD series from a CSV (`model: historical, csv: …`) loads
 * and runs as `subnet-sim run` loads that scenario: the CSV is read next to the base scenario, at the
 * point check and in every run, and each run gets the series itself.
 */

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

describe('a sweep over a base scenario with a historical TAO/USD CSV', () => {
  it('loads, and each run has the series loadScenarioFile reads (from the cached base document)', async () => {
    const loaded = await loadPlan(`${FIXTURES}historical.yaml`, TOOL_VERSION);
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const plan = loaded.value;
    expect(plan.runs).toBe(2);
    for (let run = 0; run < plan.runs; run++) {
      const spec = runSpec(plan, run);
      const single = await loadScenarioFile(spec.scenarioFile, {
        overrides: spec.overrides,
        seed: spec.seed,
      });
      if (!single.ok) throw new Error(single.problems.map(formatProblem).join('\n'));
      const taoUsd = single.scenario.market?.tao_usd;
      expect(taoUsd?.model === 'historical' ? taoUsd.points?.length : 0).toBeGreaterThan(1);

      const cached = parseFromBase(spec.baseKey, spec.scenarioText, spec.scenarioFile, {
        overrides: spec.overrides,
        seed: spec.seed,
        defaultName: 'historical-base',
        readText: fileReader(spec.scenarioFile),
      });
      expect(cached).toEqual(single);

      const outcome = runOne(spec);
      if (outcome.status !== 'ok') throw new Error(outcome.error);
      expect(outcome.runId).toBe(runIdOf(resolvedScenarioText(single.scenario, TOOL_VERSION)));
      expect(outcome.values).toHaveLength(1);
      expect(Number.isFinite(outcome.values[0])).toBe(true);
    }
  });
});
