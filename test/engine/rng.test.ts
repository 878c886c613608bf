import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng.ts';
import { createRngTable, createSimulationRng } from '../../src/engine/rng-table.ts';
import { createSubnetStreams } from '../../src/engine/streams.ts';

const take = (n: number, f: () => number) => Array.from({ length: n }, f);

describe('createRng', () => {
  it('is deterministic per (seed, stream) and differs across seeds and streams', () => {
    const a = take(20, createRng(1, 's').uniform);
    expect(take(20, createRng(1, 's').uniform)).toEqual(a);
    expect(take(20, createRng(2, 's').uniform)).not.toEqual(a);
    expect(take(20, createRng(1, 't').uniform)).not.toEqual(a);
  });

  it('uniform in [0, 1) with mean ½ and variance 1/12', () => {
    const xs = take(100_000, createRng(7, 'u').uniform);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005); // se ≈ 0.0009
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });

  it('normal has mean 0 and variance 1; exponential has mean 1 and variance 1', () => {
    const rng = createRng(8, 'n');
    const z = take(100_000, rng.normal);
    const e = take(100_000, rng.exponential);
    const stats = (xs: number[]) => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      return [m, xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length];
    };
    const [zm, zv] = stats(z);
    expect(Math.abs(zm)).toBeLessThan(0.015); // se ≈ 0.003
    expect(Math.abs(zv - 1)).toBeLessThan(0.03);
    const [em, ev] = stats(e);
    expect(Math.abs(em - 1)).toBeLessThan(0.015);
    expect(Math.abs(ev - 1)).toBeLessThan(0.05);
    expect(Math.min(...e)).toBeGreaterThan(0);
  });

  it('int(n) covers exactly 0 … n−1', () => {
    const rng = createRng(9, 'i');
    const seen = new Set(take(5000, () => rng.int(7)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('createSubnetStreams', () => {
  it('gives each concern and each subnet its own stream', () => {
    const s1 = createSubnetStreams(5, 1, 16);
    const s2 = createSubnetStreams(5, 2, 16);
    const first = (s: { uniform(): number }) => take(5, () => s.uniform());
    const q1 = first(s1.seatModel(0, 0));
    expect(first(s1.evaluation)).not.toEqual(q1);
    expect(first(s1.registration)).not.toEqual(q1);
    expect(first(s2.seatModel(0, 0))).not.toEqual(q1);
    expect(first(createSubnetStreams(5, 1, 16).seatModel(0, 0))).toEqual(q1);
  });

  it("gives each miner's model its own stream, by serial number, whatever uid it sits on", () => {
    const s = createSubnetStreams(5, 1, 16);
    const first = (r: { uniform(): number }) => take(5, () => r.uniform());
    const a = first(s.seatModel(3, 7));
    expect(first(s.seatModel(9, 7))).toEqual(a);
    expect(first(s.seatModel(3, 8))).not.toEqual(a);
    // The stream lives on the uid it was seated on: row 9 now continues serial 7's stream.
    const b = createSubnetStreams(5, 1, 16);
    const ten = first(b.seatModel(2, 7)).concat(first(b.models.at(2)));
    expect(first(s.models.at(9))).toEqual(ten.slice(5));
  });
});

/** Φ(x), the standard normal CDF (Abramowitz–Stegun 7.1.26 erf, |error| < 1.5e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Kolmogorov–Smirnov distance between the sample and Φ. */
function ksDistance(xs: Float64Array): number {
  const sorted = Float64Array.from(xs).sort();
  let d = 0;
  for (let k = 0; k < sorted.length; k++) {
    const f = normalCdf(sorted[k]);
    d = Math.max(d, Math.abs(f - k / sorted.length), Math.abs((k + 1) / sorted.length - f));
  }
  return d;
}

describe('createSimulationRng (xoshiro128** with ziggurat normals)', () => {
  it('is deterministic per (seed, stream) and differs across seeds and streams', () => {
    const a = take(20, createSimulationRng(1, 's').uniform);
    expect(take(20, createSimulationRng(1, 's').uniform)).toEqual(a);
    expect(take(20, createSimulationRng(2, 's').uniform)).not.toEqual(a);
    expect(take(20, createSimulationRng(1, 't').uniform)).not.toEqual(a);
    expect(take(20, createRng(1, 's').uniform)).not.toEqual(a); // not Alea's sequence
  });

  it('uniform in [0, 1) with mean ½ and variance 1/12; exponential with mean 1 and variance 1', () => {
    const rng = createSimulationRng(7, 'u');
    const xs = take(200_000, rng.uniform);
    expect(xs.reduce((a, b) => Math.min(a, b))).toBeGreaterThanOrEqual(0);
    expect(xs.reduce((a, b) => Math.max(a, b))).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.003); // se ≈ 0.00065
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.001);
    const e = take(200_000, rng.exponential);
    const em = e.reduce((s, x) => s + x, 0) / e.length;
    expect(Math.abs(em - 1)).toBeLessThan(0.01);
    expect(e.reduce((a, b) => Math.min(a, b))).toBeGreaterThan(0);
  });

  it('normal() is N(0, 1): moments, Kolmogorov–Smirnov distance and tail mass beyond the ziggurat base (3.65)', () => {
    const rng = createSimulationRng(8, 'n');
    const n = 400_000;
    const z = Float64Array.from({ length: n }, rng.normal);
    let m = 0;
    for (const x of z) m += x;
    m /= n;
    let v = 0;
    let k4 = 0;
    for (const x of z) {
      v += (x - m) ** 2;
      k4 += (x - m) ** 4;
    }
    v /= n;
    expect(Math.abs(m)).toBeLessThan(0.008); // se 0.0016
    expect(Math.abs(v - 1)).toBeLessThan(0.012); // se 0.0022
    expect(Math.abs(k4 / n / v ** 2 - 3)).toBeLessThan(0.05); // kurtosis: se ≈ 0.008
    // KS at 1 %: 1.63/√n = 0.0026.
    expect(ksDistance(z)).toBeLessThan(0.0026);
    // P(|Z| > 3.7) = 2.156e-4: 86 expected, sd ≈ 9.3 (the tail algorithm, not the layers, makes these).
    const tail = z.filter((x) => Math.abs(x) > 3.7).length;
    expect(tail).toBeGreaterThan(86 - 4 * 9.3);
    expect(tail).toBeLessThan(86 + 4 * 9.3);
    expect(z.filter((x) => x > 0).length / n).toBeCloseTo(0.5, 2);
  });

  it('normalsAround gives means + shift + sd·N(0, 1) and returns the largest value', () => {
    const rng = createSimulationRng(9, 'a');
    const count = 300;
    const means = Float64Array.from({ length: count }, (_, k) => k / count);
    const out = new Float64Array(count);
    const residuals: number[] = [];
    for (let rep = 0; rep < 1000; rep++) {
      const max = rng.normalsAround(means, 0.25, 0.1, out, count);
      expect(max).toBe(Math.max(...out));
      for (let k = 0; k < count; k++) residuals.push((out[k] - means[k] - 0.25) / 0.1);
    }
    expect(ksDistance(Float64Array.from(residuals))).toBeLessThan(1.63 / Math.sqrt(residuals.length));
    expect(rng.normalsAround(means, 0, 1, out, 0)).toBe(Number.NEGATIVE_INFINITY);
    // Same stream, same values.
    const again = createSimulationRng(9, 'a');
    const first = new Float64Array(count);
    again.normalsAround(means, 0.25, 0.1, first, count);
    const replay = new Float64Array(count);
    createSimulationRng(9, 'a').normalsAround(means, 0.25, 0.1, replay, count);
    expect(replay).toEqual(first);
  });
});

describe('createRngTable', () => {
  it('rows are independent streams; a row seeded as (seed, stream) is createSimulationRng(seed, stream)', () => {
    const table = createRngTable(3);
    table.seed(0, 4, 'a');
    table.seed(2, 4, 'b');
    const a = take(10, () => table.at(0).uniform());
    // Interleaving draws from row 2 does not move row 0.
    const t2 = createRngTable(3);
    t2.seed(0, 4, 'a');
    t2.seed(2, 4, 'b');
    const interleaved: number[] = [];
    for (let k = 0; k < 10; k++) {
      interleaved.push(t2.at(0).uniform());
      t2.at(2).normal();
    }
    expect(interleaved).toEqual(a);
    expect(take(10, createSimulationRng(4, 'a').uniform)).toEqual(a);
    expect(take(10, () => table.at(2).uniform())).not.toEqual(take(10, () => table.at(0).uniform()));
  });
});
