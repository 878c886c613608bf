import { describe, expect, it } from 'vitest';
import {
  chainNumber,
  denseRows,
  normaliseWeightRow,
  raoToAlpha,
  storageIndex,
  u16ToFraction,
} from '../../../src/engine/replay/chain-units.ts';

describe('chain units (the one place raw chain integers are converted)', () => {
  it('u16 fractions are value / 65535', () => {
    expect(u16ToFraction(65535)).toBe(1);
    expect(u16ToFraction(32767)).toBeCloseTo(0.49999237, 8);
    expect(u16ToFraction(0)).toBe(0);
  });

  it('rao are 1e-9 alpha, whether a JSON number or decimal text beyond 2^53', () => {
    expect(raoToAlpha(1_500_000_000)).toBe(1.5);
    expect(raoToAlpha('9007199254740993000')).toBeCloseTo(9_007_199_254.740993, 3);
    expect(chainNumber('12')).toBe(12);
    expect(Number.isNaN(chainNumber('0x10'))).toBe(true);
    expect(Number.isNaN(chainNumber(undefined))).toBe(true);
  });

  it('a weights row normalises to fractions summing to 1; an all-zero row stays zeros', () => {
    const row = normaliseWeightRow([
      [3, 65535],
      [7, 21845],
    ]);
    expect(row).toEqual([
      [3, 0.75],
      [7, 0.25],
    ]);
    expect(normaliseWeightRow([[1, 0]])).toEqual([[1, 0]]);
  });

  it('the mechanism storage index is mechid · 4096 + netuid', () => {
    expect(storageIndex(1, 0)).toBe(1);
    expect(storageIndex(23, 2)).toBe(8215);
  });

  it('sparse rows become a dense matrix, explicit zeros kept as entries, out-of-range uids dropped', () => {
    const { values, present, dropped } = denseRows(
      [
        [
          0,
          [
            [1, 5],
            [2, 0],
            [9, 1],
          ],
        ],
        [7, [[0, 3]]],
      ],
      3,
    );
    expect(Array.from(values)).toEqual([0, 5, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(present)).toEqual([0, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(dropped).toBe(2);
  });
});
