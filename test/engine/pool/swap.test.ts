import { describe, expect, it } from 'vitest';
import { DEFAULT_FEE_RATE } from '../../../src/engine/pool/fee.ts';
import { MINIMUM_RESERVE, type Pool, spotPrice } from '../../../src/engine/pool/pool.ts';
import { applyBuy, applySell, emptyQuote, quoteBuy, quoteSell } from '../../../src/engine/pool/swap.ts';

/**
 * Stake and unstake quotes: test_swap_basic (pallets/swap/src/pallet/tests.rs), the worked examples A–C
 * of spec §4.3 to their printed digits (1e-6 relative), and the swaps the chain refuses.
 */

const TAO = 1e9;
const rel = (actual: number, expected: number) => Math.abs(actual / expected - 1);

describe('test_swap_basic: reserves 1e9 TAO / 4e9 alpha (price 0.25), w = ½', () => {
  const amounts = [1_000, 2_000, 123_456, 1e9, 1e10];
  for (const amount of amounts) {
    it(`${amount} rao: fee floor(amount·33/65535), output the constant-product floor`, () => {
      const fee = BigInt(Math.floor((amount * 33) / 65_535));
      const net = BigInt(amount) - fee;
      const pool: Pool = { tao: 1e9, alpha: 4e9, quoteWeight: 0.5 };
      const buy = quoteBuy(pool, amount, DEFAULT_FEE_RATE);
      expect(buy.rejected).toBeNull();
      expect(buy.fee).toBe(Number(fee));
      expect(buy.amountOut).toBe(Number((4_000_000_000n * net) / (1_000_000_000n + net)));
      expect(buy.priceBefore).toBe(0.25);
      expect(buy.priceAfter).toBeGreaterThan(0.25);
      const sell = quoteSell(pool, amount, DEFAULT_FEE_RATE);
      expect(sell.rejected).toBeNull();
      expect(sell.fee).toBe(Number(fee));
      expect(sell.amountOut).toBe(Number((1_000_000_000n * net) / (4_000_000_000n + net)));
      expect(sell.priceAfter).toBeLessThan(0.25);
      // Quoting does not touch the pool; applying moves the reserves by the net input and the output.
      expect(pool).toEqual({ tao: 1e9, alpha: 4e9, quoteWeight: 0.5 });
      applyBuy(pool, buy);
      expect(pool).toEqual({ tao: 1e9 + Number(net), alpha: 4e9 - buy.amountOut, quoteWeight: 0.5 });
      expect(spotPrice(pool)).toBe(buy.priceAfter);
    });
  }
});

describe('spec §4.3 worked examples', () => {
  it('A. buy 100 TAO at y 10 000 TAO, x 100 000 α, w ½', () => {
    const pool: Pool = { tao: 10_000 * TAO, alpha: 100_000 * TAO, quoteWeight: 0.5 };
    const q = quoteBuy(pool, 100 * TAO, DEFAULT_FEE_RATE);
    expect(rel(q.fee / TAO, 0.050355)).toBeLessThan(1e-5); // printed to 6 decimals: 0.050354772
    expect(rel((q.amountIn - q.fee) / TAO, 99.949645)).toBeLessThan(1e-6);
    expect(rel(q.amountOut / TAO, 989.6054)).toBeLessThan(1e-6);
    expect(rel(q.amountIn / q.amountOut, 0.10105)).toBeLessThan(1e-5); // effective price 0.101050
    expect(q.priceBefore).toBe(0.1);
    expect(rel(q.priceAfter, 0.102009)).toBeLessThan(1e-6);
  });

  it('B. selling the 989.6054 α straight back: fee 0.498314 α, 99.8998 TAO, 0.1002 TAO lost', () => {
    const pool: Pool = { tao: 10_000 * TAO, alpha: 100_000 * TAO, quoteWeight: 0.5 };
    const buy = quoteBuy(pool, 100 * TAO, DEFAULT_FEE_RATE);
    applyBuy(pool, buy);
    const sell = quoteSell(pool, buy.amountOut, DEFAULT_FEE_RATE);
    expect(rel(sell.fee / TAO, 0.498314)).toBeLessThan(1e-6);
    expect(rel(sell.amountOut / TAO, 99.8998)).toBeLessThan(1e-6);
    expect(rel((100 * TAO - sell.amountOut) / TAO, 0.1002)).toBeLessThan(1e-3); // 0.1002 has 4 digits
    applySell(pool, sell);
    // No net slippage: the pool is back where it started but for the fees and the floors.
    expect(rel(spotPrice(pool), 0.1)).toBeLessThan(1e-4);
  });

  it('C. weighted pool w2 = 0.45: price 0.12222, buy 100 TAO → 810.41 α at 0.12445, sell 1000 α → 120.82 TAO', () => {
    const pool: Pool = { tao: 10_000 * TAO, alpha: 100_000 * TAO, quoteWeight: 0.45 };
    expect(rel(spotPrice(pool), 0.12222)).toBeLessThan(1e-4); // (0.55/0.45)·0.1 = 0.122222…
    expect(rel(spotPrice(pool), 0.55 / 0.45 / 10)).toBeLessThan(1e-15);
    const buy = quoteBuy(pool, 100 * TAO, DEFAULT_FEE_RATE);
    expect(Math.round(buy.amountOut / 1e7) / 100).toBe(810.41);
    expect(
      rel(buy.amountOut / TAO, 100_000 * (1 - (10_000 / 10_099.949645228) ** (0.45 / 0.55))),
    ).toBeLessThan(1e-6);
    expect(Math.round(buy.priceAfter * 1e5) / 1e5).toBe(0.12445);
    const sell = quoteSell(pool, 1_000 * TAO, DEFAULT_FEE_RATE);
    expect(Math.round(sell.amountOut / 1e7) / 100).toBe(120.82);
    expect(
      rel(sell.amountOut / TAO, 10_000 * (1 - (100_000 / 100_999.496452278) ** (0.55 / 0.45))),
    ).toBeLessThan(1e-6);
  });
});

