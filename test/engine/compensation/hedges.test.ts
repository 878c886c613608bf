import { describe, expect, it } from 'vitest';
import { runTimeline } from '../../helpers/timeline.ts';

/**
 * The two simple hedges against their unhedged twins, by hand: 100 TAO vest on day 5 at $400, unlock
 * on day 15 and are sold; TAO/USD halves to $200 on day 11.
 */
const run = runTimeline(`
duration: 30d
market: { tao_usd: { model: historical, points: [{ day: 0, price: 400 }, { day: 10, price: 400 }, { day: 11, price: 200 }] } }
x-grant: &grant { asset: tao, amount: 100, vesting: { convention: tranches, tranches: [{ at: 5d, fraction: 1 }] }, lockup: 10d, selling: { rule: sell_at_vest } }
contributors:
  - name: dev
    packages:
      - { name: forward, grants: [*grant], hedge: { forward: { fraction: 0.5 } } }
      - { name: floor, grants: [*grant], hedge: { floor: { fraction: 1, strike: 1, premium: 0.05, tenor: 20d } } }
      - { name: both, grants: [*grant], hedge: { forward: { fraction: 0.5, cost: 0.02 }, floor: { fraction: 0.5, strike: 0.9, premium: 0.04, tenor: 10d } } }
`);

describe('hedges', () => {
  it('the unhedged twin sells all 100 TAO at $200', () => {
    expect(run.values('forward').unhedged_value_usd).toBe(20_000);
    expect(run.values('floor').unhedged_value_usd).toBe(20_000);
    expect(run.pkg('forward (unhedged)').realisedUsd).toBe(20_000);
  });

  it('a forward on half the vest delivers 50 TAO at the vest-day $400 and the other 50 sell at $200', () => {
    expect(run.values('forward').realised_usd).toBe(50 * 400 + 50 * 200);
    expect(run.values('forward').grants[0]).toMatchObject({ sold: 100, held: 0 });
  });

  it('a floor at the vest price costs 5 % at vest and pays the $200 drop on 100 TAO at expiry', () => {
    expect(run.values('floor').hedge_usd).toBe(-2_000 + 20_000);
    expect(run.values('floor').value_usd).toBe(20_000 - 2_000 + 20_000);
  });

  it('both at once, with costs: forward at 98 % of $400 on 50; floor at $360 on 50 for 4 %, paying $160 each', () => {
    const v = run.values('both');
    expect(v.realised_usd).toBe(50 * 400 * 0.98 + 50 * 200 - 50 * 400 * 0.04 + 50 * 160);
  });

  it('the event log does not repeat events for the twins', () => {
    expect(run.timeline.events.some((e) => e.subject.includes('(unhedged)'))).toBe(false);
  });
});
