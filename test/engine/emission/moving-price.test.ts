import { describe, expect, it } from 'vitest';
import { movingPriceAlpha, updateMovingPrice } from '../../../src/engine/emission/moving-price.ts';

describe('updateMovingPrice (emissions.md §2.3)', () => {
  it('spec §9 test_coinbase_moving_prices: α 0.1 at block 201 600, start 1, 14 updates from 0 → 0.512325', () => {
    // b = 201 600 − (1 − 1) = 201 600; α_eff = 0.1 · b / (b + 201 600) = 0.05; 1 − 0.95^14 = 0.51233.
    const params = { block: 201_600, firstEmissionBlock: 1, movingAlpha: 0.1 };
    expect(movingPriceAlpha(params)).toBeCloseTo(0.05, 15);
    let ema = 0;
    for (let k = 0; k < 14; k++) ema = updateMovingPrice(ema, 1, params);
    expect(Math.abs(ema - 0.512325)).toBeLessThan(0.001);
  });

  it('spec §9 test_update_moving_price_initial: α 0.5, block 510, first emission 500 → below 0.001', () => {
    // b = 510 − 499 = 11; α_eff = 0.5 · 11 / 201 611 ≈ 2.7e-5.
    const ema = updateMovingPrice(0, 1, { block: 510, firstEmissionBlock: 500, movingAlpha: 0.5 });
    expect(ema).toBeGreaterThan(0);
    expect(ema).toBeLessThan(0.001);
  });

  it('spec §9 test_update_moving_price_after_time: α 0.5, block 144 000 500 → 0.5', () => {
    const ema = updateMovingPrice(0, 1, { block: 144_000_500, firstEmissionBlock: 500, movingAlpha: 0.5 });
    expect(Math.abs(ema - 0.5)).toBeLessThan(0.001);
  });

  it('caps the spot at 1: a spot of 5 moves the EMA as a spot of 1 does', () => {
    const params = { block: 1_000_000, firstEmissionBlock: 1, movingAlpha: 0.5 };
    expect(updateMovingPrice(0.2, 5, params)).toBe(updateMovingPrice(0.2, 1, params));
    expect(updateMovingPrice(0.2, 0.4, params)).toBeLessThan(updateMovingPrice(0.2, 1, params));
  });

  it('before start_call (b = 0) the EMA does not move', () => {
    expect(movingPriceAlpha({ block: 99, firstEmissionBlock: 100 })).toBe(0);
    expect(movingPriceAlpha({ block: 0, firstEmissionBlock: 0, halvingBlocks: 0 })).toBe(0);
    expect(updateMovingPrice(0.3, 1, { block: 50, firstEmissionBlock: 100 })).toBe(0.3);
  });

  it('§2.3 defaults from 0 at a constant spot of 1: ≈ 0.19 after 30 days, 0.66 after 90, 0.93 after 180', () => {
    let ema = 0;
    const seen: number[] = [];
    for (let block = 1; block <= 180 * 7_200; block++) {
      ema = updateMovingPrice(ema, 1, { block, firstEmissionBlock: 1 });
      if (block === 30 * 7_200 || block === 90 * 7_200) seen.push(ema);
    }
    seen.push(ema);
    expect(seen[0]).toBeCloseTo(0.19, 2);
    expect(seen[1]).toBeCloseTo(0.66, 2);
    expect(seen[2]).toBeCloseTo(0.93, 2);
  });
});
