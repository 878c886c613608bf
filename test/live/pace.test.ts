import { describe, expect, it } from 'vitest';
import { Pace, RateMeter } from '../../src/live/pace.ts';

describe('Pace', () => {
  it('earns blocks with time, spends one a block, and says how long to wait for the next', () => {
    let t = 0;
    const pace = new Pace(() => t);
    t = 100;
    pace.earn(30); // 3 blocks
    expect([pace.canStep(30), pace.wait(30)]).toEqual([true, 0]);
    pace.spend();
    pace.spend();
    pace.spend();
    expect(pace.canStep(30)).toBe(false);
    expect(pace.wait(30)).toBeCloseTo(1000 / 30, 9);
  });

  it('caps what a long gap earns at a tenth of a second’s worth (no burst after a stall)', () => {
    let t = 0;
    const pace = new Pace(() => t);
    t = 60_000;
    pace.earn(1000);
    let blocks = 0;
    while (pace.canStep(1000)) {
      pace.spend();
      blocks++;
    }
    expect(blocks).toBe(100);
  });

  it('infinite speed always steps; a restart owes nothing', () => {
    let t = 0;
    const pace = new Pace(() => t);
    expect([pace.canStep(Number.POSITIVE_INFINITY), pace.wait(Number.POSITIVE_INFINITY)]).toEqual([true, 0]);
    t = 500;
    pace.restart();
    pace.earn(30);
    expect(pace.canStep(30)).toBe(false);
  });
});

describe('RateMeter', () => {
  it('blocks per second over about a second; nothing until then or after a reset', () => {
    const meter = new RateMeter();
    meter.observe(0, 100);
    meter.observe(500, 150);
    expect(meter.rate).toBeNull();
    meter.observe(1250, 350);
    expect(meter.rate).toBe(200);
    meter.reset();
    expect(meter.rate).toBeNull();
  });
});
