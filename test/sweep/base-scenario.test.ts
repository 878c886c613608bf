import { basename, extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../src/cli/tool-version.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { resolvedScenarioText } from '../../src/scenario/resolve.ts';
import { parseFromBase, parseRunScenario } from '../../src/sweep/base-scenario.ts';
import { loadPlan, runSpec } from '../../src/sweep/plan.ts';

/**
 * A worker parses the base scenario once and applies each run's overrides to a copy: every run must get
 * exactly the scenario (and so the resolved text and run id) parseScenarioText gives, and every failed
 * run exactly its problems.
 */

const ROOT = new URL('../../', import.meta.url).pathname;
const SWEEPS = [
  'sweeps/kappa-vs-cabal.yaml',
  'sweeps/bonds-vs-copying.yaml',
  'sweeps/eras-dispersion.yaml',
  'test/sweep/fixtures/grid.yaml',
  'test/sweep/fixtures/sobol.yaml',
  'test/sweep/fixtures/failing.yaml',
];

describe('the cached base scenario', () => {
  it.each(SWEEPS)('%s: every run parses to the same scenario as parseScenarioText', async (sweep) => {
    const loaded = await loadPlan(join(ROOT, sweep), TOOL_VERSION);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const plan = loaded.value;
    let fast = 0;
    for (let run = 0; run < Math.min(plan.runs, 40); run++) {
      const spec = runSpec(plan, run);
      const options = {
        overrides: spec.overrides,
        seed: spec.seed,
        defaultName: basename(spec.scenarioFile, extname(spec.scenarioFile)),
      };
      const expected = parseScenarioText(spec.scenarioText, spec.scenarioFile, options);
      const cached = parseFromBase(spec.baseKey, spec.scenarioText, spec.scenarioFile, options);
      if (cached !== undefined) {
        fast++;
        expect(cached).toEqual(expected);
      }
      const result = parseRunScenario(spec.baseKey, spec.scenarioText, spec.scenarioFile, options);
      expect(result).toEqual(expected);
      if (result.ok && expected.ok) {
        expect(resolvedScenarioText(result.scenario, TOOL_VERSION)).toBe(
          resolvedScenarioText(expected.scenario, TOOL_VERSION),
        );
      }
    }
    // Every valid run takes the cached path (failing.yaml's middle point is left to parseScenarioText).
    expect(fast).toBe(sweep.endsWith('failing.yaml') ? 2 : Math.min(plan.runs, 40));
  });

  const TEXT = `# anchors, x- keys, a list to append to
x-defaults: &validators { count: 2, stake: 100 }
duration: 300
subnets:
  - tempo: 99
    max_uids: 8
    validators: *validators
    miners: { count: 4 }
  - tempo: 99
    max_uids: 8
    validators: *validators
    miners: { count: 3 }
`;
  const cases: [string, string[]][] = [
    ['nothing', []],
    ['an aliased mapping changed in one place only', ['subnets[0].validators.count=3']],
    ['a missing mapping created', ['subnets[1].yuma.kappa=0.4']],
    ['a list appended to', ['subnets[2]={"tempo": 99, "max_uids": 4, "miners": {"count": 2}}']],
    ['a name', ['name="named"']],
    ['a later override wins', ['subnets[0].tempo=50', 'subnets[0].tempo=60']],
    ['a string value', ['duration="1d"']],
    ['an invalid value', ['subnets[0].validators.count=-1']],
    ['an index past the end', ['subnets[5].tempo=10']],
    ['into a number', ['duration.x=1']],
    ['not path=value', ['subnets[0]tempo']],
    ['an unknown field', ['subnets[0].tempoo=10']],
  ];
  it.each(cases)('%s: the same result as parseScenarioText', (_, overrides) => {
    const options = { overrides, seed: 7, defaultName: 'base (copy)' };
    const expected = parseScenarioText(TEXT, 'base.yaml', options);
    expect(parseRunScenario('test-base', TEXT, 'base.yaml', options)).toEqual(expected);
    // Valid results come from the cached document, not from parseScenarioText.
    if (expected.ok) expect(parseFromBase('test-base', TEXT, 'base.yaml', options)).toEqual(expected);
    // And the cached document is left as it was for the next run.
    expect(parseRunScenario('test-base', TEXT, 'base.yaml', { seed: 7, defaultName: 'base (copy)' })).toEqual(
      parseScenarioText(TEXT, 'base.yaml', { seed: 7, defaultName: 'base (copy)' }),
    );
  });

  it('a base that is not a mapping is left to parseScenarioText', () => {
    const options = { overrides: ['seed=1'], defaultName: 'x' };
    expect(parseRunScenario('test-list', '- 1\n', 'x.yaml', options)).toEqual(
      parseScenarioText('- 1\n', 'x.yaml', options),
    );
  });
});
