import { fractionOf } from './schedule.ts';
import type { Condition, ConditionMetric, Milestone } from './types.ts';

/**
 * Milestone tranches (compensation.md §1): a tranche vests on the first day its condition has held for
 * its `days` days in a row, checked once a day from the grant's start; past its deadline (days after
 * the start) without that, it is forfeited. A leaver's pending tranches are forfeited (leaving.ts).
 */

export const PENDING = 0;
export const MET = 1;
export const MISSED = -1;

export interface MilestoneState {
  /** Per milestone → PENDING, MET or MISSED. */
  status: Int8Array;
  /** Per milestone → consecutive days its condition has held. */
  streak: Int32Array;
}

/** Reads a metric of the simulated state on the current day (subnet −1: network-wide). */
export type MetricReader = (metric: ConditionMetric, subnet: number) => number;

export function createMilestoneState(count: number): MilestoneState {
  return { status: new Int8Array(count), streak: new Int32Array(count) };
}

/** Whether the condition's metric is within its bounds today. */
export function conditionHolds(c: Condition, read: MetricReader): boolean {
  const x = read(c.metric, c.subnet);
  if (Number.isNaN(x)) return false;
  if (c.atLeast !== null && !(x >= c.atLeast)) return false;
  if (c.atMost !== null && !(x <= c.atMost)) return false;
  return true;
}

const NONE: readonly number[] = [];

/**
 * One day `elapsed` days after the grant's start: updates streaks, marks tranches met or missed.
 * Returns the indexes that changed today (met first, then missed), usually none.
 */
export function advanceMilestones(
  milestones: readonly Milestone[],
  state: MilestoneState,
  elapsed: number,
  read: MetricReader,
): { met: readonly number[]; missed: readonly number[] } {
  let met: readonly number[] = NONE;
  let missed: readonly number[] = NONE;
  for (let i = 0; i < milestones.length; i++) {
    if (state.status[i] !== PENDING) continue;
    const m = milestones[i];
    state.streak[i] = conditionHolds(m.when, read) ? state.streak[i] + 1 : 0;
    if (state.streak[i] >= Math.max(1, m.when.days)) {
      state.status[i] = MET;
      met = [...met, i];
    } else if (m.deadline !== null && elapsed >= m.deadline) {
      state.status[i] = MISSED;
      missed = [...missed, i];
    }
  }
  return { met, missed };
}

/** Amount vested by the tranches met so far (all met and summing to 1: the whole total). */
export function milestoneVested(
  milestones: readonly Milestone[],
  state: MilestoneState,
  total: number,
): number {
  let fraction = 0;
  for (let i = 0; i < milestones.length; i++) if (state.status[i] === MET) fraction += milestones[i].fraction;
  return fraction >= 1 - 1e-12 ? total : fractionOf(total, fraction);
}

/** Amount of the tranches missed so far (forfeited). */
export function milestoneMissed(
  milestones: readonly Milestone[],
  state: MilestoneState,
  total: number,
): number {
  let fraction = 0;
  for (let i = 0; i < milestones.length; i++)
    if (state.status[i] === MISSED) fraction += milestones[i].fraction;
  return fractionOf(total, fraction);
}
