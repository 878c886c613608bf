import type { SubnetConfig } from '../config.ts';
import type { Rng } from '../rng.ts';
import { ROLE_MINER, type SubnetState, type WeightCommits } from '../state.ts';
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
  return storeWeightsRow(subnet, uid, weights, block, epoch);
}

/**
 * set_weights: replaces the row, max-upscaled to u16; zero entries are not submitted, and an all-zero
 * row is not submitted at all (the chain rejects fewer than MinAllowedWeights = 1 entries). With
 * commit-reveal on, the same row is committed instead (last_update is stamped all the same).
 */
function storeWeightsRow(
  subnet: SubnetState,
  uid: number,
  weights: Float64Array,
  block: number,
  epoch: number,
): boolean {
  const u16 = maxUpscaleU16(weights.subarray(0, subnet.n));
  if (!u16.some((v) => v > 0)) return false;
  if (subnet.commits === null) setWeightsRow(subnet, uid, u16);
  else commitWeightsRow(subnet, subnet.commits, uid, u16, block, epoch);
  subnet.neurons.lastUpdate[uid] = block;
  return true;
}

/** Replaces uid's row of the weights matrix with `u16` (entries beyond its length cleared; 0 = no entry). */
function setWeightsRow(subnet: SubnetState, uid: number, u16: ArrayLike<number>): void {
  const { capacity } = subnet;
  const row = uid * capacity;
  subnet.weights.fill(0, row, row + capacity);
  subnet.weightsPresent.fill(0, row, row + capacity);
  const m = Math.min(u16.length, capacity);
  for (let j = 0; j < m; j++) {
    if (u16[j] > 0) {
      subnet.weights[row + j] = u16[j];
      subnet.weightsPresent[row + j] = 1;
    }
  }
}

/**
 * Commits a row made at `epoch` into slot epoch mod period of uid's ring (allocated on its first
 * commit). That slot was emptied by revealCommits earlier in the same epoch: the commit it held was
 * made `period` epochs ago. A second commit in one epoch replaces the first.
 */
function commitWeightsRow(
  subnet: SubnetState,
  commits: WeightCommits,
  uid: number,
  u16: Uint16Array,
  block: number,
  epoch: number,
): void {
  const { capacity } = subnet;
  const { period } = commits;
  let ring = commits.ring[uid];
  if (ring < 0) {
    ring = commits.rows.length;
    commits.rows.push(new Uint16Array(period * capacity));
    commits.block.push(new Float64Array(period));
    commits.epoch.push(new Float64Array(period).fill(-1));
    commits.ring[uid] = ring;
  }
  const slot = epoch % period;
  const rows = commits.rows[ring];
  rows.fill(0, slot * capacity, (slot + 1) * capacity);
  rows.set(u16.subarray(0, capacity), slot * capacity);
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
    setWeightsRow(subnet, uid, commits.rows[ring].subarray(slot * capacity, (slot + 1) * capacity));
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
