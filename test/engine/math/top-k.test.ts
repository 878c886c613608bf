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
