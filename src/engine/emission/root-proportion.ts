/**
 * Root proportion ρ = w·R / (w·R + I) (emissions.md §2.2; block_step.rs `root_proportion`).
 * w = TaoWeight, R = TAO staked on root (SubnetTAO[0]), I = the subnet's alpha issuance, both in rao.
 * It is the root stakers' slice of the validator half (§1 g) and, today, the alpha injection cap (§1 e).
 *
 * Degenerate cases follow the chain's `checked_div(..).unwrap_or(0)`:
 * - w·R = 0 (no root stake or w = 0) → 0, whatever I;
 * - w·R > 0 and I = 0 → 1 (a subnet that has issued nothing is all root);
 * - w·R = 0 and I = 0 → 0 (the division by zero the chain maps to 0).
 */
import { TAO_WEIGHT } from './constants.ts';

export function rootProportion(rootStake: number, alphaIssuance: number, taoWeight = TAO_WEIGHT): number {
  const weightedRoot = taoWeight * rootStake;
  const denominator = weightedRoot + alphaIssuance;
  if (!(weightedRoot > 0) || !(denominator > 0)) return 0;
  return weightedRoot / denominator;
}
