import { describe, expect, it } from 'vitest';
import { weighRow } from '../../../src/engine/agents/weight-rules.ts';
import type { WeightRule } from '../../../src/engine/config.ts';

const NaN_ = Number.NaN;

/**
 * The stored u16 row for scores by uid; NaN = a uid the validator does not score (not a responder).
 * Hand values: the rule's weights w, then round(w·65535/max w) as set_weights stores them.
 */
function weigh(rule: WeightRule, scores: number[]): number[] {
  const uids = new Int32Array(scores.length);
  const responded = new Float64Array(scores.length);
  let m = 0;
  scores.forEach((s, uid) => {
    if (Number.isNaN(s)) return;
    uids[m] = uid;
    responded[m++] = s;
  });
  const max = Math.max(...responded.subarray(0, m));
  // Written at an offset into a longer row, as into a commit slot: nothing outside it may change.
  const row = new Uint16Array(scores.length + 6);
  const any = weighRow(rule, responded, max, uids, m, row, 3);
  expect(any).toBe(row.some((v) => v > 0));
  expect([...row.subarray(0, 3), ...row.subarray(3 + scores.length)]).toEqual([0, 0, 0, 0, 0, 0]);
  return Array.from(row.subarray(3, 3 + scores.length));
}

const u16 = (w: number) => Math.round(65535 * w);

describe('weighRow', () => {
  describe('proportional', () => {
    it('weights each positive score by itself; NaN, zero and negative scores get nothing', () => {
      // max 0.5: 0.2/0.5·65535 = 26214 exactly; the best 65535.
      expect(weigh({ rule: 'proportional' }, [0.2, NaN_, 0.5, -0.1, 0])).toEqual([26214, 0, 65535, 0, 0]);
    });

    it('rounds a true half up, as set_weights does', () => {
      // 21845/43690·65535 = 32767.5 → 32768.
      expect(weigh({ rule: 'proportional' }, [21845, 43690])).toEqual([32768, 65535]);
    });

    it('no positive score → nothing submitted', () => {
      expect(weigh({ rule: 'proportional' }, [0, -1, NaN_])).toEqual([0, 0, 0]);
    });
  });

  describe('softmax', () => {
    it('stores round(65535·exp((s − max)/T)) on scored uids (hand values)', () => {
      // (1 − 2)/0.5 = −2 → 65535·e^−2 = 8869.2 → 8869; the best gets e^0 = 1 → 65535; NaN → absent.
      expect(weigh({ rule: 'softmax', temperature: 0.5 }, [1, 2, NaN_])).toEqual([8869, 65535, 0]);
    });

    it('matches round(65535·e^x) with Math.exp over the whole range that stores a non-zero value', () => {
      const scores = Array.from({ length: 2001 }, (_, k) => -k * 0.006); // down to −12: past the cut-off
      const out = weigh({ rule: 'softmax', temperature: 1 }, scores);
      let differ = 0;
      scores.forEach((s, k) => {
        const exact = 65535 * Math.exp(s);
        // The stored value may only differ from Math.exp's where 65535·e^x lies within 1e-6 of a half.
        if (out[k] !== Math.round(exact)) {
          differ++;
          expect(Math.abs((exact % 1) - 0.5)).toBeLessThan(1e-6);
        }
      });
      expect(differ).toBe(0);
      expect(out.at(-1)).toBe(0); // e^−12 · 65535 = 0.40 → absent
      expect(out[1963]).toBe(1); // e^−11.778 · 65535 = 0.5027 → 1
    });

    it('the temperature sets the ratio between two scores: e^(Δ/T)', () => {
      for (const t of [0.05, 0.1, 0.5, 5]) {
        const [a, b] = weigh({ rule: 'softmax', temperature: t }, [0.7, 0.6]);
        expect(a).toBe(65535);
        expect(b).toBe(u16(Math.exp(-0.1 / t)));
      }
      // Lower temperature concentrates the weight on the best score.
      const cold = weigh({ rule: 'softmax', temperature: 0.05 }, [0.7, 0.6]);
      const hot = weigh({ rule: 'softmax', temperature: 1 }, [0.7, 0.6]);
      expect(cold[1]).toBeLessThan(hot[1]);
    });

    it('does not overflow for large scores or tiny temperatures', () => {
      for (const [scores, t] of [
        [[1000, 999, NaN_, 1e6], 0.01],
        [[1e300, 5e299, -1e300], 1e-3],
        [[800, 799.99], 1e-6],
      ] as [number[], number][]) {
        const out = weigh({ rule: 'softmax', temperature: t }, scores);
        for (const w of out) expect(Number.isInteger(w) && w >= 0 && w <= 65535).toBe(true);
        expect(Math.max(...out)).toBe(65535);
      }
      // exp(1000/0.01) would be Infinity without the max shift; shifted, the best is exactly 1.
      expect(weigh({ rule: 'softmax', temperature: 0.01 }, [1000, 999.99])[1]).toBe(u16(Math.exp(-1)));
    });

    it('negative scores still get weight (softmax is defined on all reals)', () => {
      expect(weigh({ rule: 'softmax', temperature: 1 }, [-1, -2])).toEqual([65535, u16(Math.exp(-1))]);
    });

    it('all NaN → no weight at all', () => {
      expect(weigh({ rule: 'softmax', temperature: 1 }, [NaN_, NaN_])).toEqual([0, 0]);
    });
  });

  describe('top_k', () => {
    it('gives 65535 to the k best scores and nothing elsewhere', () => {
      expect(weigh({ rule: 'top_k', k: 2 }, [0.3, 0.9, NaN_, 0.8, 0.1])).toEqual([0, 65535, 0, 65535, 0]);
    });

    it('breaks ties towards the lower uid', () => {
      expect(weigh({ rule: 'top_k', k: 2 }, [0.5, 0.9, 0.5, 0.5])).toEqual([65535, 65535, 0, 0]);
      expect(weigh({ rule: 'top_k', k: 3 }, [0.2, 0.2, 0.2, 0.2, 0.2])).toEqual([65535, 65535, 65535, 0, 0]);
    });

    it('k larger than the number of scored uids weights every scored uid and never a NaN one', () => {
      expect(weigh({ rule: 'top_k', k: 10 }, [NaN_, 0.1, -0.5, NaN_])).toEqual([0, 65535, 65535, 0]);
    });

    it('a large k (sorted, not k passes) picks the same uids as k passes would', () => {
      const scores = Array.from({ length: 60 }, (_, j) => ((j * 37) % 23) / 23); // ties on purpose
      const big = weigh({ rule: 'top_k', k: 20 }, scores);
      // By hand: rank (score desc, uid asc), the first 20.
      const ranked = scores.map((s, j) => [s, j]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      const expected = new Array(60).fill(0);
      for (const [, j] of ranked.slice(0, 20)) expected[j] = 65535;
      expect(big).toEqual(expected);
    });
  });

  describe('winner_take_all', () => {
    it('gives everything to the best score', () => {
      expect(weigh({ rule: 'winner_take_all' }, [0.3, 0.9, 0.8])).toEqual([0, 65535, 0]);
    });

    it('a tie goes to the lower uid, NaN never wins', () => {
      expect(weigh({ rule: 'winner_take_all' }, [0.7, NaN_, 0.7])).toEqual([65535, 0, 0]);
      expect(weigh({ rule: 'winner_take_all' }, [NaN_, 0.7, 0.7])).toEqual([0, 65535, 0]);
      expect(weigh({ rule: 'winner_take_all' }, [NaN_, NaN_])).toEqual([0, 0]);
    });
  });
});
