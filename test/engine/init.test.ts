import { describe, expect, it } from 'vitest';
import { MINER_BEHAVIOURS, VALIDATOR_BEHAVIOURS } from '../../src/engine/config.ts';
import { createSimulation } from '../../src/engine/init.ts';
import { ROLE_MINER, ROLE_VALIDATOR } from '../../src/engine/state.ts';
import { minerGroup, qualityModel, simulationConfig, validatorGroup } from '../helpers/config.ts';

describe('createSimulation', () => {
  const cfg = simulationConfig({
    netuid: 7,
    tempo: 5,
    maxUids: 8,
    validators: [validatorGroup({ count: 2, stake: 300 }), validatorGroup({ behaviour: 'lazy', stake: 50 })],
    miners: [
      minerGroup({ count: 2, stake: 4, quality: qualityModel({ initial: { min: 0.25, max: 0.25 } }) }),
      minerGroup({ behaviour: 'idle' }),
    ],
  });

  it('seats validators first (uids 0…), then miners, in group order, all registered at block 0', () => {
    const s = createSimulation(cfg).state.subnets[0];
    const nt = s.neurons;
    expect(s.n).toBe(6);
    expect(s.capacity).toBe(8);
    expect(Array.from(nt.hotkey)).toEqual([0, 1, 2, 3, 4, 5, -1, -1]);
    expect(Array.from(nt.role.subarray(0, 6))).toEqual([
      ROLE_VALIDATOR,
      ROLE_VALIDATOR,
      ROLE_VALIDATOR,
      ROLE_MINER,
      ROLE_MINER,
      ROLE_MINER,
    ]);
    expect(Array.from(nt.group.subarray(0, 6))).toEqual([0, 0, 1, 0, 0, 1]);
    expect([0, 1, 2].map((j) => VALIDATOR_BEHAVIOURS[nt.behaviour[j]])).toEqual(['honest', 'honest', 'lazy']);
    expect([3, 4, 5].map((j) => MINER_BEHAVIOURS[nt.behaviour[j]])).toEqual(['honest', 'honest', 'idle']);
    expect(Array.from(nt.initialStake.subarray(0, 6))).toEqual([300, 300, 50, 4, 4, 0]);
    expect(Array.from(nt.quality.subarray(3, 5))).toEqual([0.25, 0.25]);
    expect(nt.quality[0]).toBeNaN(); // validators have no model
    expect(Array.from(nt.blockAtRegistration)).toEqual(new Array(8).fill(0));
    expect(Array.from(nt.balance)).toEqual(new Array(8).fill(0n));
    expect(s.nextHotkey).toBe(6);
  });

  it('staggers the first epoch: LastEpochBlock = −(netuid mod tempo) (emissions.md §1.1)', () => {
    const s = createSimulation(cfg).state.subnets[0];
    expect(s.lastEpochBlock).toBe(-2);
    expect(s.epochsRun).toBe(0);
    expect(s.alphaOutIssued).toBe(0);
    expect(s.weights.length).toBe(64);
  });

  it('no registrations are scheduled when the rate is 0', () => {
    expect(createSimulation(cfg).state.subnets[0].nextRegistrationBlock).toBe(Number.POSITIVE_INFINITY);
  });
});
