/**
 * I32F32 fixed point as the chain computes it (substrate_fixed, spec §4): a value is a bigint holding
 * the raw bits, i.e. value · 2³², in the signed 64-bit range. Every fraction of the epoch is one.
 *
 * Rules (substrate_fixed `arith.rs`, `transcendental.rs`; subtensor `safe_math`):
 * multiplication floors (wide product, arithmetic shift right); division truncates toward zero;
 * `safe_div` gives 0 on ÷0 and on overflow; `saturating_*` clamp to the range; float→fixed rounds to
 * nearest, ties to even; `.round()` is half away from zero; `to_num::<u16/u64>` floors (saturating).
 */

/** Raw bits of an I32F32 (value · 2³²). */
export type I32F32 = bigint;

export const FRAC_BITS = 32n;
export const ONE: I32F32 = 1n << FRAC_BITS;
export const ZERO: I32F32 = 0n;
export const MAX: I32F32 = (1n << 63n) - 1n;
export const MIN: I32F32 = -(1n << 63n);
const U16_MAX = 65535n;
const U64_MAX = (1n << 64n) - 1n;

/** Clamp raw bits to the signed 64-bit range (the `saturating_` variants). */
export function saturate(raw: bigint): I32F32 {
  return raw > MAX ? MAX : raw < MIN ? MIN : raw;
}

/** An integer as I32F32 (`saturating_from_num` of an integer: exact, saturating). */
export function fromInt(n: number | bigint): I32F32 {
  return saturate(BigInt(n) << FRAC_BITS);
}

/**
 * A double scaled by 2^fracBits, rounded to nearest with ties to even (substrate_fixed `from_num(f64)`),
 * then saturated; NaN → 0. Shared by every width: the scaling is exact, so is the rounding.
 */
export function fromF64Raw(x: number, fracBits: number, min: bigint, max: bigint): bigint {
  if (Number.isNaN(x)) return 0n;
  const scaled = x * 2 ** fracBits; // exact: scaling by a power of two
  if (!Number.isFinite(scaled)) return scaled > 0 ? max : min;
  const floor = Math.floor(scaled);
  const rest = scaled - floor; // exact for doubles
  let q = BigInt(floor);
  if (rest > 0.5 || (rest === 0.5 && (q & 1n) === 1n)) q += 1n;
  return q > max ? max : q < min ? min : q;
}

/** A double as I32F32 (`from_num(f64)`): rounds to nearest, ties to even; saturating; NaN → 0. */
export function fromF64(x: number): I32F32 {
  return fromF64Raw(x, 32, MIN, MAX);
}

/** The value as a double (exact while |raw| ≤ 2⁵³, i.e. for every fraction in the epoch). */
export function toF64(a: I32F32): number {
  return Number(a) / 2 ** 32;
}

/** a + b, saturating. */
export function add(a: I32F32, b: I32F32): I32F32 {
  return saturate(a + b);
}

/** a − b, saturating. */
export function sub(a: I32F32, b: I32F32): I32F32 {
  return saturate(a - b);
}

/** a · b: wide product shifted right 32 bits (floor, also for negatives), saturating. */
export function mul(a: I32F32, b: I32F32): I32F32 {
  return saturate((a * b) >> FRAC_BITS);
}

/** `checked_mul`: a · b floored, or undefined on overflow. */
export function checkedMul(a: I32F32, b: I32F32): I32F32 | undefined {
  const r = (a * b) >> FRAC_BITS;
  return r > MAX || r < MIN ? undefined : r;
}

/** `checked_div`: (a·2³²)/b truncated toward zero, or undefined on ÷0 or overflow. */
export function checkedDiv(a: I32F32, b: I32F32): I32F32 | undefined {
  if (b === 0n) return undefined;
  const r = (a << FRAC_BITS) / b;
  return r > MAX || r < MIN ? undefined : r;
}

