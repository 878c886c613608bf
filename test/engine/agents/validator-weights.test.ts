import { describe, expect, it } from 'vitest';
import { createWeightScratch, submitWeights } from '../../../src/engine/agents/validator-weights.ts';
import { createRng } from '../../../src/engine/rng.ts';
import type { SubnetState } from '../../../src/engine/state.ts';
import { makeSubnet, minerGroup, validatorGroup } from '../../helpers/config.ts';

/**
 * uids 0–4: validators honest, lazy (every 3 epochs), weight_copier, cabal 'red' (+0.5), random;
 * uids 5–7 honest miners, 8 a 'red' cabal miner, 9 idle. Validators see scores without noise, so stored
 * rows can be worked out by hand: round(score · 65535 / max score), zeros and NaN absent (set_weights,
 * yuma.md §4 "weights are max-upscaled with rounding").
 */
const HONEST = 0;
const LAZY = 1;
const COPIER = 2;
const CABAL = 3;
const RANDOM = 4;
const NaN_ = Number.NaN;

function fixture() {
  const exact = { noise: 0, weights: { rule: 'proportional' as const } };
  const fx = makeSubnet({
    maxUids: 10,
    validators: [
      validatorGroup({ ...exact, behaviour: 'honest' }),
      validatorGroup({ ...exact, behaviour: 'lazy', resubmitEveryEpochs: 3 }),
      validatorGroup({ ...exact, behaviour: 'weight_copier' }),
      validatorGroup({ ...exact, behaviour: 'cabal', cabal: 'red', cabalBoost: 0.5 }),
      validatorGroup({ ...exact, behaviour: 'random' }),
    ],
    miners: [
      minerGroup({ count: 3 }),
      minerGroup({ count: 1, cabal: 'red' }),
      minerGroup({ count: 1, behaviour: 'idle' }),
    ],
  });
  fx.subnet.neurons.served.set([NaN_, NaN_, NaN_, NaN_, NaN_, 0.5, 0.8, 0, 0.3, NaN_]);
  return { ...fx, scratch: createWeightScratch(fx.subnet.capacity), rng: createRng(1, 'evaluation') };
}

/** The stored row of `uid`: value per uid, null where no entry exists. */
function row(subnet: SubnetState, uid: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let j = 0; j < subnet.n; j++) {
    const k = uid * subnet.capacity + j;
    out.push(subnet.weightsPresent[k] ? subnet.weights[k] : null);
  }
  return out;
}

const _ = null;

