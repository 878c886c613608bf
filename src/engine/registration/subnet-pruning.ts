/**
 * Which subnet a registration at SubnetLimit replaces (emissions.md §7; `get_network_to_prune`):
 * - only non-root subnets out of immunity: now ≥ registeredAt + NetworkImmunityPeriod;
 * - the lowest EMA price (SubnetMovingPrice) goes;
 * - ties go to the earliest registered; a full tie keeps the first in the given order (the chain iterates
 *   its storage map, whose order we do not model).
 * Returns the netuid, or −1 when none is eligible (registration then fails).
 */
export interface PruneCandidate {
  netuid: number;
  /** NetworkRegisteredAt. */
  registeredAt: number;
  /** SubnetMovingPrice. */
  emaPrice: number;
}

export function subnetToPrune(
  subnets: readonly PruneCandidate[],
  now: number,
  immunityPeriod: number,
): number {
  let best = -1;
  let bestPrice = Number.POSITIVE_INFINITY;
  let bestRegistered = Number.POSITIVE_INFINITY;
  for (const s of subnets) {
    if (s.netuid === 0 || now < s.registeredAt + immunityPeriod) continue;
    if (
      best === -1 ||
      s.emaPrice < bestPrice ||
      (s.emaPrice === bestPrice && s.registeredAt < bestRegistered)
    ) {
      best = s.netuid;
      bestPrice = s.emaPrice;
      bestRegistered = s.registeredAt;
    }
  }
  return best;
}
