/**
 * Random epoch scripts (random-script.ts: up to 40 uids in most runs and a few of 100, several steps,
 * stale validators, registrations, resets, both Yuma versions, liquid alpha, bonds penalty) through
 * runEpochScript in both arithmetics: the float epoch must stay within the README's float64
 * tolerances of the exact (I32F32, chain-equal) one at every step — fractions 1e-4, u16 encodings 16,
 * rao 1e-4 of the step's emission but at least 1 rao — and give the same new permits. The 1 rao: a
 * float share a hair below k/E floors to one rao less than the fixed-point one (spec §4: "≤ 1 rao"),
 * which for the small emissions drawn here (1 000 rao) is more than 1e-4 of E.
 */
import { describe, expect, it } from 'vitest';
import { runEpochScript } from '../../../src/engine/yuma/epoch-script.ts';
import { referenceChecks } from './case-check.ts';
import { randomEpochScript } from './random-script.ts';

function compare(seed: number, minN: number, maxN: number, maxSteps: number): string[] {
  const script = randomEpochScript(seed, { minN, maxN, maxSteps });
  const float = runEpochScript(script, { arithmetic: 'float' });
  const exact = runEpochScript(script, { arithmetic: 'exact' });
  const problems: string[] = [];
  script.steps.forEach((step, k) => {
    const f = float[k];
    const e = exact[k];
    if (f === null || e === null) return;
    for (const c of referenceChecks(f, e, step.emission ?? 1_000_000_000)) {
      const rao = /emission\[/.test(c.where);
      if (!(Math.abs(c.actual - c.expected) <= (rao ? Math.max(c.tol, 1) : c.tol)))
        problems.push(
          `seed ${seed} step ${k} ${c.where}: float ${c.actual}, exact ${c.expected} (± ${c.tol})`,
        );
    }
    if (JSON.stringify(f.new_validator_permit) !== JSON.stringify(e.new_validator_permit))
      problems.push(`seed ${seed} step ${k}: new permits differ`);
  });
  return problems;
}

describe('random epoch scripts: float vs exact', () => {
  it('agree within the README tolerances on 300 scripts of up to 40 uids', () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= 300; seed++) problems.push(...compare(seed, 1, 40, 6));
    expect(problems.slice(0, 20)).toEqual([]);
  });
  it('agree on 12 scripts of 80–100 uids and up to 8 steps', () => {
    const problems: string[] = [];
    for (let seed = 1001; seed <= 1012; seed++) problems.push(...compare(seed, 80, 100, 8));
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
