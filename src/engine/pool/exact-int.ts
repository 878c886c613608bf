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
 * floor((a·b − minus) / c), exactly, for integers a, b, c, minus ≥ 0 with c > 0; a result above 2⁵³
 * is rounded down to a double. `minus` serves the chain's fee (see fee.ts). Inputs and results up to
 * 2⁵³ − 1 take the Dekker path; larger ones (a reserve plus a trade above 2⁵³ rao ≈ 9 million whole
 * units: none in a day of network-year.yaml's 128 pools, 13 624 calls) go through BigInt, since the
 * float quotient could round one rao up and let a round trip mint it.
 */
export function floorMulDiv(a: number, b: number, c: number, minus = 0): number {
  if (a > Number.MAX_SAFE_INTEGER || b > Number.MAX_SAFE_INTEGER || c > Number.MAX_SAFE_INTEGER) {
    return bigFloorMulDiv(a, b, c, 0, minus);
  }
  const pHi = productHigh(a, b);
  const pLo = low;
  let q = Math.floor(pHi / c);
  if (q > Number.MAX_SAFE_INTEGER) return bigFloorMulDiv(a, b, c, 0, minus);
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

/**
 * floor(a·b / (c + d)) with the sum taken exactly: a reserve plus a trade past 2⁵³ rao is not a double
 * (an odd sum rounds to even), and dividing by the rounded sum paid a rao too many in ~1 case in 8.
 */
export function floorMulDivSum(a: number, b: number, c: number, d: number): number {
  const sum = c + d;
  if (sum <= Number.MAX_SAFE_INTEGER) return floorMulDiv(a, b, sum);
  return bigFloorMulDiv(a, b, c, d, 0);
}

/**
 * floor((a·b − minus) / (c + d)) through BigInt, exactly (non-integers, which no caller passes, get
 * the float quotient).
 */
function bigFloorMulDiv(a: number, b: number, c: number, d: number, minus: number): number {
  const integers =
    Number.isInteger(a) &&
    Number.isInteger(b) &&
    Number.isInteger(c) &&
    Number.isInteger(d) &&
    Number.isInteger(minus);
  if (!integers) return Math.floor((a * b - minus) / (c + d));
  const divisor = BigInt(c) + BigInt(d);
  const numerator = BigInt(a) * BigInt(b) - BigInt(minus);
  let q = numerator / divisor;
  if (numerator % divisor < 0n) q -= 1n; // BigInt division truncates toward zero
  return floorToDouble(q);
}

/** The largest double ≤ q. */
function floorToDouble(q: bigint): number {
  const nearest = Number(q);
  if (BigInt(nearest) <= q) return nearest;
  // Rounded up: step to the double below (its spacing halves just below a power of two).
  const size = Math.abs(nearest);
  let exponent = Math.floor(Math.log2(size));
  if (2 ** exponent > size)
    exponent -= 1; // log2 may round across a power of two
  else if (2 ** (exponent + 1) <= size) exponent += 1;
  const power = 2 ** exponent;
  const spacing = 2 ** (exponent - 52);
  return nearest > 0 && nearest === power ? nearest - spacing / 2 : nearest - spacing;
}
