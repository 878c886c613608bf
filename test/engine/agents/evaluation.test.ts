import { describe, expect, it } from 'vitest';
import {
  createResponders,
  findResponders,
  observeResponders,
  observeScores,
} from '../../../src/engine/agents/evaluation.ts';
import { createRng } from '../../../src/engine/rng.ts';
import { makeSubnet, minerGroup, validatorGroup } from '../../helpers/config.ts';

// Rule: doc comment of evaluation.ts: score = served + bias + N(0, noise/√tasks) (+ cabal boost).
describe('observeScores', () => {
  function fixture() {
    const fx = makeSubnet({
      maxUids: 5,
      validators: [validatorGroup({ count: 2 })],
      miners: [minerGroup({ count: 2 }), minerGroup({ count: 1, behaviour: 'idle' })],
    });
    fx.subnet.neurons.served.set([Number.NaN, Number.NaN, 0.6, 0.3, Number.NaN]);
    return fx;
  }

  it('scores responding miners only; validators and non-responders are NaN', () => {
    const { subnet } = fixture();
    const out = new Float64Array(5).fill(7);
    observeScores(subnet, validatorGroup({ noise: 0, bias: 0.05 }), () => null, createRng(1, 'e'), out);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(0.65, 15);
    expect(out[3]).toBeCloseTo(0.35, 15);
    expect(out[4]).toBeNaN();
  });

  it('noise averages over tasks: sd = noise / √tasks, mean = served + bias', () => {
    const { subnet } = fixture();
    const group = validatorGroup({ noise: 0.4, tasks: 16, bias: -0.1 }); // sd 0.1
    const rng = createRng(3, 'e');
    const out = new Float64Array(5);
    const samples: number[] = [];
    for (let k = 0; k < 20_000; k++) {
      observeScores(subnet, group, () => null, rng, out);
      samples.push(out[2]);
    }
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    const sd = Math.sqrt(samples.reduce((a, b) => a + (b - mean) ** 2, 0) / (samples.length - 1));
    // Standard error of the mean 0.1/√20000 ≈ 0.0007; of the sd ≈ 0.0005.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.004);
    expect(Math.abs(sd - 0.1)).toBeLessThan(0.003);
  });

  it("adds the boost only for a cabal validator and only to its own cabal's miners", () => {
    const { subnet } = fixture();
    const cabalOf = (uid: number) => (uid === 3 ? 'red' : null);
    const out = new Float64Array(5);
    const cabal = validatorGroup({ behaviour: 'cabal', cabal: 'red', cabalBoost: 0.25, noise: 0 });
    observeScores(subnet, cabal, cabalOf, createRng(1, 'e'), out);
    expect(out[2]).toBeCloseTo(0.6, 15);
    expect(out[3]).toBeCloseTo(0.55, 15);
    // An honest validator with cabal settings does not boost.
    observeScores(subnet, { ...cabal, behaviour: 'honest' }, cabalOf, createRng(1, 'e'), out);
    expect(out[3]).toBeCloseTo(0.3, 15);
  });

  it('returns the highest score after the boost, a negative boost included', () => {
    const { subnet } = fixture();
    const responders = findResponders(subnet, (uid) => (uid === 2 ? 'red' : null), createResponders(5));
    const scores = new Float64Array(responders.count);
    const group = (cabalBoost: number) =>
      validatorGroup({ behaviour: 'cabal', cabal: 'red', cabalBoost, noise: 0 });
    // uid 2 (0.6) is the cabal's miner: pushed down below uid 3 (0.3), the best is uid 3's score.
    expect(observeResponders(responders, group(-0.5), createRng(1, 'e'), scores)).toBeCloseTo(0.3, 15);
    expect(scores[0]).toBeCloseTo(0.1, 15);
    expect(observeResponders(responders, group(-1), createRng(1, 'e'), scores)).toBeCloseTo(0.3, 15);
    // Every score below 0 (−0.4 and −0.2): so is the best, and a proportional row then submits nothing.
    responders.served[1] = -0.2;
    expect(observeResponders(responders, group(-1), createRng(1, 'e'), scores)).toBeCloseTo(-0.2, 15);
    expect(observeResponders(responders, group(0.25), createRng(1, 'e'), scores)).toBeCloseTo(0.85, 15);
  });
});
