import type { VestingSchedule } from './types.ts';

/**
 * How much of a grant has vested `elapsed` days after its start, for the time-based conventions of
 * compensation.md §2 (milestones.ts does the state-based one). `total` is an integer amount (rao or
 * micro-USD); the result is an integer, floored as OpenZeppelin's and Sablier's integer divisions floor
 * (computed in bigint, so totals beyond 2⁵³ stay exact). `every` quantises the linear parts into steps
 * (1 day = a daily stream; 30 days = monthly slices): elapsed time counts in whole steps, from the start
 * (linear) or from the cliff (the others: a catch-up lands whole at its cliff, then steps).
 */

function floorShare(total: number, numerator: number, denominator: number): number {
  if (numerator >= denominator) return total;
  if (numerator <= 0) return 0;
  return Number((BigInt(total) * BigInt(numerator)) / BigInt(denominator));
}

/** Whole steps of `every` days in `days` (the linear part's clock). */
function stepped(days: number, every: number): number {
  return every > 1 ? Math.floor(days / every) * every : days;
}

/** Floor of total × fraction (fractions of the scenario: at most a few rao off their exact product). */
export function fractionOf(total: number, fraction: number): number {
  if (fraction >= 1) return total;
  return Math.floor(total * fraction);
}

export function vestedAmount(schedule: VestingSchedule, total: number, elapsed: number): number {
  if (elapsed < 0) return 0;
  switch (schedule.convention) {
    case 'linear':
      // OZ VestingWallet: duration 0 is a timelock that releases everything at the start.
      if (schedule.duration === 0) return total;
      if (elapsed >= schedule.duration) return total;
      return floorShare(total, stepped(elapsed, schedule.every), schedule.duration);
    case 'cliff-catch-up':
      if (elapsed < schedule.cliff) return 0;
      if (elapsed >= schedule.duration) return total;
      // The catch-up lands whole at the cliff; steps count from there (12 months, then monthly).
      return floorShare(
        total,
        schedule.cliff + stepped(elapsed - schedule.cliff, schedule.every),
        schedule.duration,
      );
    case 'cliff-then-linear': {
      if (elapsed < schedule.cliff) return 0;
      const after = elapsed - schedule.cliff;
      if (after >= schedule.duration) return total;
      return floorShare(total, stepped(after, schedule.every), schedule.duration);
    }
    case 'unlock-amounts': {
      const s = fractionOf(total, schedule.startUnlock);
      if (elapsed >= schedule.duration) return total;
      if (schedule.cliff > 0 && elapsed < schedule.cliff) return s;
      const c = schedule.cliff > 0 ? fractionOf(total, schedule.cliffUnlock) : 0;
      const rest = total - s - c;
      const span = schedule.duration - schedule.cliff;
      return s + c + floorShare(rest, stepped(elapsed - schedule.cliff, schedule.every), span);
    }
    case 'tranches': {
      let fraction = 0;
      for (const t of schedule.tranches) if (t.day <= elapsed) fraction += t.fraction;
      return fraction >= 1 - 1e-12 ? total : fractionOf(total, fraction);
    }
    case 'milestones':
      return 0; // state-based: milestones.ts
  }
}

/** The day (after the start) from which nothing more vests by time: the schedule's end. */
export function scheduleEnd(schedule: VestingSchedule): number {
  switch (schedule.convention) {
    case 'linear':
    case 'cliff-catch-up':
    case 'unlock-amounts':
      return schedule.duration;
    case 'cliff-then-linear':
      return schedule.cliff + schedule.duration;
    case 'tranches':
      return Math.max(0, ...schedule.tranches.map((t) => t.day));
    case 'milestones':
      return Math.max(0, ...schedule.milestones.map((m) => m.deadline ?? 0));
  }
}
