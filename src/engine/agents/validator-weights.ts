import type { SubnetConfig } from '../config.ts';
import type { Rng } from '../rng.ts';
import { ROLE_MINER, ROLE_VALIDATOR, type SubnetState } from '../state.ts';
import { minerCabal } from './cabal.ts';
import { createResponders, findResponders, observeResponders, type Responders } from './evaluation.ts';
import { upscaleRow } from './upscale-u16.ts';
import { commitWeightsRow, ringOf } from './weight-commits.ts';
import { weighRow } from './weight-rules.ts';
import { setWeightsRow } from './weights-row.ts';

/** Scratch reused across validators and epochs (capacity entries each). */
export interface WeightScratch {
  responders: Responders;
  /** One validator's scores, by responder. */
  scores: Float64Array;
  /** Weights by uid (weight copiers, random validators). */
  weights: Float64Array;
  /** The u16 row being submitted, by uid. */
  row: Uint16Array;
}

export function createWeightScratch(capacity: number): WeightScratch {
  return {
    responders: createResponders(capacity),
    scores: new Float64Array(capacity),
    weights: new Float64Array(capacity),
    row: new Uint16Array(capacity),
  };
}

/**
 * Every validator of the subnet decides its weights for this epoch (submitWeights), in uid order, from
 * one stream: the responding miners are gathered once for all of them.
 */
export function submitEpochWeights(
  subnet: SubnetState,
  config: SubnetConfig,
  epoch: number,
  block: number,
  rng: Rng,
  scratch: WeightScratch,
): void {
  gatherResponders(subnet, config, scratch);
  const { role } = subnet.neurons;
  for (let uid = 0; uid < subnet.n; uid++) {
    if (role[uid] === ROLE_VALIDATOR) decideWeights(subnet, config, uid, epoch, block, rng, scratch);
  }
}

/**
 * Validator `uid` decides its weights for this epoch by its behaviour and, if it submits, stores the
 * row as set_weights does (max-upscaled u16, zeros dropped as the SDK drops them, last_update = block)
 * or, with commit-reveal on, commits it for reveal `period` epochs later (see commitWeightsRow).
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
  gatherResponders(subnet, config, scratch);
  return decideWeights(subnet, config, uid, epoch, block, rng, scratch);
}

function gatherResponders(subnet: SubnetState, config: SubnetConfig, scratch: WeightScratch): void {
  const cabals = config.validators.some((g) => g.behaviour === 'cabal' && g.cabal !== null);
  findResponders(subnet, cabals ? (j) => minerCabal(config, subnet, j) : null, scratch.responders);
}

/** submitWeights once the responders are gathered. */
function decideWeights(
  subnet: SubnetState,
  config: SubnetConfig,
  uid: number,
  epoch: number,
  block: number,
  rng: Rng,
  scratch: WeightScratch,
): boolean {
  const group = config.validators[subnet.neurons.group[uid]];
  const { responders, scores, weights } = scratch;
  const n = subnet.n;
  if (group.behaviour === 'lazy') {
    if (epoch < subnet.neurons.nextSubmitEpoch[uid]) return false;
    subnet.neurons.nextSubmitEpoch[uid] = epoch + group.resubmitEveryEpochs;
  }
  // The row is written straight into its commit slot when that slot is free (always, but for a second
  // submission in one epoch), else into scratch first.
  const { commits, capacity } = subnet;
  let row = scratch.row;
  let offset = 0;
  let ring = -1;
  if (commits !== null) {
    ring = ringOf(commits, uid, capacity);
    const slot = epoch % commits.period;
    if (commits.epoch[ring][slot] < 0) {
      row = commits.rows[ring];
      offset = slot * capacity;
    }
  }
  row.fill(0, offset, offset + capacity);
  let any: boolean;
  switch (group.behaviour) {
    case 'lazy': // evaluates as an honest validator when its turn comes
    case 'honest':
    case 'cabal': {
      const max = observeResponders(responders, group, rng, scores);
      any = weighRow(group.weights, scores, max, responders.uid, responders.count, row, offset);
      break;
    }
    case 'weight_copier': {
      // Copies last epoch's consensus; before any consensus exists there is nothing to copy.
      let sum = 0;
      for (let j = 0; j < n; j++) sum += subnet.lastConsensus[j];
      if (!(sum > 0)) return false;
      for (let j = 0; j < n; j++) weights[j] = j === uid ? 0 : subnet.lastConsensus[j];
      any = upscaleRow(weights, n, row, offset);
      break;
    }
    case 'random':
      for (let j = 0; j < n; j++) weights[j] = subnet.neurons.role[j] === ROLE_MINER ? rng.uniform() : 0;
      any = upscaleRow(weights, n, row, offset);
      break;
  }
  if (!any) return false; // the chain rejects fewer than MinAllowedWeights = 1 entries
  if (commits === null) setWeightsRow(subnet, uid, row, offset);
  else commitWeightsRow(commits, ring, row === scratch.row ? row : null, capacity, block, epoch);
  subnet.neurons.lastUpdate[uid] = block;
  return true;
}
