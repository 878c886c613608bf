import { describe, expect, it } from 'vitest';
import { maxUpscaleU16 } from '../../../src/engine/yuma/set-weights.ts';

// Stored rows from opentensor/subtensor@14bc6f9 tests/epoch.rs (test_outdated_weights stores
// [43690, 21845] as [65535, 32768]; test_active_stake stores [32767, 32767] as [65535, 65535]).
describe('maxUpscaleU16', () => {
  it('scales the row max to 65535 and rounds a true half away from zero', () => {
    expect(Array.from(maxUpscaleU16([43690, 21845]))).toEqual([65535, 32768]);
  });
  it('equal values all become 65535', () => {
    expect(Array.from(maxUpscaleU16([32767, 32767]))).toEqual([65535, 65535]);
  });
  it('keeps explicit zeros and leaves a row already at 65535 unchanged', () => {
    expect(Array.from(maxUpscaleU16([65535, 0, 1234]))).toEqual([65535, 0, 1234]);
  });
  it('rounds below a half down and above a half up', () => {
    // 1·65535/3 = 21845 exactly; 1·65535/4 = 16383.75; 1·65535/6 = 10922.5 → 10923; 65535/7 = 9362.14
    expect(Array.from(maxUpscaleU16([3, 1]))).toEqual([65535, 21845]);
    expect(Array.from(maxUpscaleU16([4, 1]))).toEqual([65535, 16384]);
    expect(Array.from(maxUpscaleU16([6, 1]))).toEqual([65535, 10923]);
    expect(Array.from(maxUpscaleU16([7, 1]))).toEqual([65535, 9362]);
  });
  it('agrees with exact rational rounding on every value against max 43690', () => {
    for (let v = 0; v <= 43690; v += 7) {
      const num = BigInt(v) * 65535n;
      const q = num / 43690n;
      const expected = Number(2n * (num - q * 43690n) >= 43690n ? q + 1n : q);
      expect(maxUpscaleU16([43690, v])[1]).toBe(expected);
    }
  });
  it('all-zero, empty and negative rows give zeros', () => {
    expect(Array.from(maxUpscaleU16([0, 0]))).toEqual([0, 0]);
    expect(Array.from(maxUpscaleU16([]))).toEqual([]);
    expect(Array.from(maxUpscaleU16([-5, 10]))).toEqual([0, 65535]);
  });
});
