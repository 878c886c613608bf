/** Scalar helpers shared by the stages. */

/** x limited to [lo, hi] (assumes lo ≤ hi). Rule: NaN → lo. */
export function clamp(x: number, lo: number, hi: number): number {
  if (!(x >= lo)) return lo;
  return Math.min(x, hi);
}

/**
 * e^x with the exponent clamped to [−20, 20], as the chain's `safe_exp` used by the liquid-alpha
 * sigmoid (spec §3.11), so the sigmoid never sees an overflowed or underflowed exponential.
 */
export function safeExp(x: number): number {
  return Math.exp(clamp(x, -20, 20));
}
