import { describe, expect, it } from 'vitest';
import type { PackageOutcome } from '../../src/engine/compensation/outcome.ts';
import { packageStats } from '../../src/replicates/package-stats.ts';

/** packages.csv's figures from replicates' outcomes, on numbers worked by hand. */

function outcome(value: number, extra: Partial<PackageOutcome> = {}): PackageOutcome {
  return {
    contributor: 'dev',
    package: 'p',
    holds: true,
    value,
    realised: value / 2,
    pv: value * 0.9,
    netPv: value * 0.6,
    forfeited: 0,
    tax: 0,
    taxExceedsValue: false,
    leftDay: -1,
    cashTwin: 100,
    cashTwinPv: 90,
    unhedgedValue: Number.NaN,
    vestDays: new Uint8Array(4),
    underWaterDays: new Uint8Array(4),
    ...extra,
  };
}

describe('packageStats', () => {
  const runs = [0, 50, 100, 150, 200].map((v, r) => [
    outcome(v, {
      forfeited: r === 0 ? 500 : 0,
      leftDay: r === 0 ? 2 : -1,
      taxExceedsValue: r < 2,
      vestDays: Uint8Array.from([0, 1, 1, r % 2]),
      underWaterDays: Uint8Array.from([0, r < 4 ? 1 : 0, 0, r % 2]),
      unhedgedValue: v - 10 + r * 5, // the hedge wins on r = 0, 1 only
    }),
  ]);
  const [s] = packageStats(runs);

  it('quantiles of value and realised USD (linear between order statistics)', () => {
    expect(s.replicates).toBe(5);
    expect(s.value).toEqual([10, 50, 100, 150, 190]);
    expect(s.realised).toEqual([5, 25, 50, 75, 95]);
    expect(s.valueMean).toBe(100);
  });

  it('expected forfeited value, probabilities of leaving and of tax above value', () => {
    expect(s.forfeitedMean).toBe(100);
    expect(s.pLeft).toBe(0.2);
    expect(s.pTaxExceedsValue).toBe(0.4);
  });

  it('under water per vest date and over all vests', () => {
    expect(s.vestDates).toEqual([
      { day: 1, vests: 5, pUnderWater: 0.8 },
      { day: 2, vests: 5, pUnderWater: 0 },
      { day: 3, vests: 2, pUnderWater: 1 },
    ]);
    expect(s.pUnderWaterAtVest).toBe(6 / 12);
  });

  it('against the cash twin (100) and the unhedged twin; a tie to the cent is not a win', () => {
    expect(s.pBeatsCashTwin).toBe(0.4); // 150 and 200
    expect(s.vsCashTwinMean).toBe(0);
    expect(s.pHedgeHelps).toBe(0.4);
    const [tie] = packageStats([[outcome(100.000_000_01)]]);
    expect(tie.pBeatsCashTwin).toBe(0);
    expect(Number.isNaN(tie.pHedgeHelps)).toBe(true);
  });
});
