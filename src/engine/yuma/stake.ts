import { normalizeInPlace } from '../math/normalize.ts';

/**
 * §3.2 Stake: raw stake below the threshold counts as 0 (the subnet owner is exempt), then S is
 * normalised to sum 1 (all zero → all zero).
 */
export function normalizedStake(
  rawStake: ArrayLike<number>,
  threshold: number,
  ownerUid: number,
): Float64Array {
  const n = rawStake.length;
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const raw = rawStake[i];
    s[i] = i !== ownerUid && raw < threshold ? 0 : raw;
  }
  return normalizeInPlace(s);
}

/**
 * §3.4 Active stake: A_i = S_i for uids that are active and held a permit from the previous epoch,
 * else 0; then normalised (all zero → all zero).
 */
export function activeStakeOf(stake: Float64Array, active: Uint8Array, permit: Uint8Array): Float64Array {
  const n = stake.length;
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = active[i] === 1 && permit[i] === 1 ? stake[i] : 0;
  return normalizeInPlace(a);
}
