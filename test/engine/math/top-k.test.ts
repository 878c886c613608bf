import { describe, expect, it } from 'vitest';
import { isTopKNonzero } from '../../../src/engine/math/top-k.ts';

// Rule of spec §3.3 (chain is_topk_nonzero_i32f32): stable ascending sort, first n − K lose.
describe('isTopKNonzero', () => {
  it('keeps the K largest non-zero entries', () => {
    expect(Array.from(isTopKNonzero([0.1, 0.4, 0.2, 0.3], 2))).toEqual([0, 1, 0, 1]);
  });
  it('among equal values the lower index loses', () => {
    expect(Array.from(isTopKNonzero([0.25, 0.25, 0.25, 0.25], 3))).toEqual([0, 1, 1, 1]);
  });
  it('never selects zeros, even when K ≥ n', () => {
    expect(Array.from(isTopKNonzero([0, 0.5, 0.5], 5))).toEqual([0, 1, 1]);
    expect(Array.from(isTopKNonzero([0, 0.5, 0.5], 3))).toEqual([0, 1, 1]);
  });
  it('K = 0 selects nothing', () => {
    expect(Array.from(isTopKNonzero([1, 2], 0))).toEqual([0, 0]);
  });
});

describe('isTopKNonzero against a stable sort', () => {
  /** The statement itself: sort (value, index) ascending, deselect the first n − K of the non-zero mask. */
  function bySort(values: number[], k: number): number[] {
    const out = values.map((v) => (v !== 0 ? 1 : 0));
    if (values.length < k) return out;
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
    for (let r = 0; r < values.length - Math.max(0, k); r++) out[order[r]] = 0;
    return out;
  }
  it('agrees on random values with ties, ±0 and every K', () => {
    let s = 1;
    const next = () => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s / 2 ** 31;
    };
    for (let t = 0; t < 500; t++) {
      const n = Math.floor(next() * 40);
      const values = Array.from({ length: n }, () =>
        next() < 0.5 ? [0, -0, 0.25, 0.5, 1][Math.floor(next() * 5)] : next(),
      );
      const k = Math.floor(next() * (n + 3));
      expect(Array.from(isTopKNonzero(values, k))).toEqual(bySort(values, k));
    }
  });
});
