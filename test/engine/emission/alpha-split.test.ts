import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAlphaOut } from '../../../src/engine/emission/alpha-split.ts';

const DEFAULT_OWNER_CUT = 11796 / 65535; // SubnetOwnerCut default (emissions.md §3, ≈ 18 %)

describe('splitAlphaOut', () => {
  it('takes the default owner cut first, then halves the rest (emissions.md §1 step g)', () => {
    // floor(1e9 · 11796 / 65535) = 179 995 422 (integer arithmetic); 1e9 − that = 820 004 578, halved.
    expect(splitAlphaOut(1_000_000_000, DEFAULT_OWNER_CUT)).toEqual({
      owner: 179_995_422,
      server: 410_002_289,
      validator: 410_002_289,
      root: 0,
    });
  });

  it('owner cut 0: 50/50 (spec §9 test_pending_emission with ρ = 0: server 5e8)', () => {
    expect(splitAlphaOut(1_000_000_000, 0)).toEqual({
      owner: 0,
      server: 500_000_000,
      validator: 500_000_000,
      root: 0,
    });
  });

  it('owner cut u16::MAX/65535 = 1: the owner gets the whole block (spec §9 test_owner_cut_base)', () => {
    expect(splitAlphaOut(1_000_000_000, 65535 / 65535)).toEqual({
      owner: 1_000_000_000,
      server: 0,
      validator: 0,
      root: 0,
    });
  });

  it('gives the odd rao of an uneven half to validators', () => {
    expect(splitAlphaOut(7, 0)).toEqual({ owner: 0, server: 3, validator: 4, root: 0 });
    // 0.5 cut of 9 → owner floor(4.5) = 4, rest 5 → 2 / 3.
    expect(splitAlphaOut(9, 0.5)).toEqual({ owner: 4, server: 2, validator: 3, root: 0 });
  });

  it('after a halving: 0.5 alpha per block at the default cut', () => {
    // floor(5e8 · 11796 / 65535) = 89 997 711; rest 410 002 289 → 205 001 144 / 205 001 145.
    expect(splitAlphaOut(500_000_000, DEFAULT_OWNER_CUT)).toEqual({
      owner: 89_997_711,
      server: 205_001_144,
      validator: 205_001_145,
      root: 0,
    });
  });

  it('property: integer, non-negative parts that sum to the whole; halves differ by at most 1 rao', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.oneof(
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.integer({ min: 0, max: 65535 }).map((u) => u / 65535),
        ),
        (alphaOut, cut) => {
          const { owner, server, validator } = splitAlphaOut(alphaOut, cut);
          for (const part of [owner, server, validator]) {
            expect(Number.isInteger(part)).toBe(true);
            expect(part).toBeGreaterThanOrEqual(0);
          }
          expect(owner + server + validator).toBe(alphaOut);
          expect(owner).toBe(Math.floor(alphaOut * cut));
          expect(validator - server).toBeGreaterThanOrEqual(0);
          expect(validator - server).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('spec §9 test_pending_emission: A = 1e9, cut 0, ρ = 0.25 → server 5e8, validator 3.75e8, root 1.25e8', () => {
    // a = 1e9; server = 1e9/2; root = 0.25 · 1e9 / 2 = 125 000 000; validator = 5e8 − 1.25e8.
    expect(splitAlphaOut(1_000_000_000, 0, 0.25)).toEqual({
      owner: 0,
      server: 500_000_000,
      validator: 375_000_000,
      root: 125_000_000,
    });
  });

  it('spec §4.3 example D: A = 1 α, cut 11796/65535, ρ 0.3 → 0.17999 / 0.41 / 0.123 / 0.287 (spec rounds to 5 decimals)', () => {
    // owner ⌊1e9·11796/65535⌋ = 179 995 422; a = 820 004 578; server = 410 002 289;
    // root = ⌊0.3 · 820 004 578 / 2⌋ = ⌊123 000 686.7⌋ = 123 000 686; validator = 410 002 289 − 123 000 686.
    const split = splitAlphaOut(1_000_000_000, DEFAULT_OWNER_CUT, 0.3);
    expect(split).toEqual({
      owner: 179_995_422,
      server: 410_002_289,
      root: 123_000_686,
      validator: 287_001_603,
    });
    expect(split.owner / 1e9).toBeCloseTo(0.17999, 4);
    expect(split.server / 1e9).toBeCloseTo(0.41, 4);
    expect(split.root / 1e9).toBeCloseTo(0.123, 4);
    expect(split.validator / 1e9).toBeCloseTo(0.287, 4);
  });

  it('ρ = 1 gives the whole validator half to root, except the odd rao', () => {
    expect(splitAlphaOut(1_000_000_000, 0, 1)).toEqual({ owner: 0, server: 5e8, validator: 0, root: 5e8 });
    // a = 7: server 3, root ⌊3.5⌋ = 3, validator 1.
    expect(splitAlphaOut(7, 0, 1)).toEqual({ owner: 0, server: 3, validator: 1, root: 3 });
  });

  it('writes into the out object when given and returns it', () => {
    const out = { owner: -1, server: -1, validator: -1, root: -1 };
    expect(splitAlphaOut(1_000_000_000, 0, 0.25, out)).toBe(out);
    expect(out).toEqual({ owner: 0, server: 500_000_000, validator: 375_000_000, root: 125_000_000 });
  });

  it('property: with a root proportion the four integer parts sum to alphaOut and root ≤ the validator half', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 0, max: 65535 }).map((u) => u / 65535),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (alphaOut, cut, rho) => {
          const { owner, server, validator, root } = splitAlphaOut(alphaOut, cut, rho);
          for (const part of [owner, server, validator, root]) {
            expect(Number.isInteger(part)).toBe(true);
            expect(part).toBeGreaterThanOrEqual(0);
          }
          expect(owner + server + validator + root).toBe(alphaOut);
          const rest = alphaOut - owner;
          expect(server).toBe(Math.floor(rest / 2));
          expect(Math.abs(root - rho * (rest / 2))).toBeLessThan(1);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
