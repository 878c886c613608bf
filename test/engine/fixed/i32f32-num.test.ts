/** I32F32 on raw bits held in doubles (i32f32-num.ts) against the bigint reference (i32f32.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { div, exp, mul, proportionToU16 } from '../../../src/engine/fixed/i32f32.ts';
import {
  divByRaw,
  divRaw,
  EXP_RAW_LIMIT,
  expRaw,
  intRatioRaw,
  mulRaw,
  proportionToU16Raw,
} from '../../../src/engine/fixed/i32f32-num.ts';

const SAFE = 2 ** 53 - 1;
const T32 = 2 ** 32;

/** Integers a double holds exactly, weighted towards the epoch's ranges and the functions' edges. */
const arbRaw = fc.oneof(
  fc.constantFrom(
    0,
    1,
    -1,
    2,
    T32,
    T32 - 1,
    T32 + 1,
    -T32,
    2 ** 34,
    2 ** 37,
    2 ** 40,
    -(2 ** 40),
    2 ** 42,
    SAFE,
    -SAFE,
  ),
  fc.integer({ min: -T32, max: T32 }),
  fc.integer({ min: 0, max: 2 ** 20 }),
  fc.double({ min: -(2 ** 41), max: 2 ** 41, noNaN: true }).map(Math.trunc),
  fc.double({ min: -SAFE, max: SAFE, noNaN: true }).map(Math.trunc),
  fc.integer({ min: -(2 ** 16), max: 2 ** 16 }).map((k) => k + T32 * Math.sign(k)),
);

/** The bigint result as a number when it is exact in a double (the only claim the number path makes). */
function exactNumber(r: bigint): number | undefined {
  return r > BigInt(SAFE) || r < -BigInt(SAFE) ? undefined : Number(r);
}