/** `safe_div`: a / b truncated toward zero; 0 on ÷0 or overflow. */
export function div(a: I32F32, b: I32F32): I32F32 {
  return checkedDiv(a, b) ?? 0n;
}

/** `saturating_div`: a / b truncated toward zero, saturating on overflow; ÷0 saturates by sign (0/0 → 0). */
export function saturatingDiv(a: I32F32, b: I32F32): I32F32 {
  if (b === 0n) return a > 0n ? MAX : a < 0n ? MIN : 0n;
  return saturate((a << FRAC_BITS) / b);
}

/** `.round()`: to the nearest integer, halves away from zero (result still I32F32). */
export function round(a: I32F32): I32F32 {
  const half = ONE >> 1n;
  const mag = a < 0n ? -a : a;
  const r = ((mag + half) >> FRAC_BITS) << FRAC_BITS;
  return saturate(a < 0n ? -r : r);
}

/** `saturating_to_num::<u16>()`: floor, clamped to [0, 65535]. */
export function toU16(a: I32F32): number {
  const q = a >> FRAC_BITS;
  return Number(q < 0n ? 0n : q > U16_MAX ? U16_MAX : q);
}

/** `saturating_to_num::<u64>()`: floor, clamped to [0, 2⁶⁴−1] (as bigint). */
export function toU64(a: I32F32): bigint {
  const q = a >> FRAC_BITS;
  return q < 0n ? 0n : q > U64_MAX ? U64_MAX : q;
}

/** Chain `fixed_proportion_to_u16`: ⌊x·65535⌋ as u16 (multiply floors, then floor, saturating). */
export function proportionToU16(a: I32F32): number {
  return toU16(mul(a, fromInt(65535)));
}

/** Chain `u16_proportion_to_fixed` / `fixed_to_fixed_u16_proportion`: u / 65535, truncated. */
export function u16ToProportion(u: number): I32F32 {
  return div(fromInt(u), fromInt(65535));
}

/** min(max(x, low), high) as the chain's `clamp_value`: first .min(high), then .max(low). */
export function clamp(x: I32F32, low: I32F32, high: I32F32): I32F32 {
  const capped = x < high ? x : high;
  return capped > low ? capped : low;
}

/** e truncated to I9F23 (substrate_fixed `transcendental::E`), widened: exp(1) returns exactly this. */
export const E_I9F23: I32F32 = 22802600n << 9n;

/**
 * substrate_fixed `exp`: 0 → 1; exactly 1 → the I9F23 constant e; otherwise, on |x|, the Taylor sum
 * 1 + x + Σ_{i=2}^{31} term_i with term_i = checked_mul(term_{i−1}, x) / i (floor mul, truncating div),
 * and 1/result for negative x. Undefined where the chain returns Err (overflow).
 */
export function exp(x: I32F32): I32F32 | undefined {
  if (x === 0n) return ONE;
  if (x === ONE) return E_I9F23;
  const neg = x < 0n;
  const operand = neg ? -x : x;
  if (operand > MAX) return undefined;
  let result = operand + ONE;
  if (result > MAX) return undefined;
  let term = operand;
  for (let i = 2n; i < FRAC_BITS; i++) {
    const t = checkedMul(term, operand);
    if (t === undefined) return undefined;
    term = (t << FRAC_BITS) / (i << FRAC_BITS); // checked_div by the integer i (cannot overflow)
    result += term;
    if (result > MAX) return undefined;
  }
  return neg ? checkedDiv(ONE, result) : result;
}

/** Chain `exp_safe`: input clamped to [−20, 20], then exp; on Err 0 (x ≤ 0) or MAX. */
export function expSafe(x: I32F32): I32F32 {
  const lo = fromInt(-20);
  const hi = fromInt(20);
  const safe = x < lo ? lo : hi < x ? hi : x;
  return exp(safe) ?? (safe <= 0n ? 0n : MAX);
}
