import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEE_RATE, swapFee } from '../../../src/engine/pool/fee.ts';

/** The chain's fee, calculate_fee_amount (pallets/swap impls.rs): U64F64(amount)·(U64F64(r)/U64F64(65535)), floored. */
function chainFee(amount: number, r: number): number {
  const rateBits = (BigInt(r) << 64n) / 65_535n; // U64F64 division truncates
  return Number((BigInt(amount) * rateBits) >> 64n); // multiplication and to_num floor
}

describe('swapFee', () => {
  it('is 33/65535 of the input, floored, by default (test_swap_basic amounts)', () => {
    expect(DEFAULT_FEE_RATE).toBe(33 / 65_535);
    for (const amount of [1_000, 2_000, 123_456, 1e9, 1e10]) {
      expect(swapFee(amount, DEFAULT_FEE_RATE)).toBe(Math.floor((amount * 33) / 65_535));
    }
    expect(swapFee(1e9, DEFAULT_FEE_RATE)).toBe(503_547);
  });

  it("pays one rao less where amount·r is a multiple of 65535, as the chain's truncated U64F64 rate does", () => {
    expect(swapFee(65_535, DEFAULT_FEE_RATE)).toBe(32);
    expect(swapFee(21_845, DEFAULT_FEE_RATE)).toBe(10);
    expect(swapFee(21_846, DEFAULT_FEE_RATE)).toBe(11);
    expect(chainFee(65_535, 33)).toBe(32);
  });

  it('equals the chain fee for every u16 rate and amount up to 2⁵³ rao (≈ 9·10⁶ TAO)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 10_000 }),
        (amount, r) => {
          expect(swapFee(amount, r / 65_535)).toBe(chainFee(amount, r));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('floors other fractions as given, and is 0 for a zero rate or input', () => {
    expect(swapFee(1_000, 0.003)).toBe(3);
    expect(swapFee(999, 0.003)).toBe(2);
    expect(swapFee(1_000, 0)).toBe(0);
    expect(swapFee(0, DEFAULT_FEE_RATE)).toBe(0);
  });
});
