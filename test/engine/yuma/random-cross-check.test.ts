/**
 * runEpoch against the naive dense re-statement of spec §3 (naive-epoch.ts) on seeded random
 * subnets: registrations, stale and unpermitted validators, explicit zeros, old bonds, owner,
 * both versions, liquid alpha (sparse and dense), bonds penalty 0, ½ and 1.
 * Fractions are compared to 1e-12 (dividends 1e-9), not to the bit: the epoch multiplies by 1/sum
 * where the statement divides (§3.5 rows), takes I_j/Σ_i B_ij once per column (Yuma3 dividends) and
 * adds some sums in another order, each a few ulps; the κ-median's choice, the permits and the
 * integer outputs (to ±1 where a float lands on the other side of an integer) must still agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEpoch } from '../../../src/engine/yuma/epoch.ts';
import type { EpochInput, YumaParams } from '../../../src/engine/yuma/types.ts';
import { params } from './build.ts';
import { naiveEpoch } from './naive-epoch.ts';

const arbCase = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    stake: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 })), {
      minLength: n,
      maxLength: n,
    }),
    weights: fc.array(fc.oneof(fc.constant(-1), fc.constant(0), fc.integer({ min: 1, max: 65535 })), {
      minLength: n * n,
      maxLength: n * n,
    }),
    bonds: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 65535 })), {
      minLength: n * n,
      maxLength: n * n,
    }),
    lastUpdate: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: n, maxLength: n }),
    reg: fc.array(fc.integer({ min: 0, max: 110 }), { minLength: n, maxLength: n }),
    permit: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    owner: fc.integer({ min: -1, max: n - 1 }),
    lastEpochBlock: fc.oneof(fc.constant(-1), fc.integer({ min: 80, max: 119 })),
    version: fc.constantFrom<YumaParams['version']>('yuma1', 'yuma3'),
    liquid: fc.boolean(),
    sparse: fc.boolean(),
    beta: fc.constantFrom(0, 0.5, 1),
    k: fc.integer({ min: 1, max: 16 }),
    threshold: fc.constantFrom(0, 100),
  }),
);

type Case = typeof arbCase extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case) {
  const x: EpochInput = {
    n: c.n,
    block: 120,
    tempo: 10,
    lastEpochBlock: c.lastEpochBlock,
    stake: Float64Array.from(c.stake),
    weights: Float64Array.from(c.weights, (w) => Math.max(w, 0)),
    weightsPresent: Uint8Array.from(c.weights, (w) => (w >= 0 ? 1 : 0)),
    bonds: Float64Array.from(c.bonds),
    lastUpdate: Float64Array.from(c.lastUpdate),
    blockAtRegistration: Float64Array.from(c.reg),
    validatorPermit: Uint8Array.from(c.permit, (p) => (p ? 1 : 0)),
    ownerUid: c.owner,
    emission: 1_000_000_000,
  };
  const p = params({
    version: c.version,
    bondsPenalty: c.beta,
    bondsMovingAverage: 900_000,
    liquidAlpha: { enabled: c.liquid, alphaLow: 0.1, alphaHigh: 0.3, steepness: 1000 },
    sparseLiquidAlpha: c.sparse,
    maxAllowedValidators: c.k,
    activityCutoff: 30,
    stakeThreshold: c.threshold,
  });
  return { x, p };
}

const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number) =>
  Array.from(a).every((v, i) => Math.abs(v - b[i]) <= tol);

describe('runEpoch vs the naive dense statement of §3', () => {
  it('agrees on every output for random subnets', () => {
    let withBonds = 0;
    fc.assert(
      fc.property(arbCase, (c) => {
        const { x, p } = build(c);
        const r = runEpoch(x, p);
        const e = naiveEpoch(x, p);
        expect(close(r.stake, e.S, 1e-12)).toBe(true);
        expect(close(r.activeStake, e.A, 1e-12)).toBe(true);
        expect(close(r.consensus, e.C, 1e-12)).toBe(true);
        expect(close(r.validatorTrust, e.VT, 1e-12)).toBe(true);
        expect(close(r.incentive, e.I, 1e-12)).toBe(true);
        expect(close(r.dividends, e.D, 1e-9)).toBe(true);
        expect(Array.from(r.validatorPermit, (v) => v === 1)).toEqual(e.newPermit);
        // Integers may differ by 1 where a float sum lands on the other side of an integer.
        expect(close(r.emission, e.emission, 1)).toBe(true);
        expect(close(r.bonds, e.bonds, 1)).toBe(true);
        if (r.bonds.some((b) => b > 0)) withBonds++;
      }),
      { numRuns: 400, seed: 20260630 },
    );
    // The generator does reach the interesting paths.
    expect(withBonds).toBeGreaterThan(100);
  });
});
