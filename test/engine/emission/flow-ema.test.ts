import { describe, expect, it } from 'vitest';
import { FLOW_EMA_ALPHA } from '../../../src/engine/emission/constants.ts';
import { updateFlowEma, updateFlowEmas } from '../../../src/engine/emission/flow-ema.ts';

describe('flow EMA (emissions.md §2.4)', () => {
  it('a = 29 597 889 189 277 / i64::MAX ≈ 3.209e-6, a half-life of about 216 000 blocks', () => {
    expect(FLOW_EMA_ALPHA).toBeCloseTo(3.209e-6, 9);
    const halfLife = Math.log(0.5) / Math.log(1 - FLOW_EMA_ALPHA);
    expect(halfLife).toBeGreaterThan(215_000);
    expect(halfLife).toBeLessThan(217_000);
  });

  it('one step: S ← (1 − a)·S + a·flow', () => {
    // a = 0.25: 0.75 · 100 + 0.25 · (−20) = 70.
    expect(updateFlowEma(100, -20, 0.25)).toBe(70);
    expect(updateFlowEma(0, 1e9)).toBeCloseTo(FLOW_EMA_ALPHA * 1e9, 6);
  });

  it('a constant flow is halfway reached after one half-life', () => {
    let ema = 0;
    for (let b = 0; b < 216_000; b++) ema = updateFlowEma(ema, 1_000);
    expect(ema).toBeGreaterThan(499);
    expect(ema).toBeLessThan(501);
  });

  it('array form updates every subnet and resets the block counters', () => {
    const ema = new Float64Array([100, 0]);
    const flow = new Float64Array([-20, 40]);
    updateFlowEmas(ema, flow, 0.25);
    expect(Array.from(ema)).toEqual([70, 10]);
    expect(Array.from(flow)).toEqual([0, 0]);
  });
});
