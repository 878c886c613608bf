import { describe, expect, it } from 'vitest';
import {
  div64,
  fromF64To64,
  fromInt64,
  mul64,
  ONE_64,
  toI32F32,
  toU64From64,
} from '../../../src/engine/fixed/i64f64.ts';

describe('I64F64', () => {
  it('division truncates toward zero; ÷0 → 0', () => {
    expect(div64(fromInt64(1), fromInt64(3))).toBe((1n << 64n) / 3n);
    expect(div64(fromInt64(-1), fromInt64(3))).toBe(-((1n << 64n) / 3n));
    expect(div64(fromInt64(7), 0n)).toBe(0n);
  });

  it('multiplication floors', () => {
    expect(mul64(3n, ONE_64 >> 1n)).toBe(1n);
    expect(mul64(-3n, ONE_64 >> 1n)).toBe(-2n);
  });

  it('to I32F32 and to u64 floor', () => {
    expect(toI32F32(div64(fromInt64(1), fromInt64(3)))).toBe(1431655765n);
    expect(toU64From64(fromF64To64(41.99))).toBe(41n);
    expect(toU64From64(fromInt64(-2))).toBe(0n);
  });
});
