import { describe, expect, it } from 'vitest';
import { minerCabal } from '../../../src/engine/agents/cabal.ts';
import { createEpochMetricsScratch, epochMetrics } from '../../../src/engine/metrics/epoch-metrics.ts';
import type { SubnetState } from '../../../src/engine/state.ts';
import type { EpochRecord } from '../../../src/engine/subnet-epoch.ts';
import type { EpochResult } from '../../../src/engine/yuma/types.ts';
import { makeSubnet, minerGroup, validatorGroup } from '../../helpers/config.ts';

/**
 * A hand-made epoch: uid 0 honest validator, 1 lazy validator; miners 2, 3 honest, 4 copier in cabal x,
 * 5 idle, 6 honest in cabal x. Every expected number below is worked out from these arrays.
 */
const NaN_ = Number.NaN;

function record(): { rec: EpochRecord; cabalOf: (uid: number) => string | null } {
  const { subnet, config } = makeSubnet({
    maxUids: 7,
    validators: [validatorGroup({ behaviour: 'honest' }), validatorGroup({ behaviour: 'lazy' })],
    miners: [
      minerGroup({ count: 2 }),
      minerGroup({ behaviour: 'copier', cabal: 'x' }),
      minerGroup({ behaviour: 'idle' }),
      minerGroup({ cabal: 'x' }),
    ],
  });
  subnet.neurons.quality.set([NaN_, NaN_, 0.4, 0.7, 0.9, 0.2, 0.5]);
  subnet.neurons.served.set([NaN_, NaN_, 0.4, 0.7, 0.8, NaN_, 0.5]);
  const n = 7;
  const arr = (values: number[]) => Float64Array.from(values);
  const result: EpochResult = {
    stake: arr([0.6, 0.4, 0, 0, 0, 0, 0]),
    activeStake: arr([1, 0, 0, 0, 0, 0, 0]),
    active: Uint8Array.from([1, 0, 1, 1, 1, 1, 1]),
    consensus: new Float64Array(n),
    validatorTrust: arr([0.9, 0.5, 0, 0, 0, 0, 0]),
    incentive: arr([0, 0, 0.1, 0.45, 0.3, 0, 0.15]),
    dividends: arr([0.75, 0.25, 0, 0, 0, 0, 0]),
    serverEmission: new Float64Array(n),
    validatorEmission: new Float64Array(n),
    emission: new Float64Array(n),
    validatorPermit: Uint8Array.from([1, 1, 0, 0, 0, 0, 0]),
    bonds: new Float64Array(n * n),
  };
  const rec: EpochRecord = {
    kind: 'epoch',
    netuid: 1,
    epoch: 4,
    block: 1799,
    n,
    distributed: 0,
    ownerCut: 0,
    dust: 0,
    registrations: 0,
    pruned: 0,
    paid: new Float64Array(n),
    stake: new Float64Array(n),
    result,
    subnet: subnet as SubnetState,
  };
  return { rec, cabalOf: (uid) => minerCabal(config, subnet, uid) };
}

describe('epochMetrics', () => {
  it('counts validators, miners, permits and active validators', () => {
    const { rec, cabalOf } = record();
    const m = epochMetrics(rec, cabalOf);
    expect(m.validators).toBe(2);
    expect(m.miners).toBe(5);
    expect(m.permitted_validators).toBe(2);
    expect(m.active_validators).toBe(1);
    expect(m.mean_validator_trust).toBeCloseTo(0.9, 12); // only the active validator's trust
  });

  it("quality: mean and best of honest miners' latent quality (copier's own 0.9 not counted)", () => {
    const { rec, cabalOf } = record();
    const m = epochMetrics(rec, cabalOf);
    expect(m.mean_quality).toBeCloseTo((0.4 + 0.7 + 0.5) / 3, 12);
    expect(m.best_quality).toBe(0.7);
  });

  it('shares by behaviour, cabal share, best served miner', () => {
    const { rec, cabalOf } = record();
    const m = epochMetrics(rec, cabalOf);
    expect(m.incentive_share.honest).toBeCloseTo(0.1 + 0.45 + 0.15, 12);
    expect(m.incentive_share.copier).toBeCloseTo(0.3, 12);
    expect(m.incentive_share.idle).toBe(0);
    expect(m.dividend_share).toEqual({ honest: 0.75, weight_copier: 0, lazy: 0.25, cabal: 0, random: 0 });
    expect(m.cabal_incentive_share).toBeCloseTo(0.45, 12); // uids 4 and 6
    expect(m.best_miner_incentive).toBe(0.3); // uid 4 serves the best model (0.8)
  });

  it('correlation over responding miners only; gini over all miners', () => {
    const { rec, cabalOf } = record();
    const m = epochMetrics(rec, cabalOf);
    // served [0.4,0.7,0.8,0.5] vs incentive [0.1,0.45,0.3,0.15]: Σd² = 2 → 1 − 12/60 = 0.8.
    expect(m.quality_incentive_correlation).toBeCloseTo(0.8, 12);
    // [0.1,0.45,0.3,0,0.15]: Σ_{i<j}|diff| = 2.2 → 2·2.2/(2·25·0.2) = 0.44.
    expect(m.incentive_gini).toBeCloseTo(0.44, 12);
  });

  it('no active validator and no honest miner give 0, not NaN', () => {
    const { rec, cabalOf } = record();
    rec.result.activeStake.fill(0);
    rec.subnet.neurons.behaviour.fill(2, 2); // every miner idle (MINER_BEHAVIOURS[2])
    const m = epochMetrics(rec, cabalOf);
    expect(m.mean_validator_trust).toBe(0);
    expect(m.mean_quality).toBe(0);
    expect(m.best_quality).toBe(0);
    expect(m.incentive_share.idle).toBeCloseTo(1, 12);
  });

  it('gives the same figures with a reused scratch whose buffers are longer and hold other numbers', () => {
    const { rec, cabalOf } = record();
    const fresh = epochMetrics(rec, cabalOf);
    const scratch = createEpochMetricsScratch();
    scratch.minerQuality = new Float64Array(50).fill(0.99);
    scratch.minerIncentive = new Float64Array(50).fill(7);
    scratch.allIncentive = new Float64Array(50).fill(3);
    expect(epochMetrics(rec, cabalOf, scratch)).toEqual(fresh);
    rec.result.incentive.set([0, 0, 0.9, 0.05, 0.05, 0, 0]);
    const changed = epochMetrics(rec, cabalOf);
    expect(epochMetrics(rec, cabalOf, scratch)).toEqual(changed);
    expect(changed.incentive_gini).not.toBe(fresh.incentive_gini);
  });
});
