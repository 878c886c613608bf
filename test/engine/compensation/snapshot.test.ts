import { describe, expect, it } from 'vitest';
import { grantLines, taoUsdAt } from '../../../src/engine/compensation/snapshot.ts';
import { runTimeline } from '../../helpers/timeline.ts';

/** The per-day view of contributors a live terminal shows: the held package's grants in whole units. */
describe('grantLines', () => {
  const run = runTimeline(`
duration: 10d
market: { tao_usd: { model: historical, points: [{ day: 0, price: 400 }, { day: 10, price: 500 }] } }
contributors:
  - name: dev
    holds: mixed
    packages:
      - { name: other, grants: [{ amount: 1 }] }
      - name: mixed
        grants:
          - { name: t, asset: tao, amount: 100, vesting: { convention: linear, duration: 20d } }
          - { name: a, asset: alpha, netuid: 1, amount: 1000, vesting: { convention: linear, duration: 5d } }
`);

  it("lists the held package's grants with vested, unvested and the whole grant's USD", () => {
    const lines = grantLines(run.timeline.compensation!, () => 1);
    expect(lines.map((l) => [l.name, l.asset])).toEqual([
      ['dev/mixed/t', 'TAO'],
      ['dev/mixed/a', 'alpha of netuid 1'],
    ]);
    expect(lines[0]).toMatchObject({ vested: 50, unvested: 50, usd: 100 * 500 });
    expect(lines[1]).toMatchObject({ vested: 1000, unvested: 0 });
    expect(lines[1].usd).toBeCloseTo(1000 * run.pkg('mixed').grants[1].price, 6);
  });

  it('TAO/USD at a block is the closing price of the day in progress', () => {
    expect(taoUsdAt(run.timeline, 0)).toBe(400);
    expect(taoUsdAt(run.timeline, 5 * 7200)).toBe(450);
    expect(taoUsdAt(run.timeline, 5 * 7200 + 100)).toBe(460);
    expect(taoUsdAt(run.timeline, 10 ** 9)).toBe(500);
  });
});
