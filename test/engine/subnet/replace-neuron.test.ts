import { describe, expect, it } from 'vitest';
import { replaceNeuron } from '../../../src/engine/subnet/replace-neuron.ts';
import { makeSubnet, minerGroup, validatorGroup } from '../../helpers/config.ts';

/**
 * Expected effects: the doc comment of replace-neuron.ts, after yuma.md §3.11 (subnets/uids.rs
 * replace_neuron): own weights and bonds rows emptied, weights pointing at the uid set to 0 with the
 * entry kept, permit and stake gone, registration and last update stamped, others' bonds to it kept.
 * The state is one the engine can produce: weights only in validators' rows (only they set weights)
 * and bonds only in permitted rows (here every uid has a permit, miners too).
 */
function filledSubnet() {
  const fixture = makeSubnet({
    maxUids: 6,
    validators: [validatorGroup({ count: 2, stake: 500 })],
    miners: [minerGroup({ count: 4, stake: 7 })],
  });
  const { subnet } = fixture;
  const { capacity, neurons } = subnet;
  for (let i = 0; i < capacity; i++) {
    for (let j = 0; j < capacity; j++) {
      if (i < 2) {
        subnet.weights[i * capacity + j] = 1000 + 10 * i + j;
        subnet.weightsPresent[i * capacity + j] = 1;
      }
      subnet.bonds[i * capacity + j] = 2000 + 10 * i + j;
    }
    neurons.balance[i] = BigInt(1_000_000_007 * (i + 1));
    neurons.emission[i] = 50 + i;
    neurons.validatorPermit[i] = 1;
    neurons.blockAtRegistration[i] = 10 + i;
    neurons.lastUpdate[i] = 300 + i;
    subnet.lastConsensus[i] = 0.1 * (i + 1);
  }
  return fixture;
}

describe('replaceNeuron', () => {
  it('returns the departing balance and resets the uid for its new occupant', () => {
    const { subnet } = filledSubnet();
    const departed = replaceNeuron(subnet, 3, 777, 99);
    expect(departed).toBe(4_000_000_028n);
    const nt = subnet.neurons;
    expect(nt.hotkey[3]).toBe(99);
    expect(nt.balance[3]).toBe(0n);
    expect(nt.initialStake[3]).toBe(0);
    expect(nt.validatorPermit[3]).toBe(0);
    expect(nt.emission[3]).toBe(0);
    expect(nt.blockAtRegistration[3]).toBe(777);
    expect(nt.lastUpdate[3]).toBe(777);
    expect(subnet.lastConsensus[3]).toBe(0);
  });

  it("empties the uid's own weights and bonds rows (a miner's bonds; a validator's weights and bonds)", () => {
    for (const uid of [3, 1]) {
      const { subnet } = filledSubnet();
      replaceNeuron(subnet, uid, 777, 99);
      const row = uid * subnet.capacity;
      for (let j = 0; j < subnet.capacity; j++) {
        expect(subnet.weights[row + j]).toBe(0);
        expect(subnet.weightsPresent[row + j]).toBe(0);
        expect(subnet.bonds[row + j]).toBe(0);
      }
    }
  });

  it('zeroes every weight pointing at the uid but keeps the entry; bonds to it stay for the epoch mask', () => {
    const { subnet } = filledSubnet();
    replaceNeuron(subnet, 3, 777, 99);
    const cap = subnet.capacity;
    for (const i of [0, 1]) {
      expect(subnet.weights[i * cap + 3]).toBe(0);
      expect(subnet.weightsPresent[i * cap + 3]).toBe(1);
    }
    for (const i of [0, 1, 2, 4, 5]) expect(subnet.bonds[i * cap + 3]).toBe(2000 + 10 * i + 3);
  });

  it('leaves every other uid and entry untouched', () => {
    const { subnet } = filledSubnet();
    replaceNeuron(subnet, 3, 777, 99);
    const cap = subnet.capacity;
    for (let i = 0; i < cap; i++) {
      if (i === 3) continue;
      for (let j = 0; j < cap; j++) {
        if (j === 3) continue;
        expect(subnet.weights[i * cap + j]).toBe(i < 2 ? 1000 + 10 * i + j : 0);
        expect(subnet.bonds[i * cap + j]).toBe(2000 + 10 * i + j);
      }
      expect(subnet.neurons.balance[i]).toBe(BigInt(1_000_000_007 * (i + 1)));
      expect(subnet.neurons.emission[i]).toBe(50 + i);
      expect(subnet.neurons.validatorPermit[i]).toBe(1);
      expect(subnet.neurons.blockAtRegistration[i]).toBe(10 + i);
      expect(subnet.neurons.lastUpdate[i]).toBe(300 + i);
      expect(subnet.lastConsensus[i]).toBeCloseTo(0.1 * (i + 1), 15);
    }
    expect(subnet.n).toBe(6);
  });

  it('a departing validator loses its stake and permit like a miner does', () => {
    const { subnet } = filledSubnet();
    expect(subnet.neurons.initialStake[0]).toBe(500);
    expect(replaceNeuron(subnet, 0, 5, 42)).toBe(1_000_000_007n);
    expect(subnet.neurons.initialStake[0]).toBe(0);
    expect(subnet.neurons.validatorPermit[0]).toBe(0);
  });
});
