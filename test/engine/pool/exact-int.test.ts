import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floorMulDiv } from '../../../src/engine/pool/exact-int.ts';

/** floorMulDiv against BigInt: exact wherever the operands and the result are safe integers. */
const safe = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

describe('floorMulDiv', () => {
  it('equals BigInt floor((a·b − minus)/c) when the result is a safe integer', () => {
    fc.assert(
      fc.property(
        safe,
        safe,
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.nat(100),
        (a, b, c, m) => {
          const exact = (BigInt(a) * BigInt(b) - BigInt(m)) / BigInt(c);
          const floored =
            BigInt(a) * BigInt(b) - BigInt(m) < 0n && exact * BigInt(c) !== BigInt(a) * BigInt(b) - BigInt(m)
              ? exact - 1n
              : exact;
          fc.pre(floored <= BigInt(Number.MAX_SAFE_INTEGER));
          expect(floorMulDiv(a, b, c, m)).toBe(Number(floored));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('is exact on the pool sizes that overflow 2⁵³ in the product', () => {
    // x·Δy for a 4e15-rao reserve and a 1e15-rao trade is 4e30: far beyond float64's exact integers.
    const x = 4_000_000_000_000_000;
    const dy = 999_999_999_999_999;
    const y = 1_234_567_890_123_456;
    expect(floorMulDiv(x, dy, y + dy)).toBe(Number((BigInt(x) * BigInt(dy)) / BigInt(y + dy)));
  });

  it('floors exact multiples minus one to the integer below', () => {
    expect(floorMulDiv(65_535, 33, 65_535)).toBe(33);
    expect(floorMulDiv(65_535, 33, 65_535, 1)).toBe(32);
    expect(floorMulDiv(0, 33, 65_535, 1)).toBe(-1);
  });
});
