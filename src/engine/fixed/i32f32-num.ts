/**
 * I32F32 on raw bits held in a double (value · 2³² as an integer-valued number) instead of a bigint:
 * exact while every operand and result is an integer of magnitude < 2⁵³, which holds for the epoch's
 * fractions (|raw| ≤ a few · 2³²). Each function returns exactly what its i32f32.ts namesake returns
 * (same floors, truncations, ÷0 and overflow rules); outside its fast range it computes with the bigint
 * version, so the result is still exact whenever it is below 2⁵³ in magnitude. Results are never −0.
 *
 * Exactness rests on two facts about doubles: products and sums of integers are exact below 2⁵³, and
 * for integers 0 ≤ a < 2⁵³, b ≥ 1, Math.floor(a / b) = ⌊a/b⌋ (the rounding error of a/b is below 1/b,
 * the least distance from a non-integer quotient to the next integer, so it never crosses one).
 */
import { div, mul } from './i32f32.ts';

export const TWO16 = 65536;
export const TWO32 = 2 ** 32;
/** |a|, |b| ≤ 2⁴⁰ keeps |a·b| ≤ 2⁸⁰, where mulRaw's rounding argument holds. */
const MUL_LIMIT = 2 ** 40;
/** Largest integer a double holds exactly, plus one. */
const SAFE = 2 ** 53;
const INV32 = 2 ** -32;

/**
 * `mul`: ⌊a·b / 2³²⌋. With P = a·b (exact integer) and L = P mod 2³² (Math.imul gives the low 32 bits of
 * the product of the operands mod 2³², also for negatives), the result is (P − L)/2³², an integer. The
 * double product and the subtraction each err by at most half an ulp (≤ 2²⁷ for |P| ≤ 2⁸⁰), so the scaled
 * difference is within 2⁻⁴ of that integer and Math.round recovers it exactly.
 */
export function mulRaw(a: number, b: number): number {
  if (a > MUL_LIMIT || a < -MUL_LIMIT || b > MUL_LIMIT || b < -MUL_LIMIT)
    return Number(mul(BigInt(a), BigInt(b)));
  return Math.round((a * b - (Math.imul(a, b) >>> 0)) * INV32) + 0;
}

/**
 * `safe_div`: trunc(a·2³² / b), 0 on ÷0. Long division in base 2¹⁶ (base 2¹¹ for 2³⁷ < |b| ≤ 2⁴²): the
 * integer part ⌊|a|/|b|⌋, then each digit ⌊r·base/|b|⌋ with r·base < |b|·base ≤ 2⁵³, remainders exact.
 * Quotients ≥ 2²⁰ (result near 2⁵³) and larger operands go to the bigint division.
 */
export function divRaw(a: number, b: number): number {
  if (b === 0) return 0;
  const x = a < 0 ? -a : a;
  const y = b < 0 ? -b : b;
  if (x >= SAFE || y > 2 ** 42) return Number(div(BigInt(a), BigInt(b)));
  const q = Math.floor(x / y);
  if (q >= 2 ** 20) return Number(div(BigInt(a), BigInt(b)));
  let r = x - q * y;
  let res: number;
  if (y <= 2 ** 37) {
    r *= TWO16;
    const q2 = Math.floor(r / y);
    r = (r - q2 * y) * TWO16;
    res = q * TWO32 + q2 * TWO16 + Math.floor(r / y);
  } else {
    r *= 2048;
    const q2 = Math.floor(r / y);
    r = (r - q2 * y) * 2048;
    const q3 = Math.floor(r / y);
    r = (r - q3 * y) * 1024;
    res = q * TWO32 + q2 * 2 ** 21 + q3 * 1024 + Math.floor(r / y);
  }
  return a < 0 !== b < 0 ? 0 - res : res;
}

/** ⌊u·2³²/s⌋ for integers 0 ≤ u ≤ s: `safe_div(fromInt(u), fromInt(s))` (the 2³² factors cancel). */
export function intRatioRaw(u: number, s: number): number {
  if (s === 0) return 0;
  const a = u * TWO32;
  return a < SAFE ? Math.floor(a / s) : divRaw(u, s);
}

/** Chain `fixed_proportion_to_u16` of raw x: ⌊⌊x·65535·2³²/2³²⌋/2³²⌋ = ⌊x·65535/2³²⌋, clamped to u16. */
export function proportionToU16Raw(x: number): number {
  if (x <= 0) return 0;
  const q = Math.floor(x * 65535 * INV32);
  return q > 65535 ? 65535 : q;
}

/** |x| up to which expRaw computes on doubles: terms ≤ e⁸·2³² < 2⁴⁴, products term·|x| < 2⁸⁰. */
export const EXP_RAW_LIMIT = 8 * TWO32;

/**
 * substrate_fixed `exp` (as `exp` in i32f32.ts) for |x| ≤ EXP_RAW_LIMIT: the same 31-term Taylor sum
 * with floor products and truncated ÷i, 1/result for negative x. In that range nothing overflows, so it
 * never errs; a term that reaches 0 stays 0, so the loop stops there. Undefined outside the range.
 */
export function expRaw(x: number): number | undefined {
  if (x === 0) return TWO32;
  if (x === TWO32) return E_I9F23_RAW;
  const operand = x < 0 ? -x : x;
  if (operand > EXP_RAW_LIMIT) return undefined;
  let result = operand + TWO32;
  let term = operand;
  for (let i = 2; i < 32 && term !== 0; i++) {
    term = Math.floor(mulRaw(term, operand) / i); // ⌊t/i⌋: t < 2⁵³
    result += term;
  }
  return x < 0 ? divRaw(TWO32, result) : result;
}

const E_I9F23_RAW = 22802600 * 512;

/**
 * divRaw(x, y) for 0 ≤ x ≤ min(2⁴⁰, 2⁸·y) and 0 < y ≤ 2⁴² with inv = 2³²/y precomputed (one divisor,
 * many dividends: column normalisation). q₀ = ⌊x·inv⌋ is within 1 of q = ⌊x·2³²/y⌋ (relative error
 * ≤ 2⁻⁵² on a quotient ≤ 2⁴⁰); the remainder x·2³² − q₀·y is computed exactly from q₀·y's high and low words
 * (as in mulRaw: |q₀·y| ≤ 2⁸²) and fixes q₀ by one step. Other operands go to divRaw.
 */
export function divByRaw(x: number, y: number, inv: number): number {
  if (x < 0 || x > 2 ** 40 || !(y > 0 && y <= 2 ** 42) || x > y * 256) return divRaw(x, y);
  const q = Math.floor(x * inv);
  const low = Math.imul(q, y) >>> 0;
  const high = Math.round((q * y - low) * INV32);
  const r = (x - high) * TWO32 - low;
  return r < 0 ? q - 1 : r >= y ? q + 1 : q;
}
