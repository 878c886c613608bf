import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenario/compile.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { formatProblem } from '../../src/scenario/problem.ts';

/** Every YAML example in the README is a scenario that loads and compiles: the docs cannot rot silently. */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('README scenario examples', () => {
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples.map((text, k) => [k, text] as const))('example %i loads and compiles', (_k, text) => {
    const result = parseScenarioText(text, 'README.md', { defaultName: 'readme' });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    if (result.ok) expect(() => compileScenario(result.scenario)).not.toThrow();
  });
});
