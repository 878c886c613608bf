import { describe, expect, it } from 'vitest';
import { bracketTax } from '../../../src/engine/compensation/tax.ts';
import { runTimeline } from '../../helpers/timeline.ts';

/**
 * Tax at vest and on sale, and the discounted value, on paths worked by hand. 100 TAO vest on day 5 at
 * $400 (income 40 000), stay locked 10 days and are sold on day 15, after TAO/USD has moved on day 11.
 */

const path = (after: number) => `
duration: 20d
market: { tao_usd: { model: historical, points: [{ day: 0, price: 400 }, { day: 10, price: 400 }, { day: 11, price: ${after} }] } }
contributors:
  - name: dev
    tax: { income: 0.4, capital_gains: 0.2 }
    packages:
      - name: p
        grants: [{ asset: tao, amount: 100, vesting: { convention: tranches, tranches: [{ at: 5d, fraction: 1 }] }, lockup: 10d, selling: { rule: sell_at_vest } }]
`;

describe('income tax at vest, capital gains at sale', () => {
  it('price halves after vesting: tax 16 000 on a 40 000 vest, the sale fetches 20 000, a 20 000 loss untaxed', () => {
    const v = runTimeline(path(200)).values('p');
    expect(v.token_income_tax_usd).toBe(16_000);
    expect(v.realised_usd).toBe(20_000);
    expect(v.capital_gains_tax_usd).toBe(0);
    expect(v.tax_usd).toBe(16_000);
    expect(v.tax_exceeds_value).toBe(false);
    expect(v.net_pv_usd).toBeLessThan(v.pv_usd!);
  });

  it('price falls to a quarter: the sale fetches 10 000, less than the 16 000 of tax owed at vest', () => {
    const v = runTimeline(path(100)).values('p');
    expect(v.token_income_tax_usd).toBe(16_000);
    expect(v.realised_usd).toBe(10_000);
    expect(v.tax_exceeds_value).toBe(true);
  });

  it('price rises to 500: a 10 000 gain taxed at 20 %', () => {
    const v = runTimeline(path(500)).values('p');
    expect(v.realised_usd).toBe(50_000);
    expect(v.capital_gains_tax_usd).toBe(2_000);
    expect(v.tax_usd).toBe(18_000);
  });

  it('brackets apply to the tax year income, salary first', () => {
    expect(
      bracketTax(
        [
          { from: 0, rate: 0.1 },
          { from: 10_000, rate: 0.3 },
        ],
        40_000,
      ),
    ).toBe(10_000);
    const run = runTimeline(`
duration: 10d
market: { tao_usd: { model: constant, initial: 400 } }
contributors:
  - name: dev
    tax: { income: { brackets: [{ from: 0, rate: 0.1 }, { from: 10000, rate: 0.3 }] } }
    packages:
      - name: p
        salary: 36500
        grants: [{ asset: tao, amount: 100, vesting: { convention: tranches, tranches: [{ at: 5d, fraction: 1 }] } }]
`);
    // By day 5 the year holds 500 of salary: the vest's tax is T(40 500) − T(500) = 10 150 − 50.
    expect(run.values('p').token_income_tax_usd).toBe(10_100);
    // Ten days of salary, 1 000 in all: 100 at 10 % before the vest, 500 at 30 % after it.
    expect(run.values('p').income_tax_usd).toBe(10_100 + 50 + 150);
  });
});

describe('discounted token flow', () => {
  it('equals the closed form Σ flow·vᵈ = flow·v(1 − v⁶⁰)/(1 − v), v = 1.1^(−1/365)', () => {
    const run = runTimeline(`
duration: 60d
market: { tao_usd: { model: constant, initial: 400 } }
contributors:
  - name: dev
    discount_rate: 0.1
    tax: { income: 0.3 }
    packages:
      - name: p
        salary: 36500
        grants: [{ asset: tao, amount: 60, vesting: { convention: linear, duration: 60d }, selling: { rule: sell_at_vest } }]
`);
    // Each day 1…60: 100 of salary and 1 TAO sold at 400.
    const v = 1.1 ** (-1 / 365);
    const annuity = (v * (1 - v ** 60)) / (1 - v);
    const values = run.values('p');
    expect(values.value_usd).toBe(30_000);
    expect(run.pkg('p').pvUsd).toBeCloseTo(500 * annuity, 6);
    expect(run.pkg('p').netPvUsd).toBeCloseTo(350 * annuity, 6); // after 30 % income tax, paid when earned
    expect(values.pv_usd).toBeLessThan(30_000);
  });
});
