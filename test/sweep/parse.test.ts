import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/scenario/problem.ts';
import { parseSweepText } from '../../src/sweep/parse.ts';

/** Sweep files are validated like scenarios: every problem, with file:line, path, found and allowed. */

const problems = (text: string) => {
  const result = parseSweepText(text, 'study.yaml');
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('parseSweepText', () => {
  it('fills defaults and names the study after the file', () => {
    const result = parseSweepText('scenario: base.yaml\n', 'sweeps/study.yaml');
    expect(result.ok && result.value).toMatchObject({
      name: 'study',
      seed: 1,
      replicates: 1,
      design: 'grid',
      parameters: {},
    });
  });

  it('locates schema problems, with did-you-mean for unknown keys', () => {
    const text = [
      'scenario: base.yaml',
      'replicates: 0',
      'paramters: {}',
      'design: latin',
      'parameters:',
      '  subnets[0].yuma.kappa:',
      '    distribution: { kind: beta }',
    ].join('\n');
    expect(problems(text)).toEqual([
      'study.yaml:2:13 replicates: too small (found 0; allowed: ≥ 1 — Monte Carlo runs per point)',
      'study.yaml:3:12 paramters: unknown key; did you mean "parameters"? (allowed: keys name, description, scenario, seed, replicates, design, samples, parameters, metrics, shards)',
      expect.stringMatching(
        /^study\.yaml:4:9 design: not an allowed value \(found "latin"; allowed: one of "grid", "zip"/,
      ),
      'study.yaml:7:27 parameters["subnets[0].yuma.kappa"].distribution.kind: not an allowed form (found "beta"; allowed: one of "uniform", "loguniform", "normal", "choice")',
    ]);
  });

  it('cross-field rules: one source of values, samples where needed, zip lengths, paths', () => {
    const text = [
      'scenario: base.yaml',
      'design: zip',
      'samples: 4',
      'parameters:',
      '  a: { values: [1, 2], range: { from: 0, to: 1, step: 0.5 } }',
      '  b: { values: [1, 2] }',
      '  "c..d": { values: [1] }',
      '  e: { distribution: { kind: uniform, min: 1, max: 0 } }',
    ].join('\n');
    const found = problems(text);
    expect(found).toContain(
      'study.yaml:3:10 samples: design zip takes no samples (its points are the values listed) (allowed: samples with design random, lhs or sobol)',
    );
    expect(found).toContain(
      'study.yaml:5:6 parameters.a: values and range together (allowed: exactly one of values, range, distribution)',
    );
    expect(found.some((p) => p.includes('parameters["c..d"]: not a scenario path'))).toBe(true);
    expect(found.some((p) => p.includes('parameters.e.distribution: min is not below max'))).toBe(true);
    expect(
      found.some((p) =>
        p.includes('parameters.e.distribution: a distribution cannot be enumerated by design zip'),
      ),
    ).toBe(true);
    expect(found.some((p) => p.includes('zip takes the i-th value of every parameter together'))).toBe(true);
  });

  it('random, lhs and sobol need samples', () => {
    expect(problems('scenario: s.yaml\ndesign: lhs\n')).toEqual([
      'study.yaml:1:1 samples: required (allowed: a count of lhs samples)',
    ]);
  });
});
