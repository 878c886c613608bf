import { describe, expect, it } from 'vitest';
import type { SubnetState } from '../../../src/engine/state.ts';
import { neuronToPrune } from '../../../src/engine/subnet/pruning.ts';
import { makeSubnet, minerGroup, validatorGroup } from '../../helpers/config.ts';

/**
 * Rule: emissions.md §6 / yuma.md §3.14 (subtensor get_neuron_to_prune): lowest last-epoch Emission,
 * ties → earlier BlockAtRegistration → lower uid; immune while block − reg < ImmunityPeriod; non-immune
 * preferred while more than MinNonImmuneUids of them exist, otherwise the best immune candidate.
 */

/** A registered subnet of `emission.length` uids with the given last-epoch emissions and registration blocks. */
function subnetWith(emission: number[], registeredAt: number[]): SubnetState {
  const { subnet } = makeSubnet({
    maxUids: emission.length,
    validators: [validatorGroup({ count: 0 })],
    miners: [minerGroup({ count: emission.length })],
  });
  subnet.neurons.emission.set(emission);
  subnet.neurons.blockAtRegistration.set(registeredAt);
  return subnet;
}

const FAR = 1_000_000; // a block long after every registration: nobody immune

describe('neuronToPrune', () => {
  it('picks the lowest emission', () => {
    expect(neuronToPrune(subnetWith([50, 30, 70, 40], [0, 0, 0, 0]), FAR, 100, 0)).toBe(1);
  });

  it('ties on emission go to the earlier registration, then to the lower uid', () => {
    expect(neuronToPrune(subnetWith([20, 20, 20, 90], [300, 100, 200, 0]), FAR, 100, 0)).toBe(1);
    expect(neuronToPrune(subnetWith([90, 20, 20, 20], [0, 100, 100, 100]), FAR, 100, 0)).toBe(1);
    expect(neuronToPrune(subnetWith([20, 20, 20], [100, 50, 50]), FAR, 100, 0)).toBe(1);
  });

  it('registration order does not beat a lower emission', () => {
    expect(neuronToPrune(subnetWith([10, 9], [0, 5000]), FAR, 100, 0)).toBe(1);
  });

  it('skips immune uids while enough non-immune ones remain', () => {
    // block 1000, immunity 500: uids 2 and 3 (registered at 900/950) are immune despite emission 0.
    const subnet = subnetWith([10, 20, 0, 0], [0, 0, 900, 950]);
    expect(neuronToPrune(subnet, 1000, 500, 0)).toBe(0);
    expect(neuronToPrune(subnet, 1000, 500, 1)).toBe(0); // 2 non-immune > 1
  });

  it('falls back to the best immune uid when non-immune uids are at or below minNonImmuneUids', () => {
    const subnet = subnetWith([10, 20, 0, 0], [0, 0, 900, 950]);
    // 2 non-immune, min 2 → not above the floor: best immune = uid 2 (emission 0, earlier registration).
    expect(neuronToPrune(subnet, 1000, 500, 2)).toBe(2);
    expect(neuronToPrune(subnet, 1000, 500, 10)).toBe(2);
  });

  it('immunity ends exactly ImmunityPeriod blocks after registration', () => {
    // block − reg < immunity ⇒ immune: reg 500 at block 1000 with immunity 500 is no longer immune, reg 501 is.
    const subnet = subnetWith([5, 0, 100], [500, 501, 0]);
    expect(neuronToPrune(subnet, 1000, 500, 0)).toBe(0);
    expect(neuronToPrune(subnet, 1001, 500, 0)).toBe(1);
  });

  it('when every uid is immune the best immune uid goes', () => {
    expect(neuronToPrune(subnetWith([7, 3, 3], [10, 20, 15]), 30, 1000, 0)).toBe(2);
  });

  it('never returns the protected (owner) uid, even when it has the lowest emission', () => {
    const subnet = subnetWith([0, 5, 9], [0, 0, 0]);
    expect(neuronToPrune(subnet, FAR, 100, 0)).toBe(0);
    expect(neuronToPrune(subnet, FAR, 100, 0, 0)).toBe(1);
    // Protected uid excluded from the non-immune count as well: 2 candidates left, min 1 → still non-immune.
    expect(neuronToPrune(subnet, FAR, 100, 1, 0)).toBe(1);
  });

  it('only looks at registered uids (below n)', () => {
    const subnet = subnetWith([9, 8, 7, 0], [0, 0, 0, 0]);
    subnet.n = 3;
    expect(neuronToPrune(subnet, FAR, 100, 0)).toBe(2);
  });
});
