import { describe, expect, it } from 'vitest';
import { alphaToReachPrice, taoToReachPrice } from '../../../src/engine/pool/limit.ts';
import {
  isValidQuoteWeight,
  type Pool,
  quoteWeightForPrice,
  spotPrice,
} from '../../../src/engine/pool/pool.ts';
import { quoteBuy, quoteSell } from '../../../src/engine/pool/swap.ts';

/** Spot price and the limit-order deltas (balancer.rs unit tests, spec §9 item 4). */

describe('spotPrice', () => {
  it('test_price_scales_with_weight_ratio_two_to_one: w2 = 1/3, x = 4, y = 10 → 5.0', () => {
    expect(spotPrice({ tao: 10, alpha: 4, quoteWeight: 1 / 3 })).toBeCloseTo(5, 14);
  });

  it('is y/x exactly at w = ½ and 0 for an empty alpha reserve', () => {
    expect(spotPrice({ tao: 1e9, alpha: 4e9, quoteWeight: 0.5 })).toBe(0.25);
    expect(spotPrice({ tao: 1e9, alpha: 0, quoteWeight: 0.5 })).toBe(0);
  });

  it('quoteWeightForPrice inverts it: w2 = y/(p·x + y)', () => {
    const w2 = quoteWeightForPrice(4e9, 1e9, 0.5);
    expect(spotPrice({ tao: 1e9, alpha: 4e9, quoteWeight: w2 })).toBeCloseTo(0.5, 14);
  });

  it('weights are valid in [0.01, 0.99]', () => {
    expect([0.01, 0.5, 0.99].map(isValidQuoteWeight)).toEqual([true, true, true]);
    expect([0.0099, 0.991, 0, 1].map(isValidQuoteWeight)).toEqual([false, false, false, false]);
  });
});

describe('limit-order deltas', () => {
  it('test_calculate_quote_delta_in: w2 0.25, price 0.1 → 0.2, y 1e9 → floor(1e9·(2^0.75 − 1)) = 681 792 830', () => {
    const pool: Pool = { tao: 1e9, alpha: 1e9, quoteWeight: 0.25 };
    expect(taoToReachPrice(pool, 0.1, 0.2)).toBe(681_792_830);
  });

  it('test_calculate_base_delta_in: w2 0.25, price 0.2 → 0.1, x 1e9 → floor(1e9·(2^0.25 − 1))', () => {
    const pool: Pool = { tao: 1e9, alpha: 1e9, quoteWeight: 0.25 };
    expect(alphaToReachPrice(pool, 0.2, 0.1)).toBe(Math.floor(1e9 * (2 ** 0.25 - 1)));
  });

  it('a swap of that size lands on the target price; a target not beyond the price needs 0', () => {
    const pool: Pool = { tao: 3e12, alpha: 7e12, quoteWeight: 0.4 };
    const p = spotPrice(pool);
    expect(quoteBuy(pool, taoToReachPrice(pool, p, 1.1 * p), 0).priceAfter / (1.1 * p)).toBeCloseTo(1, 9);
    expect(quoteSell(pool, alphaToReachPrice(pool, p, 0.9 * p), 0).priceAfter / (0.9 * p)).toBeCloseTo(1, 9);
    expect(taoToReachPrice(pool, p, p)).toBe(0);
    expect(alphaToReachPrice(pool, p, 2 * p)).toBe(0);
  });
});
