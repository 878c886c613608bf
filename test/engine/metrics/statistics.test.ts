import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStatisticsScratch, gini, pearson, spearman } from '../../../src/engine/metrics/statistics.ts';

/** Average ranks as a stable index sort finds them (ties: the mean of their 1-based positions). */
function referenceRanks(values: number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let k = i;
    while (k + 1 < order.length && values[order[k + 1]] === values[order[i]]) k++;
    for (let m = i; m <= k; m++) out[order[m]] = (i + k) / 2 + 1;
    i = k + 1;
  }
  return out;
}

/** Values with many ties, both zeros and infinities: what a binary search over a sorted copy must get right. */
const tiedValues = fc.array(
  fc.oneof(
    fc.constantFrom(0, -0, 0.25, 0.5, 1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  ),
  { maxLength: 40 },
);

describe('gini', () => {
  it('hand values', () => {
    // Mean-absolute-difference form G = ΣᵢΣⱼ|xᵢ − xⱼ| / (2n²μ):
    // [1,2,3,4]: Σ|diff| over ordered pairs = 20, 2·16·2.5 = 80 → 0.25.
    expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25, 12);
    // One of n holds everything → (n − 1)/n.
    expect(gini([0, 0, 0, 1])).toBeCloseTo(0.75, 12);
    expect(gini([0, 5])).toBeCloseTo(0.5, 12);
    // [0, 0.1, 0.15, 0.3, 0.45]: Σ_{i<j}|diff| = 2.2 → 2·2.2 / (2·25·0.2) = 0.44.
    expect(gini([0.3, 0, 0.45, 0.1, 0.15])).toBeCloseTo(0.44, 12);
  });

  it('equal shares → 0; empty, single or all-zero input → 0', () => {
    expect(gini([3, 3, 3])).toBeCloseTo(0, 12);
    expect(gini([])).toBe(0);
    expect(gini([5])).toBe(0);
    expect(gini([0, 0, 0])).toBe(0);
  });

  it('does not depend on order or scale (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (xs) => {
          const g = gini(xs);
          expect(g).toBeGreaterThanOrEqual(-1e-12);
          expect(g).toBeLessThanOrEqual((xs.length - 1) / xs.length + 1e-12);
          expect(gini([...xs].reverse())).toBeCloseTo(g, 9);
          expect(gini(xs.map((x) => 3 * x))).toBeCloseTo(g, 9);
        },
      ),
    );
  });
});

describe('pearson', () => {
  it('hand value: [1,2,3] vs [2,4,7] → 5/√(2·114/9) ≈ 0.993399', () => {
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(0.9933992677987828, 12);
  });
  it('degenerate input → 0', () => {
    expect(pearson([1], [2])).toBe(0);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBe(0);
  });
});

describe('spearman', () => {
  it('monotone relations give ±1 whatever their shape', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 1000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [0.9, 0.5, 0.2, 0.1])).toBeCloseTo(-1, 12);
  });

  it('hand value without ties: 1 − 6Σd²/(n(n²−1))', () => {
    // ranks x [1,3,4,2], y [1,4,3,2]: Σd² = 2 → 1 − 12/60 = 0.8.
    expect(spearman([0.4, 0.7, 0.8, 0.5], [0.1, 0.45, 0.3, 0.15])).toBeCloseTo(0.8, 12);
  });

  it('hand value with ties (average ranks): 8/√95', () => {
    // y = [5,6,7,8,7] → ranks [1,2,3.5,5,3.5]; Pearson with [1..5]: Sxy 8, Sxx 10, Syy 9.5.
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(8 / Math.sqrt(95), 12);
  });

  it('constant input or fewer than two points → 0, never NaN', () => {
    expect(spearman([0.3, 0.3, 0.3], [1, 2, 3])).toBe(0);
    expect(spearman([], [])).toBe(0);
    expect(spearman([1], [1])).toBe(0);
  });
});

describe('scratch reuse', () => {
  it('spearman equals Pearson on reference ranks, whatever the scratch held before (property)', () => {
    const scratch = createStatisticsScratch();
    fc.assert(
      fc.property(tiedValues, fc.integer(), (xs, seed) => {
        const ys = xs.map((_, i) => ((seed + i * 7919) % 13) / 4); // ties in y too
        const want = pearson(referenceRanks(xs), referenceRanks(ys));
        expect(spearman(xs, ys, xs.length, scratch)).toBe(want);
        expect(spearman(xs, ys)).toBe(want);
      }),
      { numRuns: 3_000 },
    );
  });

  it('a NaN still ranks as the index sort ranks it', () => {
    const xs = [0.3, Number.NaN, 0.1, 0.3, 0.2];
    const ys = [1, 2, 3, 4, 5];
    expect(spearman(xs, ys, 5, createStatisticsScratch())).toBe(pearson(referenceRanks(xs), ys));
  });

  it('reads only the first n entries of longer buffers', () => {
    const scratch = createStatisticsScratch();
    const x = Float64Array.from([0.4, 0.7, 0.8, 0.5, 99, -99]);
    const y = Float64Array.from([0.1, 0.45, 0.3, 0.15, -5, 5]);
    expect(spearman(x, y, 4, scratch)).toBeCloseTo(0.8, 12);
    expect(gini(Float64Array.from([0.1, 0.45, 0.3, 0, 0.15, 1e9]), 5, scratch)).toBeCloseTo(0.44, 12);
    expect(gini([1, 2, 3, 4], 4, scratch)).toBeCloseTo(0.25, 12);
  });
});