describe('swaps the chain refuses come back rejected, and applying them changes nothing', () => {
  const pool = (): Pool => ({ tao: 1e9, alpha: 4e9, quoteWeight: 0.5 });

  it('reserve_too_low: the output side holds less than SwapMinimumReserve before the swap', () => {
    const p = { tao: 1e9, alpha: MINIMUM_RESERVE - 1, quoteWeight: 0.5 };
    const q = quoteBuy(p, 1e6, DEFAULT_FEE_RATE);
    expect(q.rejected).toBe('reserve_too_low');
    expect(q.amountOut).toBe(0);
    expect(q.priceAfter).toBe(q.priceBefore);
    applyBuy(p, q);
    expect(p.alpha).toBe(MINIMUM_RESERVE - 1);
    expect(quoteBuy({ ...p, alpha: MINIMUM_RESERVE }, 1e6, DEFAULT_FEE_RATE).rejected).toBeNull();
    expect(quoteSell({ tao: MINIMUM_RESERVE - 1, alpha: 4e9, quoteWeight: 0.5 }, 1e6, 0).rejected).toBe(
      'reserve_too_low',
    );
  });

  it('input_too_large: more than 1000× the input-side reserve after the fee', () => {
    expect(quoteBuy(pool(), 1000e9, 0).rejected).toBeNull();
    expect(quoteBuy(pool(), 1000e9 + 1, 0).rejected).toBe('input_too_large');
    expect(quoteSell(pool(), 4000e9 + 1, 0).rejected).toBe('input_too_large');
    // The fee comes off first: 1000e9 + fee still fits.
    expect(quoteBuy(pool(), 1000.5e9, DEFAULT_FEE_RATE).rejected).toBeNull();
  });

  it('zero_output: a positive input that buys nothing', () => {
    const q = quoteSell(pool(), 3, 0); // 1e9·3/(4e9 + 3) < 1
    expect(q.rejected).toBe('zero_output');
    const p = pool();
    applySell(p, q);
    expect(p).toEqual(pool());
  });

  it('never pays out a whole reserve, even at extreme weights and the largest input', () => {
    const q = quoteBuy({ tao: 1, alpha: 2e6, quoteWeight: 0.99 }, 1000, 0);
    expect(q.rejected).toBeNull();
    expect(q.amountOut).toBe(2e6 - 1);
  });

  it('invalid_amount; and a zero input is a no-op, not an error', () => {
    expect(quoteBuy(pool(), -1, 0).rejected).toBe('invalid_amount');
    expect(quoteBuy(pool(), Number.NaN, 0).rejected).toBe('invalid_amount');
    const zero = quoteBuy(pool(), 0, DEFAULT_FEE_RATE);
    expect(zero).toMatchObject({ rejected: null, amountOut: 0, fee: 0, priceAfter: 0.25 });
  });
});

describe('the out argument', () => {
  it('is filled and returned, so a loop allocates nothing; a rejection clears the previous fields', () => {
    const out = emptyQuote();
    const pool: Pool = { tao: 1e9, alpha: 4e9, quoteWeight: 0.5 };
    expect(quoteBuy(pool, 1e9, DEFAULT_FEE_RATE, out)).toBe(out);
    expect(out.amountOut).toBe(1_999_496_326);
    expect(quoteSell(pool, -5, 0, out)).toBe(out);
    expect(out).toMatchObject({
      amountIn: -5,
      amountOut: 0,
      fee: 0,
      rejected: 'invalid_amount',
      priceAfter: 0.25,
    });
  });
});
