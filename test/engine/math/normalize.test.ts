import { describe, expect, it } from 'vitest';
import {
  colMaxUpscaleInPlace,
  colNormalizeInPlace,
  normalizeInPlace,
  rowNormalizeInPlace,
} from '../../../src/engine/math/normalize.ts';

describe('normalizeInPlace', () => {
  it('divides by the sum', () => {
    expect(Array.from(normalizeInPlace(Float64Array.from([1, 3])))).toEqual([0.25, 0.75]);
  });
  it('leaves a zero-sum vector unchanged', () => {
    expect(Array.from(normalizeInPlace(Float64Array.from([0, 0])))).toEqual([0, 0]);
  });
});

describe('rowNormalizeInPlace', () => {
  it('normalises each row; a zero row stays zero', () => {
    const m = Float64Array.from([1, 1, 0, 0, 0, 2, 6, 0]);
    expect(Array.from(rowNormalizeInPlace(m, 2, 4))).toEqual([0.5, 0.5, 0, 0, 0, 0.25, 0.75, 0]);
  });
});

describe('colNormalizeInPlace', () => {
  it('normalises each column of a rows×cols matrix; a zero column stays zero', () => {
    // 3 rows × 2 columns
    const m = Float64Array.from([1, 0, 3, 0, 4, 0]);
    expect(Array.from(colNormalizeInPlace(m, 3, 2))).toEqual([0.125, 0, 0.375, 0, 0.5, 0]);
  });
});

describe('colMaxUpscaleInPlace', () => {
  it('divides each column by its max (max becomes exactly 1); a zero column stays zero', () => {
    const m = Float64Array.from([0.55, 0, 0.45, 0]);
    colMaxUpscaleInPlace(m, 2, 2);
    expect(m[0]).toBe(1);
    expect(m[2]).toBeCloseTo(0.45 / 0.55, 15);
    expect(m[1]).toBe(0);
    expect(m[3]).toBe(0);
  });
});
