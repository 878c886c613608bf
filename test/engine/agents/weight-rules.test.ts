import { describe, expect, it } from 'vitest';
import { applyWeightRule } from '../../../src/engine/agents/weight-rules.ts';
import type { WeightRule } from '../../../src/engine/config.ts';

const NaN_ = Number.NaN;

function weigh(rule: WeightRule, scores: number[]): number[] {
  const out = new Float64Array(scores.length).fill(123); // stale values must be overwritten
  applyWeightRule(rule, Float64Array.from(scores), out);
  return Array.from(out);
}

describe('applyWeightRule', () => {
  describe('proportional', () => {
    it('weights each positive score by itself; NaN, zero and negative scores get nothing', () => {
      expect(weigh({ rule: 'proportional' }, [0.2, NaN_, 0.5, -0.1, 0])).toEqual([0.2, 0, 0.5, 0, 0]);
    });
  });

  describe('softmax', () => {
    it('is exp((s − max)/T) on scored uids (hand values)', () => {
      const out = weigh({ rule: 'softmax', temperature: 0.5 }, [1, 2, NaN_]);
      // (1 − 2)/0.5 = −2 → e^−2; the best gets e^0 = 1; NaN → not weighted.
      expect(out[0]).toBeCloseTo(Math.exp(-2), 15);
      expect(out[1]).toBe(1);
      expect(out[2]).toBe(0);
    });

    it('the temperature sets the ratio between two scores: e^(Δ/T)', () => {
      for (const t of [0.01, 0.05, 0.5, 5]) {
        const [a, b] = weigh({ rule: 'softmax', temperature: t }, [0.7, 0.6]);
        expect(a / b).toBeCloseTo(Math.exp(0.1 / t), 6);
      }
      // Lower temperature concentrates the weight on the best score.
      const cold = weigh({ rule: 'softmax', temperature: 0.01 }, [0.7, 0.6]);
      const hot = weigh({ rule: 'softmax', temperature: 1 }, [0.7, 0.6]);
      expect(cold[1] / cold[0]).toBeLessThan(hot[1] / hot[0]);
    });

    it('does not overflow for large scores or tiny temperatures', () => {
      for (const [scores, t] of [
        [[1000, 999, NaN_, 1e6], 0.01],
        [[1e300, 5e299, -1e300], 1e-3],
        [[800, 799.99], 1e-6],
      ] as [number[], number][]) {
        const out = weigh({ rule: 'softmax', temperature: t }, scores);
        for (const w of out) {
          expect(Number.isFinite(w)).toBe(true);
          expect(w).toBeGreaterThanOrEqual(0);
          expect(w).toBeLessThanOrEqual(1);
        }
        expect(Math.max(...out)).toBe(1);
      }
      // exp(1000/0.01) would be Infinity without the max shift; shifted, the best is exactly 1.
      expect(weigh({ rule: 'softmax', temperature: 0.01 }, [1000, 999.99])[1]).toBeCloseTo(Math.exp(-1), 6);
    });

    it('negative scores still get weight (softmax is defined on all reals)', () => {
      const out = weigh({ rule: 'softmax', temperature: 1 }, [-1, -2]);
      expect(out[0]).toBe(1);
      expect(out[1]).toBeCloseTo(Math.exp(-1), 15);
    });

    it('all NaN → no weight at all', () => {
      expect(weigh({ rule: 'softmax', temperature: 1 }, [NaN_, NaN_])).toEqual([0, 0]);
    });
  });

  describe('top_k', () => {
    it('gives 1 to the k best scores and 0 elsewhere', () => {
      expect(weigh({ rule: 'top_k', k: 2 }, [0.3, 0.9, NaN_, 0.8, 0.1])).toEqual([0, 1, 0, 1, 0]);
    });

    it('breaks ties towards the lower uid', () => {
      expect(weigh({ rule: 'top_k', k: 2 }, [0.5, 0.9, 0.5, 0.5])).toEqual([1, 1, 0, 0]);
      expect(weigh({ rule: 'top_k', k: 3 }, [0.2, 0.2, 0.2, 0.2, 0.2])).toEqual([1, 1, 1, 0, 0]);
    });

    it('k larger than the number of scored uids weights every scored uid and never a NaN one', () => {
      expect(weigh({ rule: 'top_k', k: 10 }, [NaN_, 0.1, -0.5, NaN_])).toEqual([0, 1, 1, 0]);
    });
  });

  describe('winner_take_all', () => {
    it('gives everything to the best score', () => {
      expect(weigh({ rule: 'winner_take_all' }, [0.3, 0.9, 0.8])).toEqual([0, 1, 0]);
    });

    it('a tie goes to the lower uid, NaN never wins', () => {
      expect(weigh({ rule: 'winner_take_all' }, [0.7, NaN_, 0.7])).toEqual([1, 0, 0]);
      expect(weigh({ rule: 'winner_take_all' }, [NaN_, 0.7, 0.7])).toEqual([0, 1, 0]);
      expect(weigh({ rule: 'winner_take_all' }, [NaN_, NaN_])).toEqual([0, 0]);
    });
  });
});
