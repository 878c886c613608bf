import { isTopKNonzero } from '../math/top-k.ts';

/**
 * §3.3 Validator permits. Masking in this epoch uses the permits the previous epoch computed
 * (quirk Q2: permits lag one epoch); the subnet owner is always permitted.
 */
export function permitsForMasking(previous: Uint8Array, ownerUid: number): Uint8Array {
  const n = previous.length;
  const permit = new Uint8Array(n);
  for (let i = 0; i < n; i++) permit[i] = previous[i] !== 0 ? 1 : 0;
  if (ownerUid >= 0 && ownerUid < permit.length) permit[ownerUid] = 1;
  return permit;
}

/**
 * §3.3 New permits: the top-K uids by normalised stake among those with S > 0 (stable ascending sort,
 * so among equal stakes the lower uid loses), owner forced true. Persisted and used from the next epoch.
 */
export function newPermits(stake: Float64Array, maxAllowedValidators: number, ownerUid: number): Uint8Array {
  const permit = isTopKNonzero(stake, maxAllowedValidators);
  if (ownerUid >= 0 && ownerUid < permit.length) permit[ownerUid] = 1;
  return permit;
}
