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
    });
  });

  it('owner cut 0: 50/50 (spec §9 test_pending_emission with ρ = 0: server 5e8)', () => {
    expect(splitAlphaOut(1_000_000_000, 0)).toEqual({
      owner: 0,
      server: 500_000_000,
      validator: 500_000_000,
    });
  });

  it('owner cut u16::MAX/65535 = 1: the owner gets the whole block (spec §9 test_owner_cut_base)', () => {
    expect(splitAlphaOut(1_000_000_000, 65535 / 65535)).toEqual({
      owner: 1_000_000_000,
      server: 0,
      validator: 0,
    });
  });

  it('gives the odd rao of an uneven half to validators', () => {
    expect(splitAlphaOut(7, 0)).toEqual({ owner: 0, server: 3, validator: 4 });
    // 0.5 cut of 9 → owner floor(4.5) = 4, rest 5 → 2 / 3.
    expect(splitAlphaOut(9, 0.5)).toEqual({ owner: 4, server: 2, validator: 3 });
  });

  it('after a halving: 0.5 alpha per block at the default cut', () => {
    // floor(5e8 · 11796 / 65535) = 89 997 711; rest 410 002 289 → 205 001 144 / 205 001 145.
    expect(splitAlphaOut(500_000_000, DEFAULT_OWNER_CUT)).toEqual({
      owner: 89_997_711,
      server: 205_001_144,
      validator: 205_001_145,
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
});
