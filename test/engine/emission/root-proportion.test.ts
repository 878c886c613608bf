import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TAO_WEIGHT } from '../../../src/engine/emission/constants.ts';
import { rootProportion } from '../../../src/engine/emission/root-proportion.ts';

const TAO = 1_000_000_000;

describe('rootProportion (emissions.md §2.2)', () => {
  it('TaoWeight raw 3 320 413 933 267 719 290 / u64::MAX is 0.18', () => {
    expect(TAO_WEIGHT).toBeCloseTo(0.18, 15);
  });

  it('spec §2.2 worked example: w 0.18, R 4 000 000 TAO, I 1.68M α → 720k / 2.4M = 0.30', () => {
    expect(rootProportion(4_000_000 * TAO, 1_680_000 * TAO, 0.18)).toBeCloseTo(0.3, 12);
  });

  it('spec §9 test_root_proportion: root 1 000 TAO, alpha issuance 100 TAO, chain TaoWeight', () => {
    // w·R = 0.18 · 1e12 = 1.8e11; ρ = 1.8e11 / (1.8e11 + 1e11) = 0.642857…
    expect(rootProportion(1_000 * TAO, 100 * TAO)).toBeCloseTo(1.8 / 2.8, 12);
  });

  it('degenerate cases: no root stake → 0; nothing issued → 1; both zero → 0', () => {
    expect(rootProportion(0, 5 * TAO)).toBe(0);
    expect(rootProportion(10 * TAO, 5 * TAO, 0)).toBe(0);
    expect(rootProportion(10 * TAO, 0)).toBe(1);
    expect(rootProportion(0, 0)).toBe(0);
  });

  it('property: in [0, 1], falling as the subnet issues alpha', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e16 }),
        fc.integer({ min: 0, max: 1e16 }),
        fc.integer({ min: 1, max: 1e15 }),
        (root, issuance, more) => {
          const rho = rootProportion(root, issuance);
          expect(rho).toBeGreaterThanOrEqual(0);
          expect(rho).toBeLessThanOrEqual(1);
          expect(rootProportion(root, issuance + more)).toBeLessThanOrEqual(rho);
        },
      ),
    );
  });
});
