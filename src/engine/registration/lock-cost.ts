/**
 * Subnet registration lock cost (emissions.md §7; subnets/subnet.rs and utils/misc.rs
 * `get_network_lock_cost`, `get_lock_reduction_interval`):
 *   cost = max(MinLock, mult·L − ⌊L / I_eff⌋ · (now − B))     (u64 saturating: never below 0)
 *   mult = 1 if no subnet was ever registered (NetworkLastRegistered = 0), else 2
 *   I_eff = ⌊NetworkLockReductionInterval · E / 1 TAO⌋       (decay twice as fast after a halving)
 * Each registration doubles the price; it then falls linearly back to L after I_eff blocks and to MinLock
 * after about 2·I_eff. I_eff = 0 gives no decay (the chain's safe_div → 0). Integer rao.
 */
import { RAO_PER_ALPHA } from '../units.ts';

/** ⌊interval · E / 1e9⌋ for the block emission E in rao (exact for interval·E < 2⁵³). */
export function effectiveLockReductionInterval(interval: number, blockEmission: number): number {
  const product = interval * blockEmission;
  return (product - (product % RAO_PER_ALPHA)) / RAO_PER_ALPHA;
}

export interface LockCostInput {
  /** NetworkLastLockCost L (rao). */
  lastLock: number;
  /** NetworkLastRegistered B (0 = never). */
  lastLockBlock: number;
  /** Current block. */
  now: number;
  /** NetworkMinLockCost (rao). */
  minLock: number;
  /** I_eff in blocks, see effectiveLockReductionInterval. */
  reductionInterval: number;
}

export function subnetLockCost(input: LockCostInput): number {
  const { lastLock, lastLockBlock, now, minLock, reductionInterval } = input;
  const mult = lastLockBlock === 0 ? 1 : 2;
  const perBlock = reductionInterval > 0 ? Math.floor(lastLock / reductionInterval) : 0;
  const decay = perBlock * Math.max(0, now - lastLockBlock);
  const cost = Math.max(0, lastLock * mult - decay);
  return Math.max(minLock, cost);
}
