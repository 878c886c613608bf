import type { EpochInput } from '../yuma/types.ts';
import { denseRows } from './chain-units.ts';
import type { ChainSnapshot } from './snapshot.ts';
import { type SubnetView, subnetView } from './subnet-view.ts';

/**
 * A snapshot's state as the input of the next epoch (yuma.md §2): stake weights, the stored Weights and
 * Bonds rows, last updates, registration blocks and the permits the last epoch gave.
 */

/** Where the epoch runs: its block, the previous epoch's block, and the rao it distributes. */
export interface EpochPosition {
  block: number;
  /** LastMechansimStepBlock before this epoch (−1: none, the chain tests' `block − tempo`). */
  lastEpochBlock: number;
  emission: number;
}

/** What a snapshot lacks for an epoch to run on it, in words (empty when nothing is missing). */
export function epochInputLacks(snapshot: ChainSnapshot): string[] {
  const lacks: string[] = [];
  if (snapshot.weights === undefined) lacks.push('Weights');
  if (snapshot.bonds === undefined) lacks.push('Bonds');
  return lacks;
}

export interface ReplayInput {
  view: SubnetView;
  input: EpochInput;
  /** Weight or bond entries left at uids ≥ n (rows of uids the subnet no longer has), dropped. */
  dropped: number;
}

/** The epoch input of `snapshot` at `at`; throws if it lacks Weights or Bonds (see epochInputLacks). */
export function replayEpochInput(snapshot: ChainSnapshot, at: EpochPosition, ownerUid: number): ReplayInput {
  const lacks = epochInputLacks(snapshot);
  if (lacks.length > 0) throw new Error(`block ${snapshot.block}: the snapshot lacks ${lacks.join(' and ')}`);
  const view = subnetView(snapshot);
  const { n } = view;
  const weights = denseRows(snapshot.weights ?? [], n);
  const bonds = denseRows(snapshot.bonds ?? [], n);
  return {
    view,
    dropped: weights.dropped + bonds.dropped,
    input: {
      n,
      block: at.block,
      tempo: view.tempo,
      lastEpochBlock: at.lastEpochBlock,
      stake: view.stake,
      weights: weights.values,
      weightsPresent: weights.present,
      bonds: bonds.values,
      lastUpdate: view.lastUpdate,
      blockAtRegistration: view.blockAtRegistration,
      validatorPermit: view.validatorPermit,
      ownerUid,
      emission: at.emission,
    },
  };
}