describe('I32F32 on doubles equals the bigint version', () => {
  it('mulRaw is mul (floor product) wherever the result is below 2⁵³, never −0', () => {
    fc.assert(
      fc.property(arbRaw, arbRaw, (a, b) => {
        const want = exactNumber(mul(BigInt(a) + 0n, BigInt(b) + 0n));
        if (want === undefined) return;
        const got = mulRaw(a + 0, b + 0);
        expect(got).toBe(want);
        expect(Object.is(got, -0)).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });

  it('mulRaw edges: floor for negatives, 1·x, the limits of the fast path', () => {
    expect(mulRaw(-1, 1)).toBe(-1); // −2⁻⁶⁴ floors to −1 raw
    expect(mulRaw(-1, 0)).toBe(0);
    expect(Object.is(mulRaw(-5, 0), -0)).toBe(false);
    expect(mulRaw(T32, 12345)).toBe(12345);
    expect(mulRaw(T32 + 1, T32 - 1)).toBe(T32 - 1); // (2⁶⁴ − 1) >> 32
    for (const [a, b] of [
      [2 ** 40, 2 ** 40],
      [2 ** 40 + 1, 2 ** 40 - 1],
      [-(2 ** 40), 2 ** 40 - 3],
      [2 ** 41, 2 ** 39 + 7],
    ])
      expect(mulRaw(a, b)).toBe(Number(mul(BigInt(a), BigInt(b))));
  });

  it('divRaw is safe_div (truncating, 0 on ÷0) wherever the result is below 2⁵³, never −0', () => {
    fc.assert(
      fc.property(arbRaw, arbRaw, (a, b) => {
        const want = exactNumber(div(BigInt(a) + 0n, BigInt(b) + 0n));
        if (want === undefined) return;
        const got = divRaw(a + 0, b + 0);
        expect(got).toBe(want);
        expect(Object.is(got, -0)).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });

  it('divRaw edges: ÷0, truncation toward zero, each long-division branch', () => {
    expect(divRaw(5, 0)).toBe(0);
    expect(divRaw(-1, T32 + 1)).toBe(0);
    expect(Object.is(divRaw(-1, T32 + 1), -0)).toBe(false);
    expect(divRaw(-1, 3)).toBe(-1431655765);
    expect(divRaw(1, 3)).toBe(1431655765);
    for (const [a, b] of [
      [T32, 3],
      [2 ** 37, 2 ** 37], // base 2¹⁶
      [2 ** 37 + 1, 2 ** 37 + 1], // base 2¹¹
      [2 ** 42 - 1, 2 ** 42],
      [2 ** 42, 2 ** 42 + 1], // bigint
      [2 ** 52, 3], // quotient ≥ 2²⁰: bigint
      [2 ** 19 * T32 - 1, T32],
    ])
      expect(divRaw(a, b)).toBe(Number(div(BigInt(a), BigInt(b))));
  });

  it('intRatioRaw(u, s) is safe_div(fromInt(u), fromInt(s)) for u ≤ s', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (x, y) => {
          const [u, s] = x <= y ? [x, y] : [y, x];
          expect(intRatioRaw(u, s)).toBe(Number(div(BigInt(u) << 32n, BigInt(s) << 32n)));
        },
      ),
      { numRuns: 5000 },
    );
    expect(intRatioRaw(0, 0)).toBe(0);
    expect(intRatioRaw(65535, 65535)).toBe(T32);
    expect(intRatioRaw(2 ** 21, 2 ** 21 + 1)).toBe(Number(div(2n ** 53n, (2n ** 21n + 1n) << 32n)));
  });

  it('proportionToU16Raw is fixed_proportion_to_u16 on [−2³⁷, 2³⁷]', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 37), max: 2 ** 37 }), (x) => {
        expect(proportionToU16Raw(x)).toBe(proportionToU16(BigInt(x)));
      }),
      { numRuns: 5000 },
    );
    for (const x of [0, -1, 1, T32, T32 - 1, T32 + 1, 2 * T32, 65536, 65537])
      expect(proportionToU16Raw(x)).toBe(proportionToU16(BigInt(x)));
  });

  it('expRaw is exp (31 floored terms, 1/result below 0) on [−8, 8], undefined beyond', () => {
    fc.assert(
      fc.property(fc.integer({ min: -EXP_RAW_LIMIT, max: EXP_RAW_LIMIT }), (x) => {
        expect(expRaw(x)).toBe(Number(exp(BigInt(x))));
      }),
      { numRuns: 3000 },
    );
    for (const x of [
      0,
      1,
      -1,
      T32,
      -T32,
      T32 + 1,
      T32 / 2,
      EXP_RAW_LIMIT,
      -EXP_RAW_LIMIT,
      5 * T32,
      -5 * T32 - 3,
    ])
      expect(expRaw(x)).toBe(Number(exp(BigInt(x))));
    expect(expRaw(EXP_RAW_LIMIT + 1)).toBeUndefined();
    expect(expRaw(-EXP_RAW_LIMIT - 1)).toBeUndefined();
  });

  it('divByRaw(x, y, 2³²/y) is divRaw(x, y): exact on its range, divRaw elsewhere', () => {
    const arbX = fc.oneof(
      fc.integer({ min: 0, max: T32 }),
      fc.double({ min: 0, max: 2 ** 40, noNaN: true }).map(Math.trunc),
    );
    const arbY = fc.oneof(
      fc.integer({ min: 1, max: T32 }),
      fc.double({ min: 1, max: 2 ** 42, noNaN: true }).map(Math.trunc),
      fc.constantFrom(1, 3, 2 ** 37, 2 ** 37 + 1, 2 ** 42, 2 ** 42 + 1, 0),
    );
    fc.assert(
      fc.property(fc.oneof(arbX, arbRaw), arbY, (x, y) => {
        const want = exactNumber(div(BigInt(x) + 0n, BigInt(y)));
        if (want !== undefined) expect(divByRaw(x + 0, y, T32 / y)).toBe(want);
      }),
      { numRuns: 20_000 },
    );
    expect(divByRaw(2 ** 40, 1, T32)).toBe(Number(div(2n ** 40n, 1n)));
    expect(divByRaw(T32 - 1, T32, 1)).toBe(T32 - 1);
  });
});
