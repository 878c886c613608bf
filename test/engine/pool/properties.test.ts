import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEE_RATE } from '../../../src/engine/pool/fee.ts';
import { addProtocolLiquidity } from '../../../src/engine/pool/liquidity.ts';
import { type Pool, spotPrice } from '../../../src/engine/pool/pool.ts';
import { applyBuy, applySell, emptyQuote, quoteBuy, quoteSell } from '../../../src/engine/pool/swap.ts';

/**
 * Properties every pool keeps, whatever the reserves, weights and trades (fast-check), in the domain
 * where rao are exact float64 integers: reserves and trades up to 4·10¹⁵ rao (4 million whole units),
 * so that every sum stays below 2⁵³.
 */

const LIMIT = 4e15;
const reserve = fc.integer({ min: 1_000_000, max: LIMIT });
const weight = fc.double({ min: 0.01, max: 0.99, noNaN: true });
const feeRate = fc.constantFrom(0, DEFAULT_FEE_RATE, 100 / 65_535, 10_000 / 65_535);
const pool = fc.record({ tao: reserve, alpha: reserve, quoteWeight: weight });
/** A trade as a fraction of the input-side reserve: from one rao up to 1000× it (the chain's cap), below LIMIT. */
const size = fc.double({ min: 0, max: 1000, noNaN: true });
const amount = (side: number, fraction: number) => Math.min(LIMIT, Math.max(1, Math.floor(side * fraction)));

/** fast-check replays generated values while shrinking: a property works on a copy, never on them. */
const copy = (p: Pool): Pool => ({ ...p });

describe('pool properties', () => {
  it('a buy then a sell of the proceeds never returns more TAO than went in', () => {
    fc.assert(
      fc.property(pool, size, feeRate, (start, fraction, rate) => {
        const p = copy(start);
        const taoIn = amount(p.tao, fraction);
        const buy = quoteBuy(p, taoIn, rate);
        fc.pre(buy.rejected === null);
        applyBuy(p, buy);
        const sell = quoteSell(p, buy.amountOut, rate);
        if (sell.rejected === null) expect(sell.amountOut).toBeLessThanOrEqual(taoIn);
      }),
      { numRuns: 5000 },
    );
  });

  it('the price rises on a buy and falls on a sell', () => {
    fc.assert(
      fc.property(pool, size, feeRate, fc.boolean(), (start, fraction, rate, buying) => {
        const p = copy(start);
        const q = buying
          ? quoteBuy(p, amount(p.tao, fraction), rate)
          : quoteSell(p, amount(p.alpha, fraction), rate);
        fc.pre(q.rejected === null && q.amountOut > 0);
        // Strictly, unless the trade moves the price by less than float64 resolves (a rao of 10¹⁵).
        const visible = q.amountOut / (buying ? p.alpha : p.tao) > 1e-12;
        if (buying)
          expect(q.priceAfter >= q.priceBefore && (!visible || q.priceAfter > q.priceBefore)).toBe(true);
        else expect(q.priceAfter <= q.priceBefore && (!visible || q.priceAfter < q.priceBefore)).toBe(true);
        if (buying) applyBuy(p, q);
        else applySell(p, q);
        expect(spotPrice(p)).toBe(q.priceAfter);
      }),
      { numRuns: 5000 },
    );
  });

  it('reserves stay positive integers, and weights in bounds, through any sequence of swaps and injections', () => {
    const step = fc.record({
      kind: fc.constantFrom('buy', 'sell', 'inject'),
      fraction: fc.double({ min: 0, max: 2, noNaN: true }),
      other: fc.double({ min: 0, max: 0.01, noNaN: true }),
    });
    fc.assert(
      fc.property(pool, fc.array(step, { maxLength: 30 }), (start, steps) => {
        const p = copy(start);
        const q = emptyQuote();
        for (const s of steps) {
          if (s.kind === 'buy') applyBuy(p, quoteBuy(p, amount(p.tao, s.fraction), DEFAULT_FEE_RATE, q));
          else if (s.kind === 'sell')
            applySell(p, quoteSell(p, amount(p.alpha, s.fraction), DEFAULT_FEE_RATE, q));
          else
            addProtocolLiquidity(p, Math.floor(p.tao * s.other), Math.floor(p.alpha * s.other * s.fraction));
          expect(p.tao > 0 && Number.isInteger(p.tao)).toBe(true);
          expect(p.alpha > 0 && Number.isInteger(p.alpha)).toBe(true);
          expect(p.quoteWeight >= 0.01 && p.quoteWeight <= 0.99).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('x·y never decreases across a fee-paying swap at w = ½ (exact, in BigInt)', () => {
    const half = fc.record({ tao: reserve, alpha: reserve });
    fc.assert(
      fc.property(half, size, fc.boolean(), (r, fraction, buying) => {
        const p: Pool = { ...r, quoteWeight: 0.5 };
        const before = BigInt(p.tao) * BigInt(p.alpha);
        const q = buying
          ? quoteBuy(p, amount(p.tao, fraction), DEFAULT_FEE_RATE)
          : quoteSell(p, amount(p.alpha, fraction), DEFAULT_FEE_RATE);
        fc.pre(q.rejected === null);
        if (buying) applyBuy(p, q);
        else applySell(p, q);
        expect(BigInt(p.tao) * BigInt(p.alpha) >= before).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
