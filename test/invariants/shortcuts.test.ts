import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/engine/run.ts';
import { ROLE_VALIDATOR } from '../../src/engine/state.ts';
import { configFromYaml } from '../helpers/scenario.ts';

/**
 * The engine skips work where the result is provably the same, relying on facts about its state:
 * - replace-neuron.ts clears weights only in validators' rows: only validators ever hold weights;
 * - it clears a bonds row only with a permit, and subnet-epoch.ts persists only rows permitted before or
 *   now: the float epoch stores bonds only in permitted rows.
 * Checked after every epoch of runs that churn uids (registrations, pruning of miners and validators,
 * permits moving as stakes grow) with and without commit-reveal.
 */
// Subnet 1: validators with bonds are pruned (short immunity, a validator with almost no stake);
// subnet 2: validators with bonds lose their permits to miners whose stake grows past theirs.
const SCENARIO = `
seed: 5
duration: 4d
output: { neurons: false }
x-subnet: &subnet
  tempo: 100
  max_uids: 24
  miners: { count: 16 }
  registration: { per_day: 300 }
subnets:
  - <<: *subnet
    netuid: 1
    immunity_period: 200
    yuma: { max_allowed_validators: 9 }
    validators: { count: 4, groups: [{ count: 2, stake: 0.001 }, { count: 2, stake: 8 }] }
  - <<: *subnet
    netuid: 2
    immunity_period: 1500
    yuma: { max_allowed_validators: 7 }
    validators: { count: 6, groups: [{ count: 2, stake: 30 }, { count: 2, stake: 8 }, { count: 2, stake: 0.001 }] }
`;

describe('state facts the shortcuts rely on', () => {
  for (const commitReveal of [true, false]) {
    it(`hold after every epoch (commit-reveal ${commitReveal ? 'on' : 'off'})`, () => {
      const config = configFromYaml(SCENARIO, {
        overrides: [0, 1].map((k) => `subnets[${k}].yuma.commit_reveal.enabled=${commitReveal}`),
      });
      let epochs = 0;
      let pruned = 0;
      let permitChanges = 0;
      const lastPermits = ['', ''];
      const broken: string[] = [];
      // Per subnet, rows that held bonds at its last epoch: how often one lost its permit, or its uid was replaced.
      const hadBonds = [new Uint8Array(24), new Uint8Array(24)];
      const hotkeyThen = [new Int32Array(24).fill(-1), new Int32Array(24).fill(-1)];
      let lostPermitWithBonds = 0;
      let replacedWithBonds = 0;
      const run = runSimulation(config);
      for (let step = run.next(); !step.done; step = run.next()) {
        const record = step.value;
        if (record.kind !== 'epoch') continue;
        epochs++;
        pruned += record.pruned;
        const { subnet, result, n } = record;
        const { capacity, neurons } = subnet;
        const s = subnet.netuid - 1;
        const permits = Array.from(neurons.validatorPermit.subarray(0, n)).join('');
        if (permits !== lastPermits[s]) permitChanges++;
        lastPermits[s] = permits;
        for (let i = 0; i < n; i++) {
          if (hadBonds[s][i] === 1 && neurons.hotkey[i] !== hotkeyThen[s][i]) replacedWithBonds++;
          else if (hadBonds[s][i] === 1 && neurons.validatorPermit[i] === 0) lostPermitWithBonds++;
          hotkeyThen[s][i] = neurons.hotkey[i];
          hadBonds[s][i] = 0;
          for (let j = 0; j < n; j++) if (subnet.bonds[i * capacity + j] !== 0) hadBonds[s][i] = 1;
          for (let j = 0; j < n; j++) {
            const k = i * capacity + j;
            // The persisted bonds are the epoch's whole output, rows skipped or not.
            if (subnet.bonds[k] !== result.bonds[i * n + j]) broken.push(`bonds ${i},${j} not persisted`);
            if (
              neurons.role[i] !== ROLE_VALIDATOR &&
              (subnet.weights[k] !== 0 || subnet.weightsPresent[k] !== 0)
            )
              broken.push(`miner row ${i} holds a weight`);
            if (neurons.validatorPermit[i] === 0 && subnet.bonds[k] !== 0)
              broken.push(`unpermitted row ${i} holds bonds`);
          }
        }
      }
      expect(broken.slice(0, 5)).toEqual([]);
      // The run exercised what the facts are about.
      expect(epochs).toBeGreaterThan(100);
      expect(pruned).toBeGreaterThan(100);
      expect(permitChanges).toBeGreaterThan(3);
      expect(lostPermitWithBonds).toBeGreaterThan(0);
      expect(replacedWithBonds).toBeGreaterThan(0);
    });
  }
});
