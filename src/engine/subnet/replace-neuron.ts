import { ROLE_VALIDATOR, type SubnetState } from '../state.ts';

/**
 * What deregistering uid j does to the epoch's inputs (yuma.md §3.11, subnets/uids.rs replace_neuron):
 * its own weights and bonds rows are emptied, every weight pointing at it becomes 0 (the entry stays),
 * its permit and stake go, its pending weight commits (commit-reveal) are dropped, and its registration
 * and last update are stamped with the current block. Other validators' pending commits keep their
 * entries for uid: commits are opaque on chain; the epoch's masks decide whether they count.
 * Other validators' bonds to j are not cleared here: the epoch's recently-registered mask drops them.
 * Returns the balance the departing neuron takes with it, rao.
 *
 * Only validators set weights and only permitted rows hold bonds (the epoch stores no others), so the
 * rows and column entries known to be zero already are not written: at 256 uids a column is 256
 * scattered cache lines, most of them miners' empty rows.
 */
export function replaceNeuron(subnet: SubnetState, uid: number, block: number, hotkey: number): bigint {
  const { capacity, weights, weightsPresent, bonds, neurons } = subnet;
  const row = uid * capacity;
  if (neurons.role[uid] === ROLE_VALIDATOR) {
    weights.fill(0, row, row + capacity);
    weightsPresent.fill(0, row, row + capacity);
  }
  if (neurons.validatorPermit[uid] === 1) bonds.fill(0, row, row + capacity);
  for (let i = 0; i < subnet.n; i++) if (neurons.role[i] === ROLE_VALIDATOR) weights[i * capacity + uid] = 0;
  const { commits } = subnet;
  if (commits !== null && commits.ring[uid] >= 0) commits.epoch[commits.ring[uid]].fill(-1);
  const departed = neurons.balance[uid];
  // The hotkey keeps its stake off the subnet's uids; stakers in its pool can still redeem their part.
  if (neurons.shares[uid] > neurons.ownShares[uid]) {
    subnet.departedPerShare.set(neurons.hotkey[uid], neurons.stakeAlpha[uid] / neurons.shares[uid]);
  }
  subnet.departedStake += neurons.stakeAlpha[uid];
  neurons.stakeAlpha[uid] = 0;
  neurons.shares[uid] = 0;
  neurons.ownShares[uid] = 0;
  neurons.rootStake[uid] = 0;
  neurons.hotkey[uid] = hotkey;
  neurons.balance[uid] = 0n;
  neurons.initialStake[uid] = 0;
  neurons.validatorPermit[uid] = 0;
  neurons.emission[uid] = 0;
  neurons.blockAtRegistration[uid] = block;
  neurons.lastUpdate[uid] = block;
  subnet.lastConsensus[uid] = 0;
  return departed;
}
