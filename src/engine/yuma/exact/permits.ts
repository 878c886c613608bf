import type { I32F32 } from '../../fixed/i32f32.ts';

/**
 * §3.3 New permits (exact, chain `is_topk_nonzero_i32f32`): every uid with S ≠ 0 starts permitted; if
 * n ≥ K, uids sorted by S ascending (stable: ties keep uid order) and the first n − K lose it, so among
 * equal stakes the lower uid loses. Owner forced true.
 */
export function newPermitsExact(
  stake: readonly I32F32[],
  maxAllowedValidators: number,
  ownerUid: number,
): Uint8Array {
  const n = stake.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = stake[i] !== 0n ? 1 : 0;
  if (n >= maxAllowedValidators) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => (stake[a] < stake[b] ? -1 : stake[a] > stake[b] ? 1 : a - b));
    const drop = n - Math.max(0, maxAllowedValidators);
    for (let r = 0; r < drop; r++) out[order[r]] = 0;
  }
  if (ownerUid >= 0 && ownerUid < n) out[ownerUid] = 1;
  return out;
}
