import { parsePath } from '../scenario/locate.ts';
import type { ScenarioProblem } from '../scenario/problem.ts';
import type { Sweep } from './schema.ts';

/** Rules across fields of a sweep that the schema cannot say, each a located problem. */

const SAMPLED = new Set(['random', 'lhs', 'sobol']);

function parameterProblems(sweep: Sweep, file: string): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const lengths = new Set<number>();
  for (const [key, p] of Object.entries(sweep.parameters)) {
    const at = ['parameters', key];
    if (parsePath(key) === undefined) {
      problems.push({
        file,
        path: at,
        message: 'not a scenario path',
        allowed: 'the notation of validation errors, e.g. subnets[0].yuma.kappa',
      });
    }
    const sources = ['values', 'range', 'distribution'].filter((s) => p[s as keyof typeof p] !== undefined);
    if (sources.length !== 1) {
      problems.push({
        file,
        path: at,
        message: sources.length === 0 ? 'no values' : `${sources.join(' and ')} together`,
        allowed: 'exactly one of values, range, distribution',
      });
    }
    if (p.range !== undefined && p.range.from > p.range.to) {
      problems.push({ file, path: [...at, 'range'], message: 'from is above to', allowed: 'from ≤ to' });
    }
    const d = p.distribution;
    if (d !== undefined && (d.kind === 'uniform' || d.kind === 'loguniform') && !(d.min < d.max)) {
      problems.push({
        file,
        path: [...at, 'distribution'],
        message: 'min is not below max',
        allowed: 'min < max',
      });
    }
    if (d !== undefined && !SAMPLED.has(sweep.design)) {
      problems.push({
        file,
        path: [...at, 'distribution'],
        message: `a distribution cannot be enumerated by design ${sweep.design}`,
        allowed: 'values or range; or design random, lhs or sobol',
      });
    }
    if (sweep.design === 'zip' && p.values !== undefined) lengths.add(p.values.length);
    if (sweep.design === 'zip' && p.range !== undefined) lengths.add(rangeLength(p.range));
  }
  if (lengths.size > 1) {
    problems.push({
      file,
      path: ['parameters'],
      message: 'zip takes the i-th value of every parameter together: the lists differ in length',
      found: [...lengths].join(', '),
      allowed: 'lists of one length',
    });
  }
  return problems;
}

/** Values in `from..to` by `step`, `to` included when a step lands on it (within rounding). */
export function rangeLength(range: { from: number; to: number; step: number }): number {
  return Math.floor((range.to - range.from) / range.step + 1e-9) + 1;
}

export function sweepProblems(sweep: Sweep, file: string): ScenarioProblem[] {
  const problems = parameterProblems(sweep, file);
  const sampled = SAMPLED.has(sweep.design);
  if (sampled && sweep.samples === undefined) {
    problems.push({
      file,
      path: ['samples'],
      message: 'required',
      allowed: `a count of ${sweep.design} samples`,
    });
  }
  if (!sampled && sweep.samples !== undefined) {
    problems.push({
      file,
      path: ['samples'],
      message: `design ${sweep.design} takes no samples (its points are the values listed)`,
      allowed: 'samples with design random, lhs or sobol',
    });
  }
  if (sweep.design === 'sobol' && Object.keys(sweep.parameters).length === 0) {
    problems.push({ file, path: ['parameters'], message: 'sobol needs at least one parameter' });
  }
  (sweep.metrics ?? []).forEach((metric, k) => {
    if (parsePath(metric) === undefined) {
      problems.push({
        file,
        path: ['metrics', k],
        message: 'not a summary.json path',
        allowed: 'e.g. subnets[0].incentive_gini_mean',
      });
    }
  });
  return problems;
}
