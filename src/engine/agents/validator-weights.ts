import type { SubnetConfig } from '../config.ts';
import type { Rng } from '../rng.ts';
import { ROLE_MINER, type SubnetState } from '../state.ts';
import { maxUpscaleU16 } from '../yuma/set-weights.ts';
import { minerCabal } from './cabal.ts';
import { observeScores } from './evaluation.ts';
import { applyWeightRule } from './weight-rules.ts';

/** Scratch rows reused across validators and epochs. */
export interface WeightScratch {
  scores: Float64Array;
  weights: Float64Array;
}

export function createWeightScratch(capacity: number): WeightScratch {
  return { scores: new Float64Array(capacity), weights: new Float64Array(capacity) };
}

/**
 * Validator `uid` decides its weights for this epoch by its behaviour and, if it submits, stores the
 * row as set_weights does (max-upscaled u16, zeros dropped as the SDK drops them, last_update = block).
 * Returns whether it submitted.
 */
export function submitWeights(
  subnet: SubnetState,
  config: SubnetConfig,
  uid: number,
  epoch: number,
  block: number,
  rng: Rng,
  scratch: WeightScratch,
): boolean {
  const group = config.validators[subnet.neurons.group[uid]];
  const { scores, weights } = scratch;
  switch (group.behaviour) {
    case 'honest':
    case 'cabal':
      observeScores(subnet, group, (j) => minerCabal(config, subnet, j), rng, scores);
      applyWeightRule(group.weights, scores, weights);
      break;
    case 'lazy':
      if (epoch < subnet.neurons.nextSubmitEpoch[uid]) return false;
      subnet.neurons.nextSubmitEpoch[uid] = epoch + group.resubmitEveryEpochs;
      observeScores(subnet, group, (j) => minerCabal(config, subnet, j), rng, scores);
      applyWeightRule(group.weights, scores, weights);
      break;
    case 'weight_copier': {
      // Copies last epoch's consensus; before any consensus exists there is nothing to copy.
      let sum = 0;
      for (let j = 0; j < subnet.n; j++) sum += subnet.lastConsensus[j];
      if (!(sum > 0)) return false;
      weights.fill(0);
      for (let j = 0; j < subnet.n; j++) if (j !== uid) weights[j] = subnet.lastConsensus[j];
      break;
    }
    case 'random':
      weights.fill(0);
      for (let j = 0; j < subnet.n; j++) {
        if (subnet.neurons.role[j] === ROLE_MINER) weights[j] = rng.uniform();
      }
      break;
  }
  return storeWeightsRow(subnet, uid, weights, block);
}

/**
 * set_weights: replaces the row, max-upscaled to u16; zero entries are not submitted, and an all-zero
 * row is not submitted at all (the chain rejects fewer than MinAllowedWeights = 1 entries).
 */
function storeWeightsRow(subnet: SubnetState, uid: number, weights: Float64Array, block: number): boolean {
  const { capacity } = subnet;
  const row = uid * capacity;
  const u16 = maxUpscaleU16(weights.subarray(0, subnet.n));
  if (!u16.some((v) => v > 0)) return false;
  subnet.weights.fill(0, row, row + capacity);
  subnet.weightsPresent.fill(0, row, row + capacity);
  for (let j = 0; j < subnet.n; j++) {
    if (u16[j] > 0) {
      subnet.weights[row + j] = u16[j];
      subnet.weightsPresent[row + j] = 1;
    }
  }
  subnet.neurons.lastUpdate[uid] = block;
  return true;
}
