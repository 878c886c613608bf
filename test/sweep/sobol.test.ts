import { describe, expect, it } from 'vitest';
import { createDesign } from '../../src/sweep/design.ts';
import { sweepSchema } from '../../src/sweep/schema.ts';
import { sobolIndices, sobolWithIntervals } from '../../src/sweep/sobol.ts';

/**
 * Sobol indices of the Ishigami function f = sin x1 + a sin² x2 + b x3⁴ sin x1 (a = 7, b = 0.1, xi ~ U(−π, π))
 * from the sobol design's own points. Reference (analytic): Saltelli et al., Global Sensitivity Analysis:
 * The Primer (2008), §4.9: S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
 */

const uniform = { distribution: { kind: 'uniform', min: -Math.PI, max: Math.PI } };
const N = 8192;
const design = createDesign(
  sweepSchema.parse({
    scenario: 'ishigami',
    design: 'sobol',
    samples: N,
    parameters: { x1: uniform, x2: uniform, x3: uniform },
  }),
);
const ishigami = ([x1, x2, x3]: number[]) =>
  Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
const f = Float64Array.from({ length: design.count }, (_, i) => ishigami(design.at(i) as number[]));
const column = (slot: number) => Float64Array.from({ length: N }, (_, r) => f[r * 5 + slot]);
const samples = { a: column(0), b: column(1), ab: [column(2), column(3), column(4)] };

describe('sobolIndices', () => {
  it('Ishigami: first-order and total indices within 0.04 of the analytic values', () => {
    const indices = sobolIndices(samples);
    [0.3139, 0.4424, 0].forEach((s, i) => {
      expect(Math.abs(indices[i].first - s)).toBeLessThan(0.04);
    });
    [0.5576, 0.4424, 0.2437].forEach((s, i) => {
      expect(Math.abs(indices[i].total - s)).toBeLessThan(0.04);
    });
  });

  it('a constant output has no variance to share: NaN, not a throw', () => {
    const one = new Float64Array(4).fill(1);
    expect(sobolIndices({ a: one, b: one, ab: [one] })[0].first).toBeNaN();
  });
});

describe('sobolWithIntervals', () => {
  it('bootstrap intervals bracket the estimate and the analytic value, reproducibly', () => {
    const estimates = sobolWithIntervals(samples, 100);
    const again = sobolWithIntervals(samples, 100);
    expect(again).toEqual(estimates);
    estimates.forEach((e, i) => {
      expect(e.firstLow).toBeLessThanOrEqual(e.first);
      expect(e.firstHigh).toBeGreaterThanOrEqual(e.first);
      expect(e.totalLow).toBeLessThanOrEqual(e.total);
      expect(e.totalHigh).toBeGreaterThanOrEqual(e.total);
      expect(e.totalHigh - e.totalLow).toBeLessThan(0.1);
      expect(e.totalLow - 0.02).toBeLessThanOrEqual([0.5576, 0.4424, 0.2437][i]);
      expect(e.totalHigh + 0.02).toBeGreaterThanOrEqual([0.5576, 0.4424, 0.2437][i]);
    });
  });
});
