import { describe, expect, it } from 'vitest';
import {
  checkedDiv,
  clamp,
  div,
  E_I9F23,
  exp,
  expSafe,
  fromF64,
  fromInt,
  MAX,
  MIN,
  mul,
  ONE,
  proportionToU16,
  round,
  saturatingDiv,
  toF64,
  toU16,
  toU64,
  u16ToProportion,
} from '../../../src/engine/fixed/i32f32.ts';

describe('I32F32 conversions', () => {
  it('from_num(f64) rounds to nearest, ties to even', () => {
    expect(fromF64(0.1)).toBe(429496730n); // 0.1·2³² = 429 496 729.6
    expect(fromF64(2 ** -33)).toBe(0n); // ½ raw unit → even 0
    expect(fromF64(3 * 2 ** -33)).toBe(2n); // 1.5 → 2
    expect(fromF64(5 * 2 ** -33)).toBe(2n); // 2.5 → 2
    expect(fromF64(-3 * 2 ** -33)).toBe(-2n); // −1.5 → −2
    expect(fromF64(1e30)).toBe(MAX);
    expect(fromF64(-1e30)).toBe(MIN);
  });

  it('to_num::<u16/u64> floors and saturates', () => {
    expect(toU16(fromF64(65534.999))).toBe(65534);
    expect(toU16(fromInt(70000))).toBe(65535);
    expect(toU16(fromF64(-0.5))).toBe(0);
    expect(toU64(fromF64(12.9))).toBe(12n);
    expect(toU64(fromF64(-3))).toBe(0n);
  });

  it('.round() is half away from zero', () => {
    expect(round(fromF64(2.5))).toBe(fromInt(3));
    expect(round(fromF64(-2.5))).toBe(fromInt(-3));
    expect(round(fromF64(2.4999))).toBe(fromInt(2));
  });

  it('u16 proportions: u/65535 truncated, ⌊x·65535⌋ back', () => {
    expect(u16ToProportion(65535)).toBe(ONE);
    expect(u16ToProportion(32767)).toBe((32767n << 32n) / 65535n);
    expect(proportionToU16(ONE)).toBe(65535);
    expect(proportionToU16(ONE >> 1n)).toBe(32767);
    // u16 → fraction → u16 loses 1 for most values (the truncated quotient times 65535 floors below u)
    expect(proportionToU16(u16ToProportion(12603))).toBe(12602);
    expect(toF64(ONE >> 2n)).toBe(0.25);
  });
});

describe('I32F32 arithmetic', () => {
  it('multiplication floors the wide product (also for negatives)', () => {
    expect(mul(3n, ONE >> 1n)).toBe(1n); // 1.5 raw → 1
    expect(mul(-3n, ONE >> 1n)).toBe(-2n); // −1.5 raw → −2 (floor, not truncation)
    expect(mul(-1n, ONE >> 1n)).toBe(-1n);
    expect(mul(MAX, fromInt(2))).toBe(MAX); // saturating
  });

  it('division truncates toward zero, also for negatives', () => {
    expect(div(fromInt(1), fromInt(3))).toBe(1431655765n); // 2³²/3 = 1 431 655 765.33
    expect(div(fromInt(-1), fromInt(3))).toBe(-1431655765n); // truncation (floor would be …766)
    expect(div(fromInt(2), fromInt(-3))).toBe(-2863311530n);
  });

  it('safe_div gives 0 on ÷0 and on overflow; saturating_div saturates', () => {
    expect(div(fromInt(5), 0n)).toBe(0n);
    expect(checkedDiv(fromInt(5), 0n)).toBeUndefined();
    expect(div(MAX, 1n)).toBe(0n); // overflow
    expect(saturatingDiv(MAX, 1n)).toBe(MAX);
    expect(saturatingDiv(fromInt(1000), fromInt(-100))).toBe(fromInt(-10));
  });

  it('⌊I32F32(1/10)·10⁹⌋ = 99 999 999 (test_10_graph): the quotient is truncated below 0.1', () => {
    const tenth = div(ONE, fromInt(10));
    expect(tenth).toBe(429496729n);
    expect(toU64(mul(tenth, fromInt(1_000_000_000)))).toBe(99_999_999n);
    // from_num(0.1) rounds up instead, and gives the full 10⁸
    expect(toU64(mul(fromF64(0.1), fromInt(1_000_000_000)))).toBe(100_000_000n);
  });

  it('clamp applies .min(high) then .max(low)', () => {
    expect(clamp(fromInt(5), 0n, ONE)).toBe(ONE);
    expect(clamp(fromInt(-5), 0n, ONE)).toBe(0n);
    expect(clamp(ONE >> 1n, 0n, ONE)).toBe(ONE >> 1n);
  });
});

describe('exp (substrate_fixed Taylor series to x³¹/31!, reciprocal for negative input)', () => {
  // Raw values from an independent re-execution of transcendental::exp (Python integers).
  it('reproduces the series bit for bit', () => {
    expect(exp(fromInt(2))).toBe(31735754285n);
    expect(exp(fromInt(-5))).toBe(28939262n);
    expect(exp(fromF64(0.5))).toBe(7081203935n);
    expect(exp(fromInt(-1))).toBe(1580030169n);
    expect(exp(fromInt(20))).toBe(2066907302758576256n);
    expect(exp(fromInt(-20))).toBe(8n);
  });

  it('special cases: exp(0) = 1 and exp(1) = e truncated to I9F23', () => {
    expect(exp(0n)).toBe(ONE);
    expect(exp(ONE)).toBe(E_I9F23);
    expect(E_I9F23).toBe(22802600n << 9n);
  });

  it('is close to e^x for |x| ≤ 5 but ~0.8 % low at 20 (31 terms are too few there)', () => {
    for (const x of [-5, -2.5, -0.3, 0.7, 2, 3.3, 5]) {
      const got = toF64(exp(fromF64(x))!);
      expect(Math.abs(got / Math.exp(x) - 1)).toBeLessThan(2e-7);
    }
    expect(toF64(exp(fromInt(20))!)).toBeCloseTo(481239357.67416286, 4);
    expect(toF64(exp(fromInt(20))!)).toBeLessThan(Math.exp(20) * 0.992);
  });

  it('exp_safe clamps the input to [−20, 20]', () => {
    expect(expSafe(fromInt(100))).toBe(exp(fromInt(20)));
    expect(expSafe(fromInt(-100))).toBe(8n);
  });
});
