/**
 * Every epoch script in test/cases/yuma/ run with the exact (I32F32) arithmetic, step by step: every
 * integer output (u16 encodings, stored bonds, rao emissions, new permits) must EQUAL the fixtures'
 * fixed-point `reference`, every fraction must be within 1e-9 of it, and every chain assertion
 * (`expect`, `expect_log`) must hold at the tolerance the chain test uses (exact for integers).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runEpochScript } from '../../../src/engine/yuma/epoch-script.ts';
import type { EpochScript, EpochStepOutputs } from '../../../src/engine/yuma/epoch-script-types.ts';
import { type Check, expectChecks, referenceChecks } from './case-check.ts';

const dir = fileURLToPath(new URL('../../cases/yuma/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

const FRACTION_KEYS = ['stake', 'active_stake', 'consensus', 'validator_trust', 'incentive', 'dividends'];

/** The float checks made exact: integers equal, fractions within 1e-9 (tolerances with a `_tol_` suffix kept). */
function exact(checks: Check[], keepTol = false): Check[] {
  return checks.map((c) => {
    const fraction =
      FRACTION_KEYS.some((k) => c.where.startsWith(`${k}[`)) || c.where.startsWith('stake[0] prefix');
    return { ...c, tol: keepTol ? c.tol : fraction ? 1e-9 : 0 };
  });
}

function failures(checks: Check[]): string[] {
  return checks
    .filter((c) => !(Math.abs(c.actual - c.expected) <= c.tol))
    .map((c) => `${c.where}: got ${c.actual}, expected ${c.expected} ± ${c.tol}`);
}

it('finds the case files', () => {
  expect(files.length).toBeGreaterThanOrEqual(12);
});

describe.each(files)('%s (exact)', (file) => {
  const script = JSON.parse(readFileSync(dir + file, 'utf8')) as EpochScript;
  let cached: (EpochStepOutputs | null)[] | undefined;
  const outputs = () => {
    cached ??= runEpochScript(script, { arithmetic: 'exact' });
    return cached;
  };

  script.steps.forEach((step, k) => {
    const emission = step.emission ?? 1_000_000_000;
    const label = `step ${k} (block ${step.block})`;

    if (step.reference) {
      const reference = step.reference;
      it(`${label}: every integer equals the reference, every fraction within 1e-9`, () => {
        const ours = outputs()[k];
        expect(ours).not.toBeNull();
        const checks = exact(referenceChecks(ours!, reference, emission));
        expect(checks.length).toBeGreaterThan(0);
        expect(failures(checks)).toEqual([]);
      });

      it(`${label}: new validator permits equal the reference`, () => {
        const ours = outputs()[k]!;
        // As in chain-cases.test.ts: the reference records this step's permits after the next step's
        // `replace` has cleared the replaced uids' permits (test_outdated_weights step 1, uid 3). Only
        // those uids may differ, and only towards false; every other uid is exact.
        const clearedNext = new Set(script.steps[k + 1]?.replace ?? []);
        const expected = reference.new_validator_permit.map((p, i) =>
          clearedNext.has(i) && !p ? ours.new_validator_permit[i] : p,
        );
        expect(ours.new_validator_permit).toEqual(expected);
      });
    } else if (step.epoch !== false) {
      it(`${label}: runs its epoch`, () => {
        expect(outputs()[k]).not.toBeNull();
      });
    }

    for (const [source, entries] of [
      ['expect', step.expect],
      ['expect_log', step.expect_log],
    ] as const) {
      for (const [key, value] of Object.entries(entries ?? {})) {
        it(`${label}: chain ${source}.${key}`, () => {
          const ours = outputs()[k];
          expect(ours).not.toBeNull();
          const checks = expectChecks(key, value, ours!, script, k, emission);
          expect(checks).not.toBeNull();
          // Keys with an explicit tolerance (`_tol_`), log values and normalised emissions keep the
          // chain test's tolerance; everything else is an integer and must be equal.
          const keepTol =
            /_tol_/.test(key) ||
            source === 'expect_log' ||
            key === 'emission_normalized' ||
            key === 'stake_prefix';
          expect(failures(exact(checks!, keepTol))).toEqual([]);
        });
      }
    }
  });
});
