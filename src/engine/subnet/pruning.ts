import type { SubnetState } from '../state.ts';

/**
 * The uid a registration replaces when the subnet is full (emissions.md §6, get_neuron_to_prune):
 * the lowest last-epoch Emission, ties to the earlier registration, then the lower uid. Non-immune uids
 * are preferred while more than `minNonImmuneUids` of them exist; otherwise the best immune candidate
 * (block − registration < immunityPeriod) goes; with no immune candidate either, −1 (nobody can be
 * pruned and the registration fails). `protectedUid` (the owner's hotkey) is never pruned.
 */
export function neuronToPrune(
  subnet: SubnetState,
  block: number,
  immunityPeriod: number,
  minNonImmuneUids: number,
  protectedUid = -1,
): number {
  const { emission, blockAtRegistration } = subnet.neurons;
  let best = -1;
  let bestImmune = -1;
  let nonImmune = 0;
  const better = (a: number, b: number): boolean =>
    b < 0 ||
    emission[a] < emission[b] ||
    (emission[a] === emission[b] && blockAtRegistration[a] < blockAtRegistration[b]);
  for (let uid = 0; uid < subnet.n; uid++) {
    if (uid === protectedUid) continue;
    if (block - blockAtRegistration[uid] < immunityPeriod) {
      if (better(uid, bestImmune)) bestImmune = uid;
    } else {
      nonImmune++;
      if (better(uid, best)) best = uid;
    }
  }
  if (best >= 0 && nonImmune > minNonImmuneUids) return best;
  return bestImmune; // −1 when nobody can go: the registration fails, as on chain
}
