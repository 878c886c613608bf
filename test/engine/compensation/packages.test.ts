import { describe, expect, it } from 'vitest';
import { RAO, runTimeline } from '../../helpers/timeline.ts';

/** Packages on fixed price paths, against figures worked by hand. */

describe('a constant TAO/USD path', () => {
  const run = runTimeline(`
duration: 30d
market: { tao_usd: { model: constant, initial: 400 } }
contributors:
  - name: dev
    discount_rate: 0
    packages:
      - name: sell
        salary: 36500
        grants: [{ asset: tao, amount: 1000, vesting: { convention: linear, duration: 30d }, selling: { rule: sell_at_vest } }]
      - name: hold
        salary: 36500
        grants: [{ asset: tao, amount: 1000, vesting: { convention: cliff-catch-up, duration: 30d, cliff: 10d } }]
      - name: stable
        salary: 36500
        grants: [{ asset: stablecoin, amount: 400000, vesting: { convention: linear, duration: 20d }, selling: { rule: sell_at_vest } }]
      - name: cash
        salary: 3650000
`);

  it('is worth exactly salary + tokens × price, whatever the convention or the selling rule', () => {
    // 30 days of 36 500 / 365 = 3 000; 1 000 TAO × 400 = 400 000.
    for (const name of ['sell', 'hold', 'stable']) {
      expect(run.values(name).salary_usd).toBe(3000);
      expect(run.pkg(name).valueUsd).toBeCloseTo(403_000, 6);
      expect(run.pkg(name).cashTwinUsd).toBeCloseTo(403_000, 6);
      expect(run.pkg(name).pvUsd + run.pkg(name).paperUsd).toBeCloseTo(403_000, 6); // discount rate 0
    }
    expect(run.values('cash').value_usd).toBe(300_000); // 3 650 000 × 30 / 365, all cash
    expect(run.values('cash').vs_cash_twin_usd).toBe(0);
  });

  it('selling realises the value, holding keeps it on paper', () => {
    expect(run.pkg('sell').realisedUsd).toBeCloseTo(403_000, 6);
    expect(run.values('sell').paper_usd).toBe(0);
    expect(run.values('hold').realised_usd).toBe(3000);
    expect(run.values('hold').paper_usd).toBe(400_000);
    expect(run.values('hold').grants[0]).toMatchObject({ vested: 1000, held: 1000, sold: 0, forfeited: 0 });
    expect(run.values('sell').grants[0]).toMatchObject({ vested: 1000, held: 0, sold: 1000 });
  });

  it('a price that never moves is never under water', () => {
    for (const name of ['sell', 'hold', 'stable'])
      expect(run.pkg(name).underWaterDays.every((x) => x === 0)).toBe(true);
    expect(run.pkg('hold').vestDays[9]).toBe(0);
    expect(run.pkg('hold').vestDays[10]).toBe(1); // the cliff
  });
});

describe('USD grants: converted at the grant date or at each vest date', () => {
  const run = runTimeline(`
duration: 20d
seed: 5
market: { tao_usd: { model: gbm, initial: 400, drift: 0, volatility: 1.2 } }
contributors:
  - name: dev
    packages:
      - name: grant-date
        grants: [{ asset: tao, usd: 100000, convert: grant_date, vesting: { convention: linear, duration: 20d } }]
      - name: vest-date
        grants: [{ asset: tao, usd: 100000, convert: vest_date, vesting: { convention: linear, duration: 20d } }]
`);
  const usd = run.timeline.path.usd;

  it('at the grant date: 100 000 / day-0 price tokens, whose income follows the price', () => {
    const tokens = Math.floor((100_000 / usd[0]) * RAO);
    const g = run.pkg('grant-date').grants[0];
    expect(g.vested).toBe(tokens);
    // Income = each day's newly vested tokens at that day's price.
    let income = 0;
    for (let d = 1; d <= 20; d++)
      income += ((Math.floor((tokens * d) / 20) - Math.floor((tokens * (d - 1)) / 20)) / RAO) * usd[d];
    expect(g.incomeUsd).toBeCloseTo(income, 6);
    expect(Math.abs(g.incomeUsd - 100_000)).toBeGreaterThan(100); // the path moved
  });

  it('at each vest date: every vest is worth its 5 000 USD; the tokens are Σ 5 000 / price', () => {
    const g = run.pkg('vest-date').grants[0];
    let tokens = 0;
    for (let d = 1; d <= 20; d++) tokens += Math.floor((5000 / usd[d]) * RAO);
    expect(g.vested).toBe(tokens);
    expect(g.incomeUsd).toBeCloseTo(100_000, 4);
    expect(run.pkg('vest-date').underWaterDays.every((x) => x === 0)).toBe(true);
  });
});

