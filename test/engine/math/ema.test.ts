import { describe, expect, it } from 'vitest';
import { emaAlphaCappedInto, emaInto } from '../../../src/engine/math/ema.ts';

// Expected values: opentensor/subtensor@14bc6f9 pallets/subtensor/src/tests/math.rs (spec §7 C15).
describe('emaAlphaCappedInto', () => {
  it('C15 test_mat_ema_alpha_basic: α 0.5 everywhere, results capped at 1', () => {
    const next = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const prev = Float64Array.from([0.5, 1.5, 2.5, 3.5, 4.5, 5.5]);
    const out = emaAlphaCappedInto(next, prev, new Float64Array(6).fill(0.5));
    expect(Array.from(out)).toEqual([0.75, 1, 1, 1, 1, 1]);
  });

  it('C15 test_mat_ema_alpha_sparse_varying_alpha: per-entry α', () => {
    const next = Float64Array.from([0.1, 0.2, 0.3, 0.4]);
    const prev = Float64Array.from([0.5, 0.6, 0.7, 0.8]);
    const alpha = Float64Array.from([0.9, 0.8, 0.5, 0.7]);
    const out = Array.from(emaAlphaCappedInto(next, prev, alpha));
    // The chain's I32F32 gives 0.499999 and 0.519999; exact arithmetic gives 0.5 and 0.52.
    [0.14, 0.28, 0.499999, 0.519999].forEach((v, k) => {
      expect(out[k]).toBeCloseTo(v, 5);
    });
  });

  it('with a present mask, entries absent from the new row become 0 instead of decaying (quirk Q1)', () => {
    const next = Float64Array.from([0.5, 0]);
    const prev = Float64Array.from([0.2, 0.4]);
    const alpha = Float64Array.from([0.1, 0.1]);
    expect(Array.from(emaAlphaCappedInto(next, prev, alpha, undefined, Uint8Array.from([1, 0])))).toEqual([
      0.9 * 0.2 + 0.1 * 0.5,
      0,
    ]);
    // An explicit zero entry (present) decays.
    expect(emaAlphaCappedInto(next, prev, alpha, undefined, Uint8Array.from([1, 1]))[1]).toBeCloseTo(
      0.36,
      15,
    );
  });
});

describe('emaInto', () => {
  it('mixes α·next + (1−α)·prev over the union of entries', () => {
    const out = emaInto(Float64Array.from([1, 0, 0]), Float64Array.from([0, 1, 0]), 0.1);
    expect(out[0]).toBeCloseTo(0.1, 15);
    expect(out[1]).toBeCloseTo(0.9, 15);
    expect(out[2]).toBe(0);
  });

  it('drops results ≤ 0 and may write over its input', () => {
    const prev = Float64Array.from([-1, 0.5]);
    const out = emaInto(Float64Array.from([0, 0.5]), prev, 0.5, prev);
    expect(out).toBe(prev);
    expect(Array.from(out)).toEqual([0, 0.5]);
  });
});
