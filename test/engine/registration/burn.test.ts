import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BURN_HALF_LIFE,
  BURN_INCREASE_MULT,
  MAX_BURN,
  MIN_BURN,
} from '../../../src/engine/emission/constants.ts';
import { bumpBurn, burnDecayFactorQ32, decayBurn, mulByQ32 } from '../../../src/engine/registration/burn.ts';

const NO_MAX = Number.MAX_SAFE_INTEGER;

describe('registration burn (emissions.md §6)', () => {
  it('spec §9 test_burn_decay: half-life 1 000, ×2: 1 000 → 2 000 on registration → 1 998 one block later', () => {
    let burn = bumpBurn(1_000, 2, 0, NO_MAX);
    expect(burn).toBe(2_000);
    // f = 4 291 991 283 / 2³² ≈ 0.99930709; 2 000 · f = 1 998.61 → 1 998.
    burn = decayBurn(burn, burnDecayFactorQ32(1_000), 0, NO_MAX);
    expect(burn).toBe(1_998);
  });

  it('spec §9 test_burn_halves_every_half_life: half-life 2: 1 024 → 511 → 255 (two blocks each)', () => {
    // f = 3 037 000 500 / 2³² ≈ 0.70710678: 1 024 → 724 → 511 → 361 → 255 (each product floored).
    const f = burnDecayFactorQ32(2);
    let burn = 1_024;
    const seen: number[] = [];
    for (let block = 0; block < 4; block++) {
      burn = decayBurn(burn, f, 0, NO_MAX);
      seen.push(burn);
    }
    expect(seen).toEqual([724, 511, 361, 255]);
  });

  it('spec §9 test_bump_registration_price_after_registration_applies_multiplier_immediately: ×3: 1 000 → 3 000', () => {
    expect(bumpBurn(1_000, 3, 0, NO_MAX)).toBe(3_000);
  });

  it('the default ×1.26 floors the exact U64F64 product; a multiplier below 1 counts as 1', () => {
    // 1 TAO · 1.26 = 1 260 000 000 (the f64 1.26 is 1.2600000000000000088…, so the floor is exact).
    expect(bumpBurn(1_000_000_000, BURN_INCREASE_MULT, MIN_BURN, MAX_BURN)).toBe(1_260_000_000);
    // 3 · 1.26 = 3.78 → 3.
    expect(bumpBurn(3, 1.26, 0, NO_MAX)).toBe(3);
    expect(bumpBurn(1_000, 0.5, 0, NO_MAX)).toBe(1_000);
  });

  it('clamps to [MinBurn, MaxBurn] after the decay and after the bump', () => {
    expect(decayBurn(MIN_BURN, burnDecayFactorQ32(BURN_HALF_LIFE), MIN_BURN, MAX_BURN)).toBe(MIN_BURN);
    expect(bumpBurn(90_000_000_000, BURN_INCREASE_MULT, MIN_BURN, MAX_BURN)).toBe(MAX_BURN);
    expect(decayBurn(200_000_000_000, 2 ** 32, MIN_BURN, MAX_BURN)).toBe(MAX_BURN);
  });

  it('half-life 0 gives the factor 1.0: no decay', () => {
    expect(burnDecayFactorQ32(0)).toBe(2 ** 32);
    expect(decayBurn(12_345, burnDecayFactorQ32(0), 0, NO_MAX)).toBe(12_345);
  });

  it('the Q32 factor is the largest f with pow_q32(f, h) ≤ 0.5, close to 2^(−1/h)', () => {
    for (const h of [1, 2, 3, 100, 360, 1_000, 36_100, 65_535]) {
      const f = burnDecayFactorQ32(h);
      expect(Number.isInteger(f)).toBe(true);
      expect(Math.abs(f / 2 ** 32 - 2 ** (-1 / h))).toBeLessThan(1e-6);
    }
    expect(burnDecayFactorQ32(1)).toBe(2 ** 31);
  });

  it('at the default half-life 360 and ×1.26, one registration every ≈ 120 blocks keeps the burn flat', () => {
    // 1.26 · 2^(−120/360) = 1.00005.
    const f = burnDecayFactorQ32(BURN_HALF_LIFE);
    let burn = 1_000_000_000;
    for (let cycle = 0; cycle < 10; cycle++) {
      burn = bumpBurn(burn, BURN_INCREASE_MULT, MIN_BURN, MAX_BURN);
      for (let block = 0; block < 120; block++) burn = decayBurn(burn, f, MIN_BURN, MAX_BURN);
    }
    expect(Math.abs(burn / 1_000_000_000 - 1)).toBeLessThan(0.002);
  });

  it('property: the float limb product equals the BigInt ⌊value · f / 2³²⌋', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 37 - 1 }),
        fc.integer({ min: 0, max: 2 ** 32 }),
        (value, f) => {
          expect(mulByQ32(value, f)).toBe(Number((BigInt(value) * BigInt(f)) >> 32n));
        },
      ),
      { numRuns: 5000 },
    );
    expect(mulByQ32(2 ** 40 + 3, 2 ** 31)).toBe(Number(((2n ** 40n + 3n) * 2n ** 31n) >> 32n));
  });

  it('property: any sequence of decays and bumps stays an integer within [MinBurn, MaxBurn]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_BURN, max: MAX_BURN }),
        fc.array(fc.oneof(fc.constant('block' as const), fc.constant('register' as const)), {
          maxLength: 300,
        }),
        fc.integer({ min: 1, max: 36_100 }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        (start, events, halfLife, mult) => {
          const f = burnDecayFactorQ32(halfLife);
          let burn = start;
          for (const event of events) {
            burn =
              event === 'block'
                ? decayBurn(burn, f, MIN_BURN, MAX_BURN)
                : bumpBurn(burn, mult, MIN_BURN, MAX_BURN);
            expect(Number.isInteger(burn)).toBe(true);
            expect(burn).toBeGreaterThanOrEqual(MIN_BURN);
            expect(burn).toBeLessThanOrEqual(MAX_BURN);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