describe('forfeiture on leaving', () => {
  const grant = `[{ asset: tao, amount: 3000, vesting: { convention: linear, duration: 30d } }]`;
  const late = `[{ asset: tao, amount: 3000, start: 20d, vesting: { convention: linear, duration: 10d } }]`;
  const run = runTimeline(`
duration: 30d
market: { tao_usd: { model: constant, initial: 400 } }
contributors:
  - { name: plain, leaves: { at: 10d }, packages: [{ name: p, salary: 36500, grants: ${grant} }] }
  - { name: accelerated, leaves: { at: 10d, good_leaver: { accelerate: 5d } }, packages: [{ name: p, grants: ${grant} }] }
  - { name: half, leaves: { at: 10d, good_leaver: { fraction: 0.5 } }, packages: [{ name: p, grants: ${grant} }] }
  - { name: before-start, leaves: { at: 10d }, packages: [{ name: p, grants: ${late} }] }
`);

  it('a leaver keeps what vested through the leaving day and forfeits the rest', () => {
    const v = run.values('p', 0);
    expect(v.left_day).toBe(10);
    expect(v.grants[0]).toMatchObject({ vested: 1000, forfeited: 2000 });
    expect(v.forfeited_usd).toBe(800_000);
    expect(v.salary_usd).toBe(1000); // 10 days
    expect(v.cash_twin_usd).toBe(401_000); // the same tenure, paid in cash
  });

  it('good-leaver acceleration: 5 more days of vesting, or half of what is unvested', () => {
    expect(run.values('p', 1).grants[0]).toMatchObject({ vested: 1500, forfeited: 1500 });
    expect(run.values('p', 2).grants[0]).toMatchObject({ vested: 2000, forfeited: 1000 });
  });

  it('a grant that had not started is forfeited whole', () => {
    expect(run.values('p', 3).grants[0]).toMatchObject({ vested: 0, forfeited: 3000 });
    expect(run.values('p', 3).forfeited_usd).toBe(1_200_000);
  });

  it('the event log has each leaving', () => {
    const left = run.timeline.events.filter((e) => e.kind === 'left');
    expect(left.map((e) => [e.day, e.subject])).toEqual([
      [10, 'plain/p'],
      [10, 'accelerated/p'],
      [10, 'half/p'],
      [10, 'before-start/p'],
    ]);
  });
});

describe('token upside cap', () => {
  it('vests are withheld once their vest-day value reaches the cap', () => {
    const run = runTimeline(`
duration: 10d
market: { tao_usd: { model: constant, initial: 400 } }
contributors:
  - name: dev
    packages: [{ name: capped, cap: 100000, grants: [{ asset: tao, amount: 1000, vesting: { convention: linear, duration: 10d } }] }]
`);
    expect(run.values('capped').grants[0]).toMatchObject({ vested: 250, capped: 750, forfeited: 0 });
    expect(run.values('capped').value_usd).toBe(100_000);
    expect(run.timeline.events.filter((e) => e.kind === 'capped')).toHaveLength(1);
  });
});
