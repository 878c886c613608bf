import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evolveQuality,
  initialQuality,
  type QualityScope,
} from '../../../src/engine/agents/miner-quality.ts';
import type { ScalarFn } from '../../../src/engine/config.ts';
import { createRng, type Rng } from '../../../src/engine/rng.ts';
import { qualityModel } from '../../helpers/config.ts';

/** An Rng whose draws are fixed, so the update q ← clamp(q + drift + noise·N + jump) can be worked by hand. */
function fixedRng(draws: { normal?: number; uniform?: number; exponential?: number }): Rng {
  return {
    normal: () => draws.normal ?? 0,
    uniform: () => draws.uniform ?? 0.5,
    exponential: () => draws.exponential ?? 1,
    int: (n) => Math.floor((draws.uniform ?? 0.5) * n),
    normalsAround: () => {
      throw new Error('not drawn by miners');
    },
  };
}

const scope = (q: number, extra: Partial<QualityScope> = {}): QualityScope => ({
  q,
  epoch: 3,
  age: 2,
  uid: 5,
  best: 0.9,
  mean: 0.5,
  day: 0.25,
  ...extra,
});

const still = { noise: 0, release: { probability: 0, size: 0 } };

describe('initialQuality', () => {
  it('equal bounds give that fixed value', () => {
    expect(initialQuality(qualityModel({ initial: { min: 0.4, max: 0.4 } }), createRng(1, 'q'))).toBe(0.4);
  });

  it('is min + (max − min)·U', () => {
    expect(
      initialQuality(qualityModel({ initial: { min: 0.2, max: 0.6 } }), fixedRng({ uniform: 0.25 })),
    ).toBeCloseTo(0.3, 15);
  });

  it('stays within [min, max] and covers the range', () => {
    const rng = createRng(3, 'q');
    const model = qualityModel({ initial: { min: 0.3, max: 0.7 } });
    const draws = Array.from({ length: 5000 }, () => initialQuality(model, rng));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0.3);
    expect(Math.max(...draws)).toBeLessThan(0.7);
    expect(Math.min(...draws)).toBeLessThan(0.31);
    expect(Math.max(...draws)).toBeGreaterThan(0.69);
  });
});

describe('evolveQuality', () => {
  it('adds a constant drift', () => {
    expect(evolveQuality(qualityModel({ ...still, drift: 0.05 }), scope(0.3), createRng(1, 'q'))).toBeCloseTo(
      0.35,
      15,
    );
  });

  it('evaluates an expression drift on the scope each epoch', () => {
    const seen: Record<string, number>[] = [];
    const drift: ScalarFn = (s) => {
      seen.push({ ...s });
      return 0.1 * (0.8 - s.q); // "0.1 * (0.8 - q)": q 0.3 → drift 0.05
    };
    const next = evolveQuality(qualityModel({ ...still, drift }), scope(0.3), createRng(1, 'q'));
    expect(next).toBeCloseTo(0.35, 15);
    expect(seen).toEqual([{ q: 0.3, epoch: 3, age: 2, uid: 5, best: 0.9, mean: 0.5, day: 0.25 }]);
    // Drift towards 0.8 from above is negative.
    expect(evolveQuality(qualityModel({ ...still, drift }), scope(0.9), createRng(1, 'q'))).toBeCloseTo(
      0.89,
      15,
    );
  });

  it('scales the normal shock by the (possibly expression) noise', () => {
    const rng = fixedRng({ normal: -1.5 });
    expect(evolveQuality(qualityModel({ ...still, noise: 0.02 }), scope(0.5), rng)).toBeCloseTo(0.47, 15);
    const noise: ScalarFn = (s) => 0.1 * s.mean; // 0.05
    expect(evolveQuality(qualityModel({ ...still, noise }), scope(0.5), fixedRng({ normal: 2 }))).toBeCloseTo(
      0.6,
      15,
    );
  });

  it('jumps by size × Exp(1) when the release draw falls below the probability', () => {
    const model = qualityModel({ drift: 0, noise: 0, release: { probability: 0.3, size: 0.1 } });
    expect(evolveQuality(model, scope(0.4), fixedRng({ uniform: 0.29, exponential: 2 }))).toBeCloseTo(
      0.6,
      15,
    );
    expect(evolveQuality(model, scope(0.4), fixedRng({ uniform: 0.31, exponential: 2 }))).toBe(0.4);
  });

  it('clamps to [0, 1], and a NaN from a degenerate expression becomes 0', () => {
    expect(evolveQuality(qualityModel({ ...still, drift: 0.2 }), scope(0.95), createRng(1, 'q'))).toBe(1);
    expect(evolveQuality(qualityModel({ ...still, drift: -0.2 }), scope(0.05), createRng(1, 'q'))).toBe(0);
    expect(
      evolveQuality(qualityModel({ ...still, drift: () => Number.NaN }), scope(0.5), createRng(1, 'q')),
    ).toBe(0);
  });

  it('property: always in [0, 1] whatever the drift, noise and jumps', () => {
    const rng = createRng(11, 'q');
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (q, drift, noise, probability, size) => {
          const next = evolveQuality(
            qualityModel({ drift, noise, release: { probability, size } }),
            scope(q),
            rng,
          );
          expect(next).toBeGreaterThanOrEqual(0);
          expect(next).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is deterministic for a given stream', () => {
    const model = qualityModel({ noise: 0.05, release: { probability: 0.5, size: 0.1 } });
    const a = createRng(5, 'q');
    const b = createRng(5, 'q');
    for (let k = 0; k < 50; k++)
      expect(evolveQuality(model, scope(0.5), a)).toBe(evolveQuality(model, scope(0.5), b));
  });
});
