import { describe, expect, it } from 'vitest';
import { MINER_BEHAVIOURS, type ScalarFn } from '../../src/engine/config.ts';
import { ROLE_MINER, ROLE_VALIDATOR } from '../../src/engine/state.ts';
import { BLOCKS_PER_DAY } from '../../src/engine/units.ts';
import { minerGroup, qualityModel, simulationConfig, validatorGroup } from '../helpers/config.ts';
import { runToEnd } from '../helpers/run.ts';

/** 3 honest validators; miners: 4 honest, 2 copiers (lag 2), 1 idle. tempo 20, 30 epochs. */
function config(drift: number | ScalarFn = 0) {
  const quality = qualityModel({ drift, noise: 0.03, release: { probability: 0.2, size: 0.05 } });
  return {
    ...simulationConfig(
      {
        tempo: 20,
        maxUids: 10,
        validators: [validatorGroup({ count: 3, weights: { rule: 'softmax', temperature: 0.05 } })],
        miners: [
          minerGroup({ count: 4, quality }),
          minerGroup({ count: 2, behaviour: 'copier', copyLagEpochs: 2, quality }),
          minerGroup({ count: 1, behaviour: 'idle', quality }),
        ],
      },
      6,
    ),
    blocks: 600,
  };
}

describe('runSubnetEpoch', () => {
  it('pays out exactly what it drains: Σ (server + validator) + dust = distributed, dust < 2 rao per uid', () => {
    let epochs = 0;
    runToEnd(config(), (r) => {
      epochs++;
      let paid = 0;
      for (let j = 0; j < r.n; j++) {
        expect(Number.isInteger(r.result.serverEmission[j])).toBe(true);
        expect(Number.isInteger(r.result.validatorEmission[j])).toBe(true);
        paid += r.result.serverEmission[j] + r.result.validatorEmission[j];
      }
      expect(paid + r.dust).toBe(r.distributed);
      expect(r.dust).toBeGreaterThanOrEqual(0);
      expect(r.dust).toBeLessThan(2 * r.n);
    });
    expect(epochs).toBe(30);
  });

  it('credits every uid its epoch emission and the owner its cut', () => {
    let previous: bigint[] | null = null;
    let owner = 0n;
    const cfg = config();
    const sim = runToEnd(cfg, (r) => {
      const balances = Array.from(r.subnet.neurons.balance.subarray(0, r.n));
      for (let j = 0; j < r.n; j++) {
        const before = previous?.[j] ?? 0n;
        expect(balances[j] - before).toBe(BigInt(r.result.serverEmission[j] + r.result.validatorEmission[j]));
      }
      previous = balances;
      owner += BigInt(r.ownerCut);
      expect(r.subnet.ownerBalance).toBe(owner);
      expect(r.subnet.pendingOwner + r.subnet.pendingServer + r.subnet.pendingValidator).toBe(0);
      expect(r.subnet.lastEpochBlock).toBe(r.block);
      expect(r.subnet.epochsRun).toBe(r.epoch + 1);
    });
    expect(sim.state.subnets[0].ownerBalance).toBe(owner);
  });

  it('validators set weights stamped one block before the epoch', () => {
    runToEnd(config(), (r) => {
      for (let j = 0; j < r.n; j++) {
        if (r.subnet.neurons.role[j] === ROLE_VALIDATOR)
          expect(r.subnet.neurons.lastUpdate[j]).toBe(r.block - 1);
      }
    });
  });

  it('honest miners serve their model, idle serve nothing, copiers the best honest model 2 epochs ago', () => {
    const best: number[] = [];
    let copierChecks = 0;
    runToEnd(config(), (r) => {
      const { role, behaviour, quality, served } = r.subnet.neurons;
      let b = 0;
      for (let j = 0; j < r.n; j++) {
        if (role[j] === ROLE_MINER && MINER_BEHAVIOURS[behaviour[j]] === 'honest')
          b = Math.max(b, quality[j]);
      }
      best.push(b);
      for (let j = 0; j < r.n; j++) {
        if (role[j] !== ROLE_MINER) continue;
        const kind = MINER_BEHAVIOURS[behaviour[j]];
        expect(quality[j]).toBeGreaterThanOrEqual(0);
        expect(quality[j]).toBeLessThanOrEqual(1);
        if (kind === 'honest') expect(served[j]).toBe(quality[j]);
        if (kind === 'idle') expect(served[j]).toBeNaN();
        if (kind === 'copier') {
          expect(served[j]).toBe(best[Math.max(0, r.epoch - 2)]);
          copierChecks++;
        }
      }
      // Idle miners never earn: they give validators nothing to score.
      for (let j = 0; j < r.n; j++) {
        if (role[j] === ROLE_MINER && MINER_BEHAVIOURS[behaviour[j]] === 'idle') {
          expect(r.result.incentive[j]).toBe(0);
        }
      }
    });
    expect(copierChecks).toBe(60);
    // The copied model is not the copier's own: best honest quality moves, so the check has teeth.
    expect(new Set(best).size).toBeGreaterThan(10);
  });

  it("evaluates quality expressions on the epoch's variables (epoch, uid, age, day, best, mean, q)", () => {
    type Seen = {
      q: number;
      epoch: number;
      age: number;
      uid: number;
      best: number;
      mean: number;
      day: number;
    };
    const calls: Seen[] = [];
    const drift: ScalarFn = (s) => {
      calls.push({ ...(s as Seen) });
      return 0;
    };
    const blocks: number[] = [];
    const best: number[] = [];
    runToEnd(config(drift), (r) => {
      blocks.push(r.block);
      let b = 0;
      for (let j = 3; j < 7; j++) b = Math.max(b, r.subnet.neurons.quality[j]); // honest miners: uids 3–6
      best.push(b);
    });
    expect(calls.length).toBe(30 * 7); // every miner, every epoch
    for (let e = 0; e < 30; e++) {
      const epochCalls = calls.slice(7 * e, 7 * e + 7);
      expect(epochCalls.map((c) => c.uid)).toEqual([3, 4, 5, 6, 7, 8, 9]);
      const honestMean = epochCalls.slice(0, 4).reduce((s, c) => s + c.q, 0) / 4;
      for (const c of epochCalls) {
        expect(c.epoch).toBe(e);
        expect(c.day).toBe(blocks[e] / BLOCKS_PER_DAY);
        expect(c.age).toBe(Math.floor(blocks[e] / 20)); // everyone registered at block 0, tempo 20
        expect(c.best).toBe(e === 0 ? 0 : best[e - 1]);
        expect(c.mean).toBeCloseTo(honestMean, 14);
      }
    }
  });
});
