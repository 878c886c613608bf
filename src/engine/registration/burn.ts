/**
 * Neuron registration burn (emissions.md §6; subnets/registration.rs
 * `update_registration_prices_for_networks`, `bump_registration_price_after_registration`).
 * - Every block: burn ← ⌊burn · f / 2³²⌋, f = the per-block factor 2^(−1/BurnHalfLife) in Q32, then clamp
 *   to [MinBurn, MaxBurn]. The chain finds f by bisection: the largest Q32 value whose Q32 power
 *   `pow_q32(f, halfLife)` (square-and-multiply, each product floored) is ≤ 0.5. Half-life 0 → f = 1.
 *   The chain skips the decay at block ≤ 1 (genesis); that check is the caller's.
 * - Right after each registration: burn ← ⌊burn · max(BurnIncreaseMult, 1)⌋ in U64F64, then clamp.
 * Integer rao, bit-exact with the chain: f is found once per half-life with BigInt and cached; the
 * per-block product uses exact 16-bit limbs so it needs no BigInt.
 */
const ONE_Q32 = 2 ** 32;
const ONE_Q32_BIG = 1n << 32n;
const HALF_Q32_BIG = 1n << 31n;

function mulByQ32Big(value: bigint, factor: bigint): bigint {
  return (value * factor) >> 32n;
}

function powQ32(base: bigint, exp: number): bigint {
  let result = ONE_Q32_BIG;
  let factor = base;
  let power = exp;
  while (power > 0) {
    if (power & 1) result = mulByQ32Big(result, factor);
    power >>>= 1;
    if (power > 0) factor = mulByQ32Big(factor, factor);
  }
  return result;
}

const factorCache = new Map<number, number>();

/** Q32 per-block decay factor for a half-life in blocks (the chain's `decay_factor_q32`), cached. */
export function burnDecayFactorQ32(halfLife: number): number {
  if (!(halfLife > 0)) return ONE_Q32;
  const cached = factorCache.get(halfLife);
  if (cached !== undefined) return cached;
  let lo = 0n;
  let hi = ONE_Q32_BIG;
  while (lo + 1n < hi) {
    const mid = lo + ((hi - lo) >> 1n);
    if (powQ32(mid, halfLife) > HALF_Q32_BIG) hi = mid;
    else lo = mid;
  }
  const factor = Number(lo);
  factorCache.set(halfLife, factor);
  return factor;
}

/** ⌊value · factorQ32 / 2³²⌋ exactly, for integer value < 2³⁷ (MaxBurn is 100 TAO ≈ 2^36.5) and factor ≤ 2³². */
export function mulByQ32(value: number, factorQ32: number): number {
  if (value >= 2 ** 37 || factorQ32 > ONE_Q32) return Number(mulByQ32Big(BigInt(value), BigInt(factorQ32)));
  const fHi = Math.floor(factorQ32 / 65_536);
  const fLo = factorQ32 - fHi * 65_536;
  // value·f = a·2¹⁶ + b with a = value·fHi < 2⁵³ and b = value·fLo < 2⁵³, both exact; splitting a and b
  // at 2¹⁶ keeps every partial sum below 2⁵³ (divisions by powers of two are exact in float).
  const a = value * fHi;
  const b = value * fLo;
  const aHi = Math.floor(a / 65_536);
  const aLo = a - aHi * 65_536;
  return aHi + Math.floor((aLo + Math.floor(b / 65_536)) / 65_536);
}

function clamp(burn: number, minBurn: number, maxBurn: number): number {
  return burn < minBurn ? minBurn : burn > maxBurn ? maxBurn : burn;
}

/** One block of decay with the precomputed factor, then the [minBurn, maxBurn] clamp. */
export function decayBurn(burn: number, factorQ32: number, minBurn: number, maxBurn: number): number {
  return clamp(mulByQ32(burn, factorQ32), minBurn, maxBurn);
}

/**
 * The bump right after a registration: ⌊burn · mult⌋ with mult as U64F64 (from an f64 ≥ 1 the
 * conversion is exact, so this is the exact product of two binary numbers, floored), then clamped.
 */
export function bumpBurn(burn: number, mult: number, minBurn: number, maxBurn: number): number {
  const m = mult > 1 ? mult : 1;
  if (m === Number.POSITIVE_INFINITY) return maxBurn;
  const bumped = Number.isInteger(m) ? burn * m : Number((BigInt(burn) * BigInt(m * 2 ** 52)) >> 52n);
  return clamp(bumped, minBurn, maxBurn);
}
