import { describe, expect, it } from 'vitest';
import { backoffMs, type Clock, isRateLimited, RequestBudget } from '../../src/chain/request-budget.ts';

function fakeClock(): Clock & { t: number; slept: number[] } {
  const clock = {
    t: 0,
    slept: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

describe('request budget', () => {
  it('spaces requests 1/rps apart, in call order', async () => {
    const clock = fakeClock();
    const budget = new RequestBudget(2, clock);
    const times: number[] = [];
    for (let k = 0; k < 4; k++) {
      await budget.take();
      times.push(clock.t);
    }
    expect(times).toEqual([0, 500, 1000, 1500]);
  });

  it('sends at once when there is no limit, and waits out a pause', async () => {
    const clock = fakeClock();
    const budget = new RequestBudget(0, clock);
    await budget.take();
    await budget.take();
    expect(clock.slept).toEqual([]);
    budget.pause(4000);
    await budget.take();
    expect(clock.t).toBe(4000);
  });

  it('knows a rate-limit refusal when it sees one', () => {
    expect(isRateLimited(new Error('Unexpected server response: 429'))).toBe(true);
    expect(isRateLimited(new Error('-32029: Too many requests'))).toBe(true);
    expect(isRateLimited(new Error('-32000: RPC rate limit exceeded'))).toBe(true);
    expect(isRateLimited(new Error('disconnected from ws://x: 1006'))).toBe(false);
  });

  it('backs off exponentially up to a minute', () => {
    expect([0, 1, 2, 3].map((a) => backoffMs(a))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(10)).toBe(60_000);
  });
});
