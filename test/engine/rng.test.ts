import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng.ts';
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
    const s1 = createSubnetStreams(5, 1);
    const s2 = createSubnetStreams(5, 2);
    const first = (s: { uniform(): number }) => take(5, () => s.uniform());
    const q1 = first(s1.seatModel(0, 0));
    expect(first(s1.evaluation)).not.toEqual(q1);
    expect(first(s1.registration)).not.toEqual(q1);
    expect(first(s2.seatModel(0, 0))).not.toEqual(q1);
    expect(first(createSubnetStreams(5, 1).seatModel(0, 0))).toEqual(q1);
  });

  it("gives each miner's model its own stream, by serial number, whatever uid it sits on", () => {
    const s = createSubnetStreams(5, 1);
    const first = (r: { uniform(): number }) => take(5, () => r.uniform());
    const a = first(s.seatModel(3, 7));
    expect(first(s.seatModel(9, 7))).toEqual(a);
    expect(first(s.seatModel(3, 8))).not.toEqual(a);
    expect(s.models[9]).toBeDefined();
  });
});
