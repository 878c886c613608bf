import { describe, expect, it } from 'vitest';
import { runTimeline } from '../../helpers/timeline.ts';

/** Milestones over the simulated state and state-dependent leaving, through whole runs. */

describe('milestone tranches', () => {
  // TAO/USD climbs from 100 on day 0 to 200 on day 20: 100 + 5·d.
  const run = runTimeline(`
duration: 25d
market: { tao_usd: { model: historical, points: [{ day: 0, price: 100 }, { day: 20, price: 200 }] } }
shocks:
  - { kind: miner_quality, netuid: 1, at: 3d, set: 0.99, label: model release }
contributors:
  - name: dev
    packages:
      - name: p
        grants:
          - asset: tao
            amount: 1000
            vesting:
              convention: milestones
              milestones:
                - { fraction: 0.25, when: { metric: tao_usd, at_least: 150 } }
                - { fraction: 0.25, when: { metric: tao_usd, at_least: 190, for: 2d } }
                - { fraction: 0.25, when: { metric: tao_usd, at_least: 300 }, deadline: 15d }
                - { fraction: 0.25, when: { metric: best_quality, netuid: 1, at_least: 0.95 }, deadline: 20d }
`);
  const events = (kind: string) =>
    run.timeline.events.filter((e) => e.kind === kind).map((e) => [e.day, e.detail]);

  it('a tranche vests on the first day its condition has held long enough', () => {
    expect(events('milestone_met')).toEqual([
      // The release is set at the end of day 3's block, after that day's check: the epochs of day 4 see it.
      [4, 'milestone 4 met: 25 % vests'],
      [10, 'milestone 1 met: 25 % vests'],
      [19, 'milestone 2 met: 25 % vests'], // 190 on day 18, held through day 19
    ]);
  });

  it('a tranche whose deadline passes first is forfeited', () => {
    expect(events('milestone_missed')).toEqual([[15, 'milestone 3 missed its deadline: 25 % forfeited']]);
    expect(run.values('p').grants[0]).toMatchObject({ vested: 750, forfeited: 250 });
    expect(run.values('p').forfeited_usd).toBe(250 * 175); // at day 15's price
  });
});

describe('leaving when the grant is under water (golden handcuffs)', () => {
  const run = runTimeline(`
duration: 20d
market: { tao_usd: { model: historical, points: [{ day: 0, price: 400 }, { day: 5, price: 400 }, { day: 6, price: 150 }] } }
contributors:
  - name: dev
    leaves: { under_water: { by: 0.5, for: 3d } }
    packages:
      - { name: tokens, grants: [{ asset: tao, amount: 1000, vesting: { convention: linear, duration: 20d } }] }
      - { name: stable, grants: [{ asset: tao, usd: 400000, convert: vest_date, vesting: { convention: linear, duration: 20d } }] }
`);

  it('leaves on the third day in a row the unvested grant is worth at most half its grant value', () => {
    expect(run.values('tokens').left_day).toBe(8); // under water on days 6, 7, 8
    expect(run.values('tokens').grants[0]).toMatchObject({ vested: 400, forfeited: 600 });
    expect(run.values('tokens').forfeited_usd).toBe(600 * 150);
  });

  it('a USD grant converted at each vest is never under water, so that package stays', () => {
    expect(run.values('stable').left_day).toBe(null);
    expect(run.pkg('stable').grants[0].incomeUsd).toBeCloseTo(400_000, 3);
  });
});
