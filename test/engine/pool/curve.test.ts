import fc from 'fast-check';
import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { buyOutput, sellOutput } from '../../../src/engine/pool/curve.ts';

/**
 * The weighted output formulas (the chain's convert_deltas): test_convert_deltas
 * (pallets/swap/src/pallet/tests.rs) within its ±2 rao, exactness at w = ½, and a 60-digit reference
 * for random weighted pools.
 */

const big = create(all, { number: 'BigNumber', precision: 60 });

/** floor(out · (1 − (in/(in + Δ))^(wIn/wOut))) to 60 digits, the weights as exact decimals. */
function reference(out: number, inReserve: number, delta: number, wIn: string, wOut: string): number {
  const b = (v: number | string) => big.bignumber(v);
  const ratio = b(inReserve).div(b(inReserve).plus(b(delta)));
  const power = ratio.pow(b(wIn).div(b(wOut)));
  return b(out).times(b(1).minus(power)).floor().toNumber();
}

describe('test_convert_deltas: the weighted formulas within ±2 rao of the float64 reference', () => {
  const reserves: [number, number][] = [
    [1500, 1000],
    [1, 1_000_000],
    [1_000_000, 1],
  ];
  // u64::MAX, the chain test's fourth delta, is beyond float64's integers (and 1000× any reserve here).
  const deltas = [1, 10_000, 1_000_000];
  for (const w2 of [0.1, 0.5, 0.9]) {
    for (const [tao, alpha] of reserves) {
      it(`w2 ${w2}, tao ${tao}, alpha ${alpha}`, () => {
        for (const d of deltas) {
          const expectedSell = Math.trunc(tao * (1 - (alpha / (alpha + d)) ** ((1 - w2) / w2)));
          const expectedBuy = Math.trunc(alpha * (1 - (tao / (tao + d)) ** (w2 / (1 - w2))));
          expect(Math.abs(sellOutput(alpha, tao, w2, d) - expectedSell)).toBeLessThanOrEqual(2);
          expect(Math.abs(buyOutput(alpha, tao, w2, d) - expectedBuy)).toBeLessThanOrEqual(2);
        }
      });
    }
  }
});

describe('w = ½: the constant-product result, exactly', () => {
  it('buy = floor(x·Δy/(y + Δy)), sell = floor(y·Δx/(x + Δx)), products beyond 2⁵³ included', () => {
    // Reserves and trades whose sums stay below 2⁵³ rao (≈ 9·10⁶ whole units), where exactness is promised.
    const rao = fc.integer({ min: 1, max: 4.5e15 });
    fc.assert(
      fc.property(rao, rao, rao, (x, y, d) => {
        expect(buyOutput(x, y, 0.5, d)).toBe(Number((BigInt(x) * BigInt(d)) / BigInt(y + d)));
        expect(sellOutput(x, y, 0.5, d)).toBe(Number((BigInt(y) * BigInt(d)) / BigInt(x + d)));
      }),
      { numRuns: 3000 },
    );
  });

  it('stays exact past 2⁵³ rao, where a reserve plus a trade is no longer a double', () => {
    // The weighted property below once found a rao minted here: the float quotient, and the sum y + Δy
    // rounded to an even double, each paid one rao above the floor.
    const exact = (x: number, y: number, d: number) =>
      Number((BigInt(x) * BigInt(d)) / (BigInt(y) + BigInt(d)));
    const [x, y, d] = [4_304_312_427_505_456, 8_964_839_458_469_433, 950_303_229_107_947];
    expect(buyOutput(x, y, 0.5, d)).toBe(exact(x, y, d));
    expect(sellOutput(x, y, 0.5, d)).toBe(exact(y, x, d));
    const big = fc.integer({ min: 4.5e15, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(big, big, big, (a, b, t) => {
        expect(buyOutput(a, b, 0.5, t)).toBe(exact(a, b, t));
        expect(sellOutput(a, b, 0.5, t)).toBe(exact(b, a, t));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('weighted pools against a 60-digit reference', () => {
  // The weights are the float64 values' exact decimals, so what is measured is the evaluation's error:
  // never above the exact floor, and below it by at most 1 rao + ~1.3e-15 relative (5 rao at 4·10¹⁵).
  it('is at most the exact floor and within 1 rao + 2e-15 relative of it, for pools up to 9·10⁶ whole units', () => {
    const rao = fc.integer({ min: 1_000_000, max: 9e15 });
    const weight = fc.integer({ min: 1, max: 99 }).map((k) => k / 100);
    fc.assert(
      fc.property(rao, rao, fc.integer({ min: 1, max: 1e15 }), weight, (x, y, d, w2) => {
        const w2Text = w2.toPrecision(60);
        const w1Text = (1 - w2).toPrecision(60);
        const buy = reference(x, y, d, w2Text, w1Text);
        const sell = reference(y, x, d, w1Text, w2Text);
        const ours = [buyOutput(x, y, w2, d), sellOutput(x, y, w2, d)];
        expect(ours[0]).toBeLessThanOrEqual(buy);
        expect(ours[1]).toBeLessThanOrEqual(sell);
        expect(buy - ours[0]).toBeLessThanOrEqual(1 + 2e-15 * buy);
        expect(sell - ours[1]).toBeLessThanOrEqual(1 + 2e-15 * sell);
      }),
      { numRuns: 1000 },
    );
  });

  it('pays nothing for nothing, and at most the whole output reserve', () => {
    expect(buyOutput(1e9, 1e9, 0.3, 0)).toBe(0);
    expect(sellOutput(1e9, 1e9, 0.3, 0)).toBe(0);
    expect(buyOutput(1e9, 1, 0.99, 1e15)).toBeLessThanOrEqual(1e9);
  });
});
