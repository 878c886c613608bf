import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addProtocolLiquidity } from '../../../src/engine/pool/liquidity.ts';
import { type Pool, spotPrice } from '../../../src/engine/pool/pool.ts';

/** Protocol liquidity re-weights the pool and keeps its price (balancer.rs update_weights_for_added_liquidity). */

const TAO = 1e9;

describe('addProtocolLiquidity', () => {
  it('spec §4.3 E: y 10 000, x 100 000, w ½, +3 TAO +10 α → w2 0.50004999, price still 0.1', () => {
    const pool: Pool = { tao: 10_000 * TAO, alpha: 100_000 * TAO, quoteWeight: 0.5 };
    expect(addProtocolLiquidity(pool, 3 * TAO, 10 * TAO)).toBe(true);
    expect(pool.tao).toBe(10_003 * TAO);
    expect(pool.alpha).toBe(100_010 * TAO);
    expect(Math.abs(pool.quoteWeight / 0.50004999 - 1)).toBeLessThan(1e-6);
    expect(pool.quoteWeight).toBeCloseTo(1.0003 / 2.0004, 15);
    expect(Math.abs(spotPrice(pool) / 0.1 - 1)).toBeLessThan(1e-12);
  });

  it('test_adjust_protocol_liquidity_happy: price unchanged and new w2 = y′/(p·x′ + y′), for any proportions', () => {
    const rao = fc.integer({ min: 1_000_000, max: 1e16 });
    fc.assert(
      fc.property(
        rao,
        rao,
        fc.double({ min: 0.2, max: 0.8, noNaN: true }),
        fc.nat(1e13),
        fc.nat(1e13),
        (y, x, w2, dy, dx) => {
          const pool: Pool = { tao: y, alpha: x, quoteWeight: w2 };
          const price = spotPrice(pool);
          if (!addProtocolLiquidity(pool, dy, dx)) return;
          expect(Math.abs(spotPrice(pool) / price - 1)).toBeLessThan(1e-12);
          expect(pool.quoteWeight).toBeCloseTo((y + dy) / (price * (x + dx) + y + dy), 12);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses, changing nothing, an injection that would take a weight outside [0.01, 0.99]', () => {
    const pool: Pool = { tao: 1e9, alpha: 1e12, quoteWeight: 0.5 };
    // All TAO and no alpha: new w2 = y′/(p·x + y′) = 1001e9/(1e9 + 1001e9) > 0.99.
    expect(addProtocolLiquidity(pool, 1000e9, 0)).toBe(false);
    expect(pool).toEqual({ tao: 1e9, alpha: 1e12, quoteWeight: 0.5 });
    // 97e9 TAO: w2 = 98/99 ≈ 0.9899 is still inside.
    expect(addProtocolLiquidity(pool, 97e9, 0)).toBe(true);
    expect(pool.quoteWeight).toBeCloseTo(98 / 99, 12);
  });

  it('starts over at ½ when both products are 0 (an empty pool)', () => {
    const pool: Pool = { tao: 0, alpha: 0, quoteWeight: 0.3 };
    expect(addProtocolLiquidity(pool, 5e9, 7e9)).toBe(true);
    expect(pool).toEqual({ tao: 5e9, alpha: 7e9, quoteWeight: 0.5 });
  });
});
