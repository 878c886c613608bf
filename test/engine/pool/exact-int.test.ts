import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floorMulDiv } from '../../../src/engine/pool/exact-int.ts';

/** floorMulDiv against BigInt: exact wherever the operands and the result are safe integers. */
const safe = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

/** The next double above integer x, from its bits (an integer too, as |x| ≥ 2⁵³ there). */
function nextUp(x: number): number {
  if (Math.abs(x) < 2 ** 53) return x + 1;
  const bits = new BigInt64Array(new Float64Array([x]).buffer);
  bits[0] += x > 0 ? 1n : -1n;
  return new Float64Array(bits.buffer)[0];
}

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

  it('beyond 2⁵³ (operands or result), gives the largest double at most the exact floor', () => {
    // The reserves of a pool past ~9 million whole units; the float quotient used to round up here
    // (e.g. the counterexample below, one rao above the floor).
    const big = fc.integer({ min: 1, max: 2 ** 60 });
    const check = (a: number, b: number, c: number, m: number) => {
      const numerator = BigInt(a) * BigInt(b) - BigInt(m);
      let floor = numerator / BigInt(c);
      if (numerator % BigInt(c) < 0n) floor -= 1n;
      const ours = floorMulDiv(a, b, c, m);
      expect(Number.isInteger(ours)).toBe(true);
      expect(BigInt(ours) <= floor).toBe(true);
      // The largest such double: the next one up is above the floor.
      expect(BigInt(nextUp(ours)) > floor).toBe(true);
    };
    check(4_304_312_427_505_456, 950_303_229_107_947, 8_964_839_458_469_433 + 950_303_229_107_947, 0);
    expect(floorMulDiv(4_304_312_427_505_456, 950_303_229_107_947, 9_915_142_687_577_380)).toBe(
      412_540_911_193_616,
    );
    fc.assert(fc.property(big, big, big, fc.nat(100), check), { numRuns: 3000 });
    // Results past 2⁵³ that sit just above a double: rounded down, never up.
    check(2 ** 62 - 1, 2 ** 10 + 1, 3, 0);
    check(2 ** 60 + 3, 7, 1, 0);
    check(500_399_958_596_722, 18, 1, 1); // safe operands, a result of 2⁵³ + 3 (the nearest double is above it)
  });

  it('floors exact multiples minus one to the integer below', () => {
    expect(floorMulDiv(65_535, 33, 65_535)).toBe(33);
    expect(floorMulDiv(65_535, 33, 65_535, 1)).toBe(32);
    expect(floorMulDiv(0, 33, 65_535, 1)).toBe(-1);
  });
});
