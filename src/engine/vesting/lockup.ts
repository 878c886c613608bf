/**
 * Lock-ups after vesting: an amount vested on day d becomes sellable on day d + lockup. Amounts wait in
 * a per-day ring (one slot per day of the run, plus the lock-up beyond it), so the daily step is O(1).
 */
export interface LockRing {
  /** Per day → amount unlocking that day. */
  due: Float64Array;
  /** Amount locked now. */
  locked: number;
}

export function createLockRing(days: number, lockup: number): LockRing {
  return { due: new Float64Array(days + lockup + 1), locked: 0 };
}

/** Locks `amount` vested on `day` until day + lockup. */
export function lock(ring: LockRing, day: number, lockup: number, amount: number): void {
  if (!(amount > 0)) return;
  ring.due[day + lockup] += amount;
  ring.locked += amount;
}

/** Takes what unlocks on `day`. */
export function unlock(ring: LockRing, day: number): number {
  const amount = ring.due[day];
  if (!(amount > 0)) return 0;
  ring.due[day] = 0;
  ring.locked -= amount;
  return amount;
}
