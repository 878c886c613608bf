import { describe, expect, it } from 'vitest';
import { createPackageDays } from '../../src/replicates/package-days.ts';

/** package-days.csv's figures: per day and package, quantiles and mean across replicates, by hand. */

const PACKAGES = [
  { contributor: 'dev', package: 'tokens', holds: true },
  { contributor: 'dev', package: 'cash', holds: false },
];

/** Replicate r's daily values, 3 days: tokens r × 100 × (day + 1) (in a scrambled replicate order), cash 50 a day. */
const ORDER = [3, 0, 4, 1, 2];
function daily(r: number): Float64Array {
  const v = ORDER[r] * 100;
  return Float64Array.from([v, 2 * v, 3 * v, 50, 100, 150]);
}

describe('createPackageDays', () => {
  it('quantiles per day, linear between order statistics, and the mean', () => {
    const days = createPackageDays(PACKAGES, 3, 5);
    for (let r = 4; r >= 0; r--) days.add(r, daily(r));
    const rows = days.rows();
    expect(rows.map((r) => [r.package, r.day])).toEqual([
      ['tokens', 0],
      ['tokens', 1],
      ['tokens', 2],
      ['cash', 0],
      ['cash', 1],
      ['cash', 2],
    ]);
    // Day 0: 0, 100, 200, 300, 400 → h = 4q: p5 = 0 + 0.2·100 = 20, p25 = 100, p50 = 200, p75 = 300,
    // p95 = 300 + 0.8·100 = 380; mean 200. Day 1 doubles, day 2 triples.
    expect(rows[0].quantiles.map((x) => Number(x.toFixed(9)))).toEqual([20, 100, 200, 300, 380]);
    expect(rows[0].mean).toBe(200);
    expect(rows[1].quantiles.map((x) => Number(x.toFixed(9)))).toEqual([40, 200, 400, 600, 760]);
    expect(rows[2].quantiles.map((x) => Number(x.toFixed(9)))).toEqual([60, 300, 600, 900, 1140]);
    expect(rows[4]).toMatchObject({ contributor: 'dev', holds: false, quantiles: [100, 100, 100, 100, 100] });
    expect(rows[4].mean).toBe(100);
  });

  it('over its memory budget, keeps every k-th day and the last, still exact there', () => {
    // 10 days × 2 packages × 5 replicates × 8 bytes = 800 bytes; a budget of 400 keeps ≤ 5 days: k = 3.
    const days = createPackageDays(PACKAGES, 10, 5, 400);
    expect(days.days).toEqual([0, 3, 6, 9]);
    for (let r = 0; r < 5; r++) {
      const v = Float64Array.from({ length: 20 }, (_, i) => (i < 10 ? ORDER[r] * (i + 1) : 7));
      days.add(r, v);
    }
    const rows = days.rows().filter((r) => r.package === 'tokens');
    expect(rows.map((r) => r.day)).toEqual([0, 3, 6, 9]);
    // Day 6: 7 × (0, 1, 2, 3, 4) → p50 = 14, p95 = 7 × 3.8 = 26.6.
    expect(rows[2].quantiles[2]).toBe(14);
    expect(rows[2].quantiles[4]).toBeCloseTo(26.6, 12);
  });

  it('refuses a replicate of the wrong shape, and rows before every replicate is in', () => {
    const days = createPackageDays(PACKAGES, 3, 2);
    expect(() => days.add(0, new Float64Array(5))).toThrow(/5 daily values, expected 6/);
    days.add(0, daily(0));
    expect(() => days.rows()).toThrow(/replicate 1 was never added/);
  });
});
