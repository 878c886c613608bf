/**
 * Block emission by issuance (emissions.md §2.1, coinbase/block_emission.rs):
 *   I ≥ 21e15 → 0; else k = ⌊log2(1 / (1 − I/21e15))⌋ and E = 1e9 / 2^k rao.
 * The same function gives a subnet's alpha emission from its own alpha issuance.
 */
export const MAX_ISSUANCE_RAO = 21_000_000_000_000_000n;
const BASE_EMISSION_RAO = 1_000_000_000n;

export function blockEmissionForIssuance(issuance: bigint): bigint {
  if (issuance >= MAX_ISSUANCE_RAO) return 0n;
  const remaining = Number(MAX_ISSUANCE_RAO - issuance) / Number(MAX_ISSUANCE_RAO);
  const k = Math.floor(Math.log2(1 / remaining));
  return BASE_EMISSION_RAO >> BigInt(k);
}
