import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NETWORK_LOCK_REDUCTION_INTERVAL,
  NETWORK_MIN_LOCK_COST,
} from '../../../src/engine/emission/constants.ts';
import {
  effectiveLockReductionInterval,
  subnetLockCost,
} from '../../../src/engine/registration/lock-cost.ts';

const TAO = 1_000_000_000;

describe('subnet lock cost (emissions.md §7)', () => {
  it('I_eff = interval · E / 1 TAO: 57 600 before the halving, 28 800 after', () => {
    expect(effectiveLockReductionInterval(NETWORK_LOCK_REDUCTION_INTERVAL, TAO)).toBe(57_600);
    expect(effectiveLockReductionInterval(NETWORK_LOCK_REDUCTION_INTERVAL, TAO / 2)).toBe(28_800);
    // 57 601 · 0.25 = 14 400.25 → 14 400.
    expect(effectiveLockReductionInterval(57_601, TAO / 4)).toBe(14_400);
  });

  it('§7 example: L 2 500 TAO, I_eff 28 800 → 5 000 TAO right after, −0.0868 TAO a block', () => {
    const base = {
      lastLock: 2_500 * TAO,
      lastLockBlock: 1_000,
      minLock: NETWORK_MIN_LOCK_COST,
      reductionInterval: 28_800,
    };
    expect(subnetLockCost({ ...base, now: 1_000 })).toBe(5_000 * TAO);
    // ⌊2.5e12 / 28 800⌋ = 86 805 555 rao a block.
    expect(subnetLockCost({ ...base, now: 1_001 })).toBe(5_000 * TAO - 86_805_555);
    // Back to about L after I_eff blocks: 5e12 − 86 805 555 · 28 800 = 2 500 000 016 000.
    expect(subnetLockCost({ ...base, now: 1_000 + 28_800 })).toBe(2_500_000_016_000);
    // And to MinLock after about 2·I_eff.
    expect(subnetLockCost({ ...base, now: 1_000 + 2 * 28_800 })).toBe(NETWORK_MIN_LOCK_COST);
  });

  it('spec §9 test_migrate_network_lock_cost_2500_sets_price_and_decay: last lock 1 250 TAO → 2 500, then −⌊L/I_eff⌋ a block', () => {
    const base = {
      lastLock: 1_250 * TAO,
      lastLockBlock: 7_777,
      minLock: NETWORK_MIN_LOCK_COST,
      reductionInterval: 57_600,
    };
    const perBlock = Math.floor((1_250 * TAO) / 57_600);
    expect(subnetLockCost({ ...base, now: 7_777 })).toBe(2_500 * TAO);
    for (const dt of [1, 2, 100, 10_000]) {
      expect(subnetLockCost({ ...base, now: 7_777 + dt })).toBe(2_500 * TAO - perBlock * dt);
    }
  });

  it('no registration ever (NetworkLastRegistered 0): multiplier 1', () => {
    expect(
      subnetLockCost({ lastLock: 100 * TAO, lastLockBlock: 0, now: 0, minLock: TAO, reductionInterval: 100 }),
    ).toBe(100 * TAO);
  });

  it('I_eff 0 gives no decay (safe_div → 0)', () => {
    expect(
      subnetLockCost({ lastLock: 10 * TAO, lastLockBlock: 5, now: 1e6, minLock: TAO, reductionInterval: 0 }),
    ).toBe(20 * TAO);
  });

  it('property: integer, at least MinLock, at most 2·L, never rising with time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 * TAO }),
        fc.integer({ min: 1, max: 1e7 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 1e5 }),
        fc.integer({ min: 0, max: 100_000 }),
        (lastLock, lastLockBlock, dt, more, reductionInterval) => {
          const input = { lastLock, lastLockBlock, minLock: NETWORK_MIN_LOCK_COST, reductionInterval };
          const cost = subnetLockCost({ ...input, now: lastLockBlock + dt });
          expect(Number.isInteger(cost)).toBe(true);
          expect(cost).toBeGreaterThanOrEqual(NETWORK_MIN_LOCK_COST);
          expect(cost).toBeLessThanOrEqual(Math.max(NETWORK_MIN_LOCK_COST, 2 * lastLock));
          expect(subnetLockCost({ ...input, now: lastLockBlock + dt + more })).toBeLessThanOrEqual(cost);
        },
      ),
    );
  });
});
