import type { SubnetConfig } from '../config.ts';
import type { Rng } from '../rng.ts';
import { ROLE_MINER, ROLE_VALIDATOR, type SubnetState, type WeightCommits } from '../state.ts';
import { minerCabal } from './cabal.ts';
import { createResponders, findResponders, observeResponders, type Responders } from './evaluation.ts';
import { upscaleRow } from './upscale-u16.ts';
import { weighRow } from './weight-rules.ts';

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

/** Replaces uid's row of the weights matrix with u16[from … from + capacity − 1] (0 = no entry). */
function setWeightsRow(subnet: SubnetState, uid: number, u16: Uint16Array, from: number): void {
  const { capacity, weights, weightsPresent } = subnet;
  const row = uid * capacity;
  for (let j = 0; j < capacity; j++) {
    const v = u16[from + j];
    weights[row + j] = v;
    weightsPresent[row + j] = v > 0 ? 1 : 0;
  }
}

/** uid's ring of commit slots, allocated at its first commit. */
function ringOf(commits: WeightCommits, uid: number, capacity: number): number {
  let ring = commits.ring[uid];
  if (ring < 0) {
    ring = commits.rows.length;
    commits.rows.push(new Uint16Array(commits.period * capacity));
    commits.block.push(new Float64Array(commits.period));
    commits.epoch.push(new Float64Array(commits.period).fill(-1));
    commits.ring[uid] = ring;
  }
  return ring;
}

/**
 * Commits a row made at `epoch` into slot epoch mod period of the ring (copying `u16` into it, or
 * null when the row was written there directly). That slot was emptied by revealCommits earlier in the
 * same epoch: the commit it held was made `period` epochs ago. A second commit in one epoch replaces
 * the first.
 */
function commitWeightsRow(
  commits: WeightCommits,
  ring: number,
  u16: Uint16Array | null,
  capacity: number,
  block: number,
  epoch: number,
): void {
  const slot = epoch % commits.period;
  if (u16 !== null) commits.rows[ring].set(u16.subarray(0, capacity), slot * capacity);
  commits.block[ring][slot] = block;
  commits.epoch[ring][slot] = epoch;
}

/**
 * Start of epoch `epoch` with commit-reveal on: every commit made at epoch − period is revealed, i.e.
 * set as that uid's weights row (as set_weights would; last_update keeps its commit-time stamp), and
 * its slot emptied. Rows hold the uids as committed: a uid re-occupied since then receives the weight
 * meant for its previous occupant unless a mask drops it, as on chain (commits are opaque until revealed).
 */
export function revealCommits(subnet: SubnetState, epoch: number): void {
  const commits = subnet.commits;
  if (commits === null) return;
  const { capacity } = subnet;
  const { period } = commits;
  const slot = epoch % period;
  for (let uid = 0; uid < subnet.n; uid++) {
    const ring = commits.ring[uid];
    if (ring < 0) continue;
    const epochs = commits.epoch[ring];
    if (epochs[slot] < 0 || epochs[slot] !== epoch - period) continue;
    setWeightsRow(subnet, uid, commits.rows[ring], slot * capacity);
    epochs[slot] = -1;
  }
}

/**
 * The commit-reveal mask's input (yuma.md §3.5 step 4): per uid < n, the earliest block among its
 * unexpired (not yet revealed) commits, or Infinity when it has none. Writes into `out` (length ≥ n).
 */
export function earliestCommitBlocks(subnet: SubnetState, out: Float64Array): Float64Array {
  const commits = subnet.commits;
  out.fill(Number.POSITIVE_INFINITY, 0, subnet.n);
  if (commits === null) return out;
  for (let uid = 0; uid < subnet.n; uid++) {
    const ring = commits.ring[uid];
    if (ring < 0) continue;
    const epochs = commits.epoch[ring];
    const blocks = commits.block[ring];
    let earliest = Number.POSITIVE_INFINITY;
    for (let s = 0; s < commits.period; s++) {
      if (epochs[s] >= 0 && blocks[s] < earliest) earliest = blocks[s];
    }
    out[uid] = earliest;
  }
  return out;
}
