/**
 * Exact integer floor(a·b / c) in float64, for the few places where the chain floors a product that
 * can exceed 2⁵³ (x·Δy reaches ~10²⁵ rao²). BigInt would do it too, but allocates on every swap; a
 * Dekker product (the product as an exact sum hi + lo of two doubles) does not.
 */

/** Veltkamp's splitter for float64: 2²⁷ + 1. */
const SPLIT = 134_217_729;

/** The low part of the last `productHigh` call: a·b = hi + lo exactly. Module scratch, so nothing allocates. */
let low = 0;

/** fl(a·b), leaving the rounding error a·b − fl(a·b) in `low` (exact for |a|, |b| < 2⁹⁹⁶). */
function productHigh(a: number, b: number): number {
  const hi = a * b;
  const ca = SPLIT * a;
  const aHi = ca - (ca - a);
  const aLo = a - aHi;
  const cb = SPLIT * b;
  const bHi = cb - (cb - b);
  const bLo = b - bHi;
  low = aHi * bHi - hi + aHi * bLo + aLo * bHi + aLo * bLo;
  return hi;
}

/**
 * floor((a·b − minus) / c), exactly, for integers 0 ≤ a, b, c, minus ≤ 2⁵³ − 1 with c > 0 and a
 * result below 2⁵³. `minus` serves the chain's fee (see fee.ts). Outside that range (a reserve above
 * 2⁵³ rao ≈ 9 million whole units) it falls back to the float quotient, within a rao or two.
 */
export function floorMulDiv(a: number, b: number, c: number, minus = 0): number {
  if (a > Number.MAX_SAFE_INTEGER || b > Number.MAX_SAFE_INTEGER || c > Number.MAX_SAFE_INTEGER) {
    return Math.floor((a * b - minus) / c);
  }
  const pHi = productHigh(a, b);
  const pLo = low;
  let q = Math.floor(pHi / c);
  if (q > Number.MAX_SAFE_INTEGER) return q;
  const sHi = productHigh(q, c);
  const sLo = low;
  // q·c is within a few c of a·b, so pHi − sHi is exact (Sterbenz) and every term is an integer.
  let r = pHi - sHi + (pLo - sLo) - minus;
  while (r < 0) {
    q -= 1;
    r += c;
  }
  while (r >= c) {
    q += 1;
    r -= c;
  }
  return q;
}
