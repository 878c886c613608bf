import { describe, expect, it } from 'vitest';
import { weightedMedian, weightedMedianCol } from '../../../src/engine/math/weighted-median.ts';

// Expected values: opentensor/subtensor@14bc6f9 pallets/subtensor/src/tests/math.rs, as listed in
// spec §7 C15 (test_math_weighted_median, test_math_weighted_median_col(_sparse)).
describe('weightedMedian (C15 test_math_weighted_median)', () => {
  it('returns the higher score when the lower one holds exactly the minority', () => {
    expect(weightedMedian([0.49, 0.51], [0.5, 1], 1 - 0.51)).toBe(1);
  });
  it('returns the lower score when it holds more than the minority', () => {
    expect(weightedMedian([0.51, 0.49], [0.5, 1], 1 - 0.51)).toBe(0.5);
  });
  it('returns the middle score that tips the cumulative stake over the minority', () => {
    expect(weightedMedian([0.49, 0.01, 0.5], [0.5, 0.7, 1], 1 - 0.51)).toBe(0.7);
  });
  it('does not depend on the order of the entries', () => {
    expect(weightedMedian([0.5, 0.01, 0.49], [1, 0.7, 0.5], 1 - 0.51)).toBe(0.7);
    expect(weightedMedian([0.01, 0.5, 0.49], [0.7, 1, 0.5], 1 - 0.51)).toBe(0.7);
  });
  it('is total: empty → 0, minority ≥ total → largest score, minority < 0 → smallest score', () => {
    expect(weightedMedian([], [], 0.5)).toBe(0);
    expect(weightedMedian([0.2, 0.3], [0.4, 0.9], 0.6)).toBe(0.9);
    expect(weightedMedian([0.2, 0.3], [0.4, 0.9], -0.1)).toBe(0.4);
  });
  it('groups equal scores (their stake counts together)', () => {
    // F(0.2) = 0.6 > 0.5 only once both 0.2 entries are counted.
    expect(weightedMedian([0.3, 0.3, 0.4], [0.2, 0.2, 0.9], 0.5)).toBe(0.2);
  });
});

describe('weightedMedianCol (C15 test_math_weighted_median_col)', () => {
  const rows = [
    [0, 0.1, 0],
    [0, 0.2, 0.4],
    [0, 0.3, 0.1],
    [0, 0.4, 0.5],
  ];
  const scores = Float64Array.from(rows.flat());
  const stake = [0, 0.75, 0.25, 0];

  it.each([
    [0.24, [0, 0.3, 0.4]],
    [0.26, [0, 0.2, 0.4]],
    [0.76, [0, 0.2, 0.1]],
  ])('κ %f → %j', (kappa, expected) => {
    expect(Array.from(weightedMedianCol(stake, scores, 4, 3, kappa))).toEqual(expected);
  });

  it('κ 0.51 with a zero vote from the largest stake → [0, 0, 0.4]', () => {
    const scores2 = Float64Array.from([0, 0.1, 0, 0, 0.2, 0.4, 0, 0.3, 0.1, 0, 0, 0.5]);
    expect(Array.from(weightedMedianCol([0, 0.3, 0.2, 0.5], scores2, 4, 3, 0.51))).toEqual([0, 0, 0.4]);
  });

  it('gives every column 0 when no row has stake, and leaves its inputs unchanged', () => {
    const copy = Float64Array.from(scores);
    expect(Array.from(weightedMedianCol([0, 0, 0, 0], scores, 4, 3, 0.5))).toEqual([0, 0, 0]);
    weightedMedianCol(stake, scores, 4, 3, 0.26);
    expect(scores).toEqual(copy);
  });

  it('with the default κ = 32767/65535, exactly half the stake sets the higher weight (spec §3.6, Q4)', () => {
    const kappa = 32767 / 65535;
    // Two equal validators split 0 / 1 on one column.
    expect(weightedMedianCol([0.5, 0.5], Float64Array.from([0, 1]), 2, 1, kappa)[0]).toBe(1);
    // Three equal validators: 1/3 at 0 is not enough; 2/3 at 1 is.
    expect(weightedMedianCol([1, 1, 1], Float64Array.from([1, 0, 1]), 3, 1, kappa)[0]).toBe(1);
    expect(weightedMedianCol([1, 1, 1], Float64Array.from([0, 1, 0]), 3, 1, kappa)[0]).toBe(0);
  });
});
