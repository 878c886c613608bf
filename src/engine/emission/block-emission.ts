/**
 * Block emission by issuance (emissions.md §2.1, coinbase/block_emission.rs):
 *   I ≥ 21e15 → 0; else k = ⌊log2(1 / (1 − I/21e15))⌋ and E = 1e9 / 2^k rao.
 * The same function gives a subnet's alpha emission from its own alpha issuance.
 */
export const MAX_ISSUANCE_RAO = 21_000_000_000_000_000n;
const MAX_ISSUANCE = 21e15; // exactly representable (a multiple of 4 below 2^55)
const BASE_EMISSION_RAO = 1e9;

/** E for the fraction of the supply not yet issued, (21e15 − I)/21e15 ∈ (0, 1]. */
function emissionForRemaining(remaining: number): number {
  return BASE_EMISSION_RAO / 2 ** Math.floor(Math.log2(1 / remaining));
}

export function blockEmissionForIssuance(issuance: bigint): bigint {
  if (issuance >= MAX_ISSUANCE_RAO) return 0n;
  return BigInt(Math.floor(emissionForRemaining(Number(MAX_ISSUANCE_RAO - issuance) / MAX_ISSUANCE)));
}

/**
 * Below this, E is the base emission: (21e15 − I)/21e15 > ½ + 4.7e-8, whose reciprocal's log2 is below
 * 1 − 1.3e-7 — further from 1 than float64 can err — so the floor is 0 and the log2 can be skipped.
 */
const FIRST_HALVING_MARGIN = 10.5e15 - 1e9;

/**
 * The same on a number of rao (the per-block hot path: TAO once a block, alpha for every subnet). For
 * I < 2^53 the difference 21e15 − I rounds once, as Number(21e15n − I) does, so both forms agree.
 */
export function blockEmissionRao(issuance: number): number {
  if (issuance < FIRST_HALVING_MARGIN) return BASE_EMISSION_RAO;
  if (issuance >= MAX_ISSUANCE) return 0;
  return Math.floor(emissionForRemaining((MAX_ISSUANCE - issuance) / MAX_ISSUANCE));
}
