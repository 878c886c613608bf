import { describe, expect, it } from 'vitest';
import { createDesign } from '../../src/sweep/design.ts';
import { type Sweep, sweepSchema } from '../../src/sweep/schema.ts';
import { runSeed } from '../../src/sweep/seeds.ts';
import { normalQuantile } from '../../src/sweep/values.ts';

/** Design points: grid and zip enumerate, LHS puts one sample in each stratum, sobol follows Saltelli's layout. */

const sweep = (fields: Record<string, unknown>): Sweep =>
  sweepSchema.parse({ scenario: 's.yaml', ...fields });
const points = (s: Sweep) => {
  const d = createDesign(s);
  return Array.from({ length: d.count }, (_, i) => d.at(i));
};

describe('createDesign', () => {
  it('grid: every combination, the first parameter slowest; range includes its end', () => {
    const s = sweep({
      parameters: { a: { range: { from: 0.1, to: 0.3, step: 0.1 } }, b: { values: ['x', 'y'] } },
    });
    expect(points(s)).toEqual([
      [0.1, 'x'],
      [0.1, 'y'],
      [0.2, 'x'],
      [0.2, 'y'],
      [0.3, 'x'],
      [0.3, 'y'],
    ]);
  });

  it('grid without parameters: one point (a pure Monte Carlo study)', () => {
    expect(points(sweep({ replicates: 5 }))).toEqual([[]]);
  });

  it('zip: the i-th values together', () => {
    const s = sweep({ design: 'zip', parameters: { a: { values: [1, 2, 3] }, b: { values: [4, 5, 6] } } });
    expect(points(s)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it('lhs: one sample per stratum per parameter', () => {
    const n = 50;
    const s = sweep({
      design: 'lhs',
      samples: n,
      parameters: {
        a: { distribution: { kind: 'uniform', min: 0, max: 1 } },
        b: { distribution: { kind: 'uniform', min: 10, max: 20 } },
      },
    });
    const ps = points(s) as number[][];
    for (const [k, [lo, hi]] of [
      [0, 1],
      [10, 20],
    ].entries()) {
      const strata = ps.map((p) => Math.floor(((p[k] - lo) / (hi - lo)) * n)).sort((x, y) => x - y);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('every distribution through its own CDF: lhs puts one sample in each stratum of it', () => {
    const n = 40;
    // The standard normal CDF by the error function (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7): an
    // independent check of the design's inverse (Acklam's approximation).
    const erf = (x: number) => {
      const t = 1 / (1 + 0.3275911 * Math.abs(x));
      const y =
        1 -
        ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
          t *
          Math.exp(-x * x);
      return x >= 0 ? y : -y;
    };
    const cdfs: [string, unknown, (x: number) => number][] = [
      ['uniform', { kind: 'uniform', min: -2, max: 6 }, (x) => (x + 2) / 8],
      [
        'loguniform',
        { kind: 'loguniform', min: 0.001, max: 10 },
        (x) => Math.log(x / 0.001) / Math.log(10_000),
      ],
      ['normal', { kind: 'normal', mean: 5, sd: 2 }, (x) => 0.5 * (1 + erf((x - 5) / 2 / Math.SQRT2))],
    ];
    const s = sweep({
      design: 'lhs',
      samples: n,
      parameters: {
        ...Object.fromEntries(cdfs.map(([name, distribution]) => [name, { distribution }])),
        choice: { distribution: { kind: 'choice', values: ['a', 'b', { c: 1 }, 4] } },
      },
    });
    const ps = points(s);
    cdfs.forEach(([, , cdf], k) => {
      const strata = ps.map((p) => Math.floor(cdf(p[k] as number) * n)).sort((x, y) => x - y);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
    });
    // choice: each of the 4 values equally often (n / 4 strata each), values of any YAML type.
    const counts = new Map<string, number>();
    for (const p of ps) counts.set(JSON.stringify(p[3]), (counts.get(JSON.stringify(p[3])) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ '"a"': 10, '"b"': 10, '{"c":1}': 10, '4': 10 });
  });

  it('random and lhs: within the distribution, the same points for the same seed', () => {
    const s = sweep({
      design: 'random',
      samples: 200,
      parameters: { a: { distribution: { kind: 'loguniform', min: 0.01, max: 1 } }, b: { values: [1, 2] } },
    });
    const ps = points(s) as number[][];
    expect(ps.every(([a, b]) => a >= 0.01 && a < 1 && (b === 1 || b === 2))).toBe(true);
    expect(points(s)).toEqual(ps);
    expect(points({ ...s, seed: 2 })).not.toEqual(ps);
  });

  it("sobol: rows of A, B, then A with one column from B (Saltelli's AB_i)", () => {
    const s = sweep({
      design: 'sobol',
      samples: 3,
      parameters: {
        a: { distribution: { kind: 'uniform', min: 0, max: 1 } },
        b: { distribution: { kind: 'uniform', min: 0, max: 1 } },
      },
    });
    const ps = points(s) as number[][];
    expect(ps).toHaveLength(3 * 4);
    for (let r = 0; r < 3; r++) {
      const [a, b, ab0, ab1] = ps.slice(r * 4, r * 4 + 4);
      expect(ab0).toEqual([b[0], a[1]]);
      expect(ab1).toEqual([a[0], b[1]]);
      expect(a[0]).not.toBe(b[0]);
    }
  });
});

describe('runSeed', () => {
  it('depends only on (sweep seed, point, replicate)', () => {
    expect(runSeed(1, 2, 3)).toBe(runSeed(1, 2, 3));
    const seeds = new Set([runSeed(1, 0, 0), runSeed(1, 0, 1), runSeed(1, 1, 0), runSeed(2, 0, 0)]);
    expect(seeds.size).toBe(4);
    expect(Number.isInteger(runSeed(7, 8, 9)) && runSeed(7, 8, 9) < 2 ** 32).toBe(true);
  });
});

describe('normalQuantile', () => {
  it('matches tabulated values (Reference: standard normal table)', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326347874, 8);
  });
});
