import type { SubnetConfig } from '../config.ts';
import type { SubnetState } from '../state.ts';
import type { SubnetStreams } from '../streams.ts';
import { seatMiner, seatValidator } from '../subnet/seat-neuron.ts';
import { chainNumber } from './chain-units.ts';
import { epochInputLacks } from './epoch-input.ts';
import type { ChainSnapshot, SparseRows } from './snapshot.ts';
import { SnapshotFieldError, subnetView } from './subnet-view.ts';

/**
 * A scenario subnet started from a chain snapshot (`initial_state: { snapshot, block }`): the chain's
 * uids with their stakes, root stakes, permits, stored weights and bonds, registrations and last
 * updates. Blocks are moved so that the snapshot's block is the simulation's block 0. Who is a
 * validator is the chain's answer (a validator permit); from there on every uid follows the scenario's
 * modelled behaviour (its top-level validators' and miners' settings).
 */
export interface SubnetSeed {
  /** The chain block of the snapshot (the simulation's block 0). */
  block: number;
  n: number;
  /** 1: seated as a validator (the chain had permitted it). */
  validator: Uint8Array;
  /** Alpha staked on each hotkey, and TAO it has on root, rao. */
  alphaStake: Float64Array;
  rootStake: Float64Array;
  validatorPermit: Uint8Array;
  /** Registration and last-update blocks, relative to the snapshot's block (≤ 0). */
  blockAtRegistration: Float64Array;
  lastUpdate: Float64Array;
  weights: SparseRows;
  bonds: SparseRows;
  /** Blocks since the subnet's last epoch at the snapshot. */
  blocksSinceLastStep: number;
}

export function subnetSeed(snapshot: ChainSnapshot): SubnetSeed {
  const lacks = epochInputLacks(snapshot);
  if (lacks.length > 0)
    throw new SnapshotFieldError(
      `block ${snapshot.block}: the snapshot lacks ${lacks.join(' and ')} (fetch it with --what all)`,
    );
  const view = subnetView(snapshot);
  const rao = (values: unknown) => Float64Array.from(values as unknown[], chainNumber);
  return {
    block: snapshot.block,
    n: view.n,
    validator: Uint8Array.from(view.validatorPermit),
    alphaStake: rao(snapshot.metagraph.alpha_stake),
    rootStake: rao(snapshot.metagraph.tao_stake),
    validatorPermit: Uint8Array.from(view.validatorPermit),
    blockAtRegistration: view.blockAtRegistration.map((b) => b - snapshot.block),
    lastUpdate: view.lastUpdate.map((b) => b - snapshot.block),
    weights: snapshot.weights ?? [],
    bonds: snapshot.bonds ?? [],
    blocksSinceLastStep: snapshot.block - view.lastStep,
  };
}

function fill(
  rows: SparseRows,
  matrix: Float64Array,
  present: Uint8Array | null,
  seed: SubnetSeed,
  capacity: number,
) {
  for (const [i, entries] of rows) {
    if (i >= seed.n) continue;
    for (const [j, value] of entries) {
      if (j >= seed.n) continue;
      matrix[i * capacity + j] = value;
      if (present !== null) present[i * capacity + j] = 1;
    }
  }
}

/** Seats the snapshot's uids in an empty subnet (init.ts), validators and miners by the chain's permits. */
export function seatSnapshot(
  subnet: SubnetState,
  config: SubnetConfig,
  seed: SubnetSeed,
  streams: SubnetStreams,
) {
  const nt = subnet.neurons;
  for (let uid = 0; uid < seed.n; uid++) {
    nt.hotkey[uid] = subnet.nextHotkey++;
    if (seed.validator[uid] === 1) seatValidator(subnet, uid, config.validators[0], 0);
    else seatMiner(subnet, uid, config.miners[0], 0, streams.seatModel(uid, subnet.minersSeated++));
    const alpha = Math.round(seed.alphaStake[uid]);
    nt.initialStake[uid] = alpha / 1e9;
    nt.stakeAlpha[uid] = alpha;
    nt.shares[uid] = alpha;
    nt.ownShares[uid] = alpha;
    nt.rootStake[uid] = Math.round(seed.rootStake[uid]);
    nt.validatorPermit[uid] = seed.validatorPermit[uid];
    nt.blockAtRegistration[uid] = seed.blockAtRegistration[uid];
    nt.lastUpdate[uid] = seed.lastUpdate[uid];
  }
  subnet.n = seed.n;
  fill(seed.weights, subnet.weights, subnet.weightsPresent, seed, subnet.capacity);
  fill(seed.bonds, subnet.bonds, null, seed, subnet.capacity);
  subnet.lastEpochBlock = -seed.blocksSinceLastStep;
}
