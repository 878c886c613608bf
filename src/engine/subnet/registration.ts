import type { SubnetConfig } from '../config.ts';
import type { Rng } from '../rng.ts';
import type { SubnetState } from '../state.ts';
import { BLOCKS_PER_DAY } from '../units.ts';
import { neuronToPrune } from './pruning.ts';
import { replaceNeuron } from './replace-neuron.ts';
import { seatMiner } from './seat-neuron.ts';

/**
 * New miners arrive as a Poisson process (`perDay` on average). A newcomer takes the next free uid, or,
 * when the subnet holds MaxAllowedUids, the uid chosen by the pruning rule (emissions.md §6).
 * Registration cost (the burn) belongs to the token-economy model and is not charged here.
 */
export function nextArrivalBlock(afterBlock: number, perDay: number, rng: Rng): number {
  if (!(perDay > 0)) return Number.POSITIVE_INFINITY;
  const meanGap = BLOCKS_PER_DAY / perDay;
  // At least one block later: the chain registers at block granularity.
  return afterBlock + Math.max(1, Math.round(rng.exponential() * meanGap));
}

/**
 * Claims a uid for a newcomer with a fresh hotkey, registered at `block`: the next free uid, or, when the
 * subnet is full, the uid the pruning rule frees (its occupant's balance departs). Returns the uid, or −1
 * when no uid can be freed. The caller seats the newcomer's role.
 */
export function claimUid(
  subnet: SubnetState,
  block: number,
  immunityPeriod: number,
  minNonImmuneUids: number,
): number {
  if (subnet.n < subnet.capacity) {
    const uid = subnet.n++;
    subnet.neurons.blockAtRegistration[uid] = block;
    subnet.neurons.lastUpdate[uid] = block;
    subnet.neurons.hotkey[uid] = subnet.nextHotkey++;
    return uid;
  }
  const uid = neuronToPrune(subnet, block, immunityPeriod, minNonImmuneUids);
  if (uid < 0) return -1;
  subnet.departedBalance += replaceNeuron(subnet, uid, block, subnet.nextHotkey++);
  subnet.prunedSinceEpoch++;
  return uid;
}

/**
 * Registers one newcomer at `block`; returns its uid, or −1 when no uid can be freed (the chain's
 * get_neuron_to_prune finds no candidate and the registration fails). `modelStream` gives the random
 * stream of the newcomer's model.
 */
export function registerMiner(
  subnet: SubnetState,
  config: SubnetConfig,
  block: number,
  modelStream: (uid: number, serial: number) => Rng,
): number {
  const uid = claimUid(subnet, block, config.immunityPeriod, config.minNonImmuneUids);
  if (uid < 0) return -1;
  seatMiner(subnet, uid, config.registration.miner, -1, modelStream(uid, subnet.minersSeated++));
  subnet.registrationsSinceEpoch++;
  return uid;
}
