import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenario/compile.ts';
import { fileReader } from '../../src/scenario/market-data.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { formatProblem } from '../../src/scenario/problem.ts';

/** Every YAML example in the README is a scenario that loads and compiles: the docs cannot rot silently. */
const README = new URL('../../README.md', import.meta.url);
const readme = readFileSync(README, 'utf8');
const examples = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('README scenario examples', () => {
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples.map((text, k) => [k, text] as const))('example %i loads and compiles', (_k, text) => {
    // Data files an example names (a TAO/USD CSV) are relative to the repository root, as if saved there.
    const result = parseScenarioText(text, 'README.md', {
      defaultName: 'readme',
      readText: fileReader(fileURLToPath(README)),
    });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    if (result.ok) expect(() => compileScenario(result.scenario)).not.toThrow();
  });
});
