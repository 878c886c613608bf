/**
 * I64F64 fixed point (substrate_fixed), used by the chain for the stake normalisation (§3.2) and for
 * BondsMovingAverage/10⁶ (§3.11): a bigint holding value · 2⁶⁴ in the signed 128-bit range.
 * Same rules as I32F32 (i32f32.ts): multiplication floors, division truncates toward zero, safe_div
 * gives 0 on ÷0/overflow, conversions to integers or to I32F32 floor (saturating).
 */
import { fromF64Raw, type I32F32, saturate as saturate32 } from './i32f32.ts';

/** Raw bits of an I64F64 (value · 2⁶⁴). */
export type I64F64 = bigint;

export const FRAC_BITS_64 = 64n;
export const ONE_64: I64F64 = 1n << FRAC_BITS_64;
export const MAX_64: I64F64 = (1n << 127n) - 1n;
export const MIN_64: I64F64 = -(1n << 127n);
const U64_MAX = (1n << 64n) - 1n;

/** Clamp raw bits to the signed 128-bit range. */
export function saturate64(raw: bigint): I64F64 {
  return raw > MAX_64 ? MAX_64 : raw < MIN_64 ? MIN_64 : raw;
}

/** An integer as I64F64 (exact, saturating). */
export function fromInt64(n: number | bigint): I64F64 {
  return saturate64(BigInt(n) << FRAC_BITS_64);
}

/** A double as I64F64 (`from_num(f64)`): rounds to nearest, ties to even; saturating; NaN → 0. */
export function fromF64To64(x: number): I64F64 {
  return fromF64Raw(x, 64, MIN_64, MAX_64);
}

/** a + b, saturating. */
export function add64(a: I64F64, b: I64F64): I64F64 {
  return saturate64(a + b);
}

/** a · b: wide product shifted right 64 bits (floor), saturating. */
export function mul64(a: I64F64, b: I64F64): I64F64 {
  return saturate64((a * b) >> FRAC_BITS_64);
}

/** `safe_div`: (a·2⁶⁴)/b truncated toward zero; 0 on ÷0 or overflow. */
export function div64(a: I64F64, b: I64F64): I64F64 {
  if (b === 0n) return 0n;
  const r = (a << FRAC_BITS_64) / b;
  return r > MAX_64 || r < MIN_64 ? 0n : r;
}

/** `saturating_to_num::<u64>()`: floor, clamped to [0, 2⁶⁴−1]. */
export function toU64From64(a: I64F64): bigint {
  const q = a >> FRAC_BITS_64;
  return q < 0n ? 0n : q > U64_MAX ? U64_MAX : q;
}

/** `I32F32::saturating_from_num(I64F64)`: drops 32 fractional bits (floor), saturating. */
export function toI32F32(a: I64F64): I32F32 {
  return saturate32(a >> 32n);
}

/** The value as a double (rounded). */
export function toF64From64(a: I64F64): number {
  return Number(a) / 2 ** 64;
}