describe('submitWeights', () => {
  it('honest: weights ∝ observed score, max-upscaled to 65535, zeros and non-responders absent', () => {
    const { subnet, config, rng, scratch } = fixture();
    expect(submitWeights(subnet, config, HONEST, 0, 358, rng, scratch)).toBe(true);
    // 0.5/0.8·65535 = 40959.375 → 40959; 0.3/0.8·65535 = 24575.625 → 24576; served 0 → no entry.
    expect(row(subnet, HONEST)).toEqual([_, _, _, _, _, 40959, 65535, _, 24576, _]);
    expect(subnet.neurons.lastUpdate[HONEST]).toBe(358);
  });

  it('a new submission replaces the whole row', () => {
    const { subnet, config, rng, scratch } = fixture();
    submitWeights(subnet, config, HONEST, 0, 358, rng, scratch);
    subnet.neurons.served.set([0.2, 0, 0.4], 6); // uid 6 → 0.2, uid 7 → 0, uid 8 → 0.4
    submitWeights(subnet, config, HONEST, 1, 718, rng, scratch);
    // max 0.5: 0.2/0.5·65535 = 26214; 0.4/0.5·65535 = 52428.
    expect(row(subnet, HONEST)).toEqual([_, _, _, _, _, 65535, 26214, _, 52428, _]);
    expect(subnet.neurons.lastUpdate[HONEST]).toBe(718);
  });

  it('an all-zero row is not submitted: the old row and last_update stay', () => {
    const { subnet, config, rng, scratch } = fixture();
    submitWeights(subnet, config, HONEST, 0, 358, rng, scratch);
    const before = row(subnet, HONEST);
    subnet.neurons.served.fill(0, 5, 9);
    expect(submitWeights(subnet, config, HONEST, 1, 718, rng, scratch)).toBe(false);
    expect(row(subnet, HONEST)).toEqual(before);
    expect(subnet.neurons.lastUpdate[HONEST]).toBe(358);
  });

  it('lazy: submits at epochs 0, k, 2k … and keeps its old row and last_update in between', () => {
    const { subnet, config, rng, scratch } = fixture();
    const submitted: number[] = [];
    const lastUpdate: number[] = [];
    for (let epoch = 0; epoch < 8; epoch++) {
      // Scores change every epoch; the lazy row must only follow them when it re-submits.
      subnet.neurons.served[5] = 0.1 * (epoch + 1);
      if (submitWeights(subnet, config, LAZY, epoch, 100 * epoch + 99, rng, scratch)) submitted.push(epoch);
      lastUpdate.push(subnet.neurons.lastUpdate[LAZY]);
      if (epoch === 2) {
        // Still the epoch-0 row: served[5] was 0.1 → 0.1/0.8·65535 = 8191.875 → 8192.
        expect(row(subnet, LAZY)[5]).toBe(8192);
      }
    }
    expect(submitted).toEqual([0, 3, 6]);
    expect(lastUpdate).toEqual([99, 99, 99, 399, 399, 399, 699, 699]);
    // Epoch 6 row: served[5] = 0.7 → 0.7/0.8·65535 = 57343.125 → 57343.
    expect(row(subnet, LAZY)[5]).toBe(57343);
  });

  it('weight_copier: nothing before the first consensus exists', () => {
    const { subnet, config, rng, scratch } = fixture();
    expect(submitWeights(subnet, config, COPIER, 0, 358, rng, scratch)).toBe(false);
    expect(row(subnet, COPIER).every((v) => v === null)).toBe(true);
    expect(subnet.neurons.lastUpdate[COPIER]).toBe(0);
  });

  it("weight_copier: submits last epoch's consensus, without itself", () => {
    const { subnet, config, rng, scratch } = fixture();
    subnet.lastConsensus.set([0, 0, 0.3, 0, 0, 0.25, 0.4, 0, 0.1, 0]);
    expect(submitWeights(subnet, config, COPIER, 1, 718, rng, scratch)).toBe(true);
    // max 0.4: 0.25 → 40959.375 → 40959; 0.1 → 16383.75 → 16384; own uid 2 (0.3) left out.
    expect(row(subnet, COPIER)).toEqual([_, _, _, _, _, 40959, 65535, _, 16384, _]);
    expect(subnet.neurons.lastUpdate[COPIER]).toBe(718);
  });

  it("cabal: boosts its own cabal's miners by cabal_boost, others as an honest validator", () => {
    const { subnet, config, rng, scratch } = fixture();
    submitWeights(subnet, config, CABAL, 0, 358, rng, scratch);
    // uid 8 (red) scores 0.3 + 0.5 = 0.8, level with the best honest miner.
    expect(row(subnet, CABAL)).toEqual([_, _, _, _, _, 40959, 65535, _, 65535, _]);
  });

  it('cabal: a miner of another cabal gets no boost', () => {
    const { subnet, config, rng, scratch } = fixture();
    config.validators[CABAL].cabal = 'blue';
    submitWeights(subnet, config, CABAL, 0, 358, rng, scratch);
    expect(row(subnet, CABAL)).toEqual([_, _, _, _, _, 40959, 65535, _, 24576, _]);
  });

  it('random: u16 weights on miners only (responding or not), max 65535, drawn from the stream', () => {
    const a = fixture();
    expect(submitWeights(a.subnet, a.config, RANDOM, 0, 358, a.rng, a.scratch)).toBe(true);
    const stored = row(a.subnet, RANDOM);
    expect(stored.slice(0, 5)).toEqual([_, _, _, _, _]);
    const values = stored.slice(5) as number[];
    for (const v of values) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThanOrEqual(65535);
    }
    expect(Math.max(...values)).toBe(65535);
    expect(new Set(values).size).toBe(5);
    // Same stream → same row; another stream → another row.
    const b = fixture();
    submitWeights(b.subnet, b.config, RANDOM, 0, 358, createRng(1, 'evaluation'), b.scratch);
    expect(row(b.subnet, RANDOM)).toEqual(stored);
    const c = fixture();
    submitWeights(c.subnet, c.config, RANDOM, 0, 358, createRng(2, 'evaluation'), c.scratch);
    expect(row(c.subnet, RANDOM)).not.toEqual(stored);
  });

  it('only touches the row and last_update of the submitting validator', () => {
    const { subnet, config, rng, scratch } = fixture();
    submitWeights(subnet, config, HONEST, 0, 358, rng, scratch);
    for (let uid = 1; uid < subnet.n; uid++) {
      expect(row(subnet, uid).every((v) => v === null)).toBe(true);
      expect(subnet.neurons.lastUpdate[uid]).toBe(0);
    }
  });
});
