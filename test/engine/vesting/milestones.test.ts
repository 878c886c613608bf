import { describe, expect, it } from 'vitest';
import {
  advanceMilestones,
  createMilestoneState,
  MET,
  MISSED,
  milestoneMissed,
  milestoneVested,
  PENDING,
} from '../../../src/engine/vesting/milestones.ts';
import type { Milestone } from '../../../src/engine/vesting/types.ts';

/** Milestone tranches: released the first day a condition holds (for `days` in a row), forfeited past a deadline. */

const milestones: Milestone[] = [
  {
    fraction: 0.5,
    when: { metric: 'best_quality', subnet: 0, atLeast: 0.9, atMost: null, days: 0 },
    deadline: 10,
  },
  {
    fraction: 0.25,
    when: { metric: 'tao_usd', subnet: -1, atLeast: 500, atMost: null, days: 3 },
    deadline: null,
  },
  {
    fraction: 0.25,
    when: { metric: 'emission_share', subnet: 0, atLeast: 0.5, atMost: null, days: 0 },
    deadline: 5,
  },
];

describe('advanceMilestones', () => {
  it('triggers on the day the condition first holds, after its streak, and forfeits past the deadline', () => {
    const state = createMilestoneState(3);
    // Day by day: best quality, TAO/USD, emission share.
    const days = [
      [0.5, 400, 0.1],
      [0.95, 510, 0.1], // milestone 1 met (no streak needed); TAO/USD streak 1
      [0.95, 520, 0.1], // streak 2
      [0.95, 480, 0.1], // streak broken
      [0.95, 501, 0.1],
      [0.95, 502, 0.1], // milestone 3's deadline: missed
      [0.95, 503, 0.1], // streak 3: milestone 2 met
    ];
    const log: string[] = [];
    days.forEach(([q, usd, share], day) => {
      const read = (metric: string) => (metric === 'best_quality' ? q : metric === 'tao_usd' ? usd : share);
      const { met, missed } = advanceMilestones(milestones, state, day, read);
      for (const i of met) log.push(`day ${day}: ${i} met`);
      for (const i of missed) log.push(`day ${day}: ${i} missed`);
    });
    expect(log).toEqual(['day 1: 0 met', 'day 5: 2 missed', 'day 6: 1 met']);
    expect([...state.status]).toEqual([MET, MET, MISSED]);
    expect(milestoneVested(milestones, state, 1000)).toBe(750);
    expect(milestoneMissed(milestones, state, 1000)).toBe(250);
  });

  it('a condition that never holds leaves the tranche pending until its deadline, then forfeits it', () => {
    const state = createMilestoneState(1);
    const one = [milestones[0]];
    for (let day = 0; day < 10; day++) advanceMilestones(one, state, day, () => 0.5);
    expect(state.status[0]).toBe(PENDING);
    expect(advanceMilestones(one, state, 10, () => 0.5).missed).toEqual([0]);
    expect(milestoneVested(one, state, 1000)).toBe(0);
  });

  it('a NaN metric (no pool, no epoch yet) never satisfies a condition', () => {
    const state = createMilestoneState(1);
    advanceMilestones([milestones[0]], state, 0, () => Number.NaN);
    expect(state.status[0]).toBe(PENDING);
  });
});
