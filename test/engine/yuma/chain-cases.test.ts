/**
 * Every epoch script in test/cases/yuma/ (copied from /work/shared/fixtures/yuma/) run through the
 * engine in both arithmetics and compared, step by step, with the independent fixed-point (I32F32)
 * reference emulation stored in each step's `reference`, and with the subtensor tests' own assertions
 * (`expect`, `expect_log`; opentensor/subtensor@14bc6f9 pallets/subtensor/src/tests/{epoch,epoch_logs}.rs).
 * float: within the README's float64 tolerances. exact: every integer output (u16 encodings, stored
 * bonds, rao emissions) EQUAL to the reference, every fraction within 1e-9, and every chain assertion
 * at the chain test's own tolerance (exact for integers).
 * The directory is read at collection time, so added cases of the same format are picked up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runEpochScript } from '../../../src/engine/yuma/epoch-script.ts';
import type { EpochScript, EpochStepOutputs } from '../../../src/engine/yuma/epoch-script-types.ts';
import { maxUpscaleU16 } from '../../../src/engine/yuma/set-weights.ts';
import { type Check, expectChecks, referenceChecks } from './case-check.ts';

const dir = fileURLToPath(new URL('../../cases/yuma/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

function failures(checks: Check[]): string[] {
  return checks
    .filter((c) => !(Math.abs(c.actual - c.expected) <= c.tol))
    .map((c) => `${c.where}: got ${c.actual}, expected ${c.expected} ± ${c.tol}`);
}

const FRACTION_KEYS = ['stake', 'active_stake', 'consensus', 'validator_trust', 'incentive', 'dividends'];

/** The float checks made exact: integers equal, fractions within 1e-9 (`keepTol`: the chain test's own). */
function exact(checks: Check[], keepTol = false): Check[] {
  return checks.map((c) => {
    const fraction =
      FRACTION_KEYS.some((k) => c.where.startsWith(`${k}[`)) || c.where.startsWith('stake[0] prefix');
    return { ...c, tol: keepTol ? c.tol : fraction ? 1e-9 : 0 };
  });
}

/** Expect keys that keep the chain test's tolerance in exact mode: explicit `_tol_`, logs, normalised values. */
const keepsChainTolerance = (source: string, key: string) =>
  /_tol_/.test(key) || source === 'expect_log' || key === 'emission_normalized' || key === 'stake_prefix';

const ARITHMETICS = {
  float: { reference: (c: Check[]) => c, expect: (c: Check[]) => c, what: 'within the float64 tolerances' },
  exact: {
    reference: (c: Check[]) => exact(c),
    expect: (c: Check[], source: string, key: string) => exact(c, keepsChainTolerance(source, key)),
    what: 'integers equal, fractions within 1e-9,',
  },
} as const;

it('finds the case files', () => {
  expect(files.length).toBeGreaterThanOrEqual(12);
});

describe.each(files)('%s: set_weights', (file) => {
  const script = JSON.parse(readFileSync(dir + file, 'utf8')) as EpochScript;
  it('max-upscales every submitted row to the stored_u16 given', () => {
    for (const step of script.steps) {
      for (const sw of step.set_weights ?? []) {
        if (sw.stored_u16) expect(Array.from(maxUpscaleU16(sw.values))).toEqual(sw.stored_u16);
      }
    }
  });
});

describe.each(files.flatMap((f) => (['float', 'exact'] as const).map((a) => [f, a] as const)))(
  '%s (%s)',
  (file, arithmetic) => {
    const script = JSON.parse(readFileSync(dir + file, 'utf8')) as EpochScript;
    const mode = ARITHMETICS[arithmetic];
    let cached: (EpochStepOutputs | null)[] | undefined;
    const outputs = () => {
      cached ??= runEpochScript(script, { arithmetic });
      return cached;
    };

    script.steps.forEach((step, k) => {
      const emission = step.emission ?? 1_000_000_000;
      const label = `step ${k} (block ${step.block})`;

      if (step.reference) {
        const reference = step.reference;
        it(`${label}: every output ${mode.what} the reference`, () => {
          const ours = outputs()[k];
          expect(ours).not.toBeNull();
          const checks = mode.reference(referenceChecks(ours!, reference, emission));
          expect(checks.length).toBeGreaterThan(0);
          expect(failures(checks)).toEqual([]);
        });

        it(`${label}: new validator permits equal the reference`, () => {
          const ours = outputs()[k]!;
          // The reference records this step's permits after the *next* step's `replace` has cleared the
          // replaced uids' permits (test_outdated_weights step 1: uid 3, stake 0.25 of 4 equal stakes
          // with K = 4, is shown without a permit although §3.3 gives it one; its stake is still 0.25
          // there). The chain agrees with §3.3: `is_topk_nonzero` (subtensor epoch/math.rs) starts from
          // "stake ≠ 0" and drops the first n − K of a stable ascending sort, none when n = K, and the
          // test's own log of that epoch reads new_validator_permits [true, true, true, true]. Only
          // those uids may differ, and only towards false; every other uid is exact.
          const clearedNext = new Set(script.steps[k + 1]?.replace ?? []);
          const expected = reference.new_validator_permit.map((p, i) =>
            clearedNext.has(i) && !p ? ours.new_validator_permit[i] : p,
          );
          expect(ours.new_validator_permit).toEqual(expected);
        });
      } else if (step.epoch !== false) {
        // No reference outputs in this step: its `expect` entries (below) are what is checked.
        it(`${label}: runs its epoch`, () => {
          expect(outputs()[k]).not.toBeNull();
        });
      }

      for (const [source, entries] of [
        ['expect', step.expect],
        ['expect_log', step.expect_log],
      ] as const) {
        for (const [key, value] of Object.entries(entries ?? {})) {
          const probe = outputs; // resolved inside the test so a runner error fails the test, not collection
          const understood = expectChecks(key, value, emptyOutputs(script.n), script, k, emission) !== null;
          if (!understood) {
            // A new case with an expectation we cannot read must fail loudly, not pass unchecked.
            it(`${label}: ${source}.${key} is interpreted`, () => {
              expect.fail(`${source}.${key} has a form this test does not know how to check`);
            });
            continue;
          }
          it(`${label}: chain ${source}.${key}`, () => {
            const ours = probe()[k];
            expect(ours).not.toBeNull();
            const checks = mode.expect(expectChecks(key, value, ours!, script, k, emission)!, source, key);
            expect(checks.length).toBeGreaterThan(0);
            expect(failures(checks)).toEqual([]);
          });
        }
      }
    });
  },
);

/** A zero-filled output, used only to decide at collection time whether an expect key is understood. */
function emptyOutputs(n: number): EpochStepOutputs {
  const zeros = () => new Array<number>(n).fill(0);
  return {
    stake: zeros(),
    active_stake: zeros(),
    consensus: zeros(),
    validator_trust: zeros(),
    incentive: zeros(),
    dividends: zeros(),
    incentive_u16: zeros(),
    dividends_u16: zeros(),
    emission: zeros(),
    server_emission: zeros(),
    validator_emission: zeros(),
    new_validator_permit: new Array<boolean>(n).fill(false),
    bonds_u16: Array.from({ length: n }, () => ({})),
  };
}
