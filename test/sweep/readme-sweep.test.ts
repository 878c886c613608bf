import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/scenario/problem.ts';
import { parseSweepText } from '../../src/sweep/parse.ts';
import { loadPlan } from '../../src/sweep/plan.ts';

/**
 * The README's sweep example is a valid sweep file, and so are the studies in sweeps/. (The README fences
 * sweep and Kubernetes YAML as `yml`: its `yaml` blocks are checked as scenarios by test/docs.)
 */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Parameter sweeps'));
const STUDIES = ['kappa-vs-cabal', 'bonds-vs-copying', 'eras-dispersion'];
const example = /```yml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

describe('sweep files in the docs', () => {
  it('README example parses', () => {
    const result = parseSweepText(example, 'README.md');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it.each(STUDIES)('sweeps/%s.yaml parses', (name) => {
    const text = readFileSync(new URL(`../../sweeps/${name}.yaml`, import.meta.url), 'utf8');
    const result = parseSweepText(text, `${name}.yaml`);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it.each(STUDIES)(
    'sweeps/%s.yaml is ready to run: its paths and values fit its base scenario',
    async (name) => {
      const loaded = await loadPlan(
        fileURLToPath(new URL(`../../sweeps/${name}.yaml`, import.meta.url)),
        'test',
      );
      expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([]);
      if (loaded.ok) expect(loaded.value.runs).toBeGreaterThan(1);
    },
  );
});
