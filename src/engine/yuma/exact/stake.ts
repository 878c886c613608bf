import type { I32F32 } from '../../fixed/i32f32.ts';
import { add64, div64, fromF64To64, type I64F64, toI32F32, toU64From64 } from '../../fixed/i64f64.ts';
import { normalize } from './sparse.ts';

/**
 * §3.2 Stake (exact): raw stake as I64F64; a uid whose ⌊stake⌋ is below the threshold counts as 0
 * (the owner is exempt); normalised in I64F64 (safe_div, truncating), then truncated to I32F32.
 */
export function normalizedStakeExact(
  rawStake: ArrayLike<number>,
  threshold: number,
  ownerUid: number,
): I32F32[] {
  const n = rawStake.length;
  const min = BigInt(Math.max(0, Math.ceil(threshold)));
  const s: I64F64[] = [];
  let total: I64F64 = 0n;
  for (let i = 0; i < n; i++) {
    const raw = fromF64To64(rawStake[i]);
    const v = i !== ownerUid && toU64From64(raw) < min ? 0n : raw;
    s.push(v);
    total = add64(total, v);
  }
  return s.map((v) => toI32F32(total === 0n ? v : div64(v, total)));
}

/**
 * §3.4 Active stake (exact): S masked to uids that are active and held a permit from the previous
 * epoch, then normalised in I32F32.
 */
export function activeStakeExact(stake: readonly I32F32[], active: Uint8Array, permit: Uint8Array): I32F32[] {
  return normalize(stake.map((s, i) => (active[i] === 1 && permit[i] === 1 ? s : 0n)));
}
