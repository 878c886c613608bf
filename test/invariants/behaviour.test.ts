import { describe, expect, it } from 'vitest';
import { minerCabal } from '../../src/engine/agents/cabal.ts';
import { MINER_BEHAVIOURS } from '../../src/engine/config.ts';
import { epochMetrics } from '../../src/engine/metrics/epoch-metrics.ts';
import { ROLE_MINER } from '../../src/engine/state.ts';
import { runToEnd } from '../helpers/run.ts';
import { configFromYaml } from '../helpers/scenario.ts';

/**
 * Whole-run behaviour with margins far from the observed values, so none can pass by accident; each has a
 * contrasting run showing the measure can move. Epoch 0 is skipped where noted: validators have no permit
 * before the first epoch, so it runs in emergency mode (yuma.md §3.3, §3.12) and pays no incentive.
 */

function metricsOf(yaml: string) {
  const config = configFromYaml(yaml);
  const rows: ReturnType<typeof epochMetrics>[] = [];
  const sim = runToEnd(config, (r) =>
    rows.push(epochMetrics(r, (uid) => minerCabal(config.subnets[0], r.subnet, uid))),
  );
  const mean = (pick: (m: (typeof rows)[number]) => number) =>
    rows.slice(1).reduce((s, m) => s + pick(m), 0) / (rows.length - 1);
  return { rows, sim, mean };
}

const validatorsDoing = (behaviour: string) => `
seed: 11
duration: 2000
subnets:
  - tempo: 50
    max_uids: 16
    validators: { count: 4, behaviour: ${behaviour}, noise: 0.1, tasks: 16, weights: { rule: softmax, temperature: 0.05 } }
    miners:
      count: 12
      quality: { initial: { min: 0.2, max: 0.8 }, noise: 0.005 }
      groups:
        - { count: 3, behaviour: idle }
`;

describe('behaviour over whole runs', () => {
  it('honest validators reward quality: Spearman(served quality, incentive) clearly positive', () => {
    const { rows, mean } = metricsOf(validatorsDoing('honest'));
    expect(rows).toHaveLength(40);
    expect(mean((m) => m.quality_incentive_correlation)).toBeGreaterThan(0.8); // observed ≈ 0.97
    expect(Math.min(...rows.slice(1).map((m) => m.quality_incentive_correlation))).toBeGreaterThan(0.5);
    // Contrast: validators weighting at random do not.
    const random = metricsOf(validatorsDoing('random'));
    expect(Math.abs(random.mean((m) => m.quality_incentive_correlation))).toBeLessThan(0.3); // observed ≈ 0
  });

  it('idle miners earn no incentive and no alpha, while responding miners do', () => {
    const { rows, sim } = metricsOf(validatorsDoing('honest'));
    for (const m of rows) expect(m.incentive_share.idle).toBe(0);
    const s = sim.state.subnets[0];
    let idle = 0;
    let honestEarned = 0n;
    for (let j = 0; j < s.n; j++) {
      if (s.neurons.role[j] !== ROLE_MINER) continue;
      if (MINER_BEHAVIOURS[s.neurons.behaviour[j]] === 'idle') {
        idle++;
        expect(s.neurons.balance[j]).toBe(0n);
      } else honestEarned += s.neurons.balance[j];
    }
    expect(idle).toBe(3);
    expect(honestEarned).toBeGreaterThan(100n * 1_000_000_000n);
    expect(rows.at(-1)?.incentive_share.honest).toBeCloseTo(1, 9);
  });

  it("a cabal holding most stake raises its own miners' incentive share", () => {
    // 2 validators with 8 000 alpha each (89 % of stake) boost 3 weak 'red' miners (quality 0.2–0.3 against
    // 0.5–0.8) by 1, lifting them above every honest miner in the cabal's scores. Same run with those
    // validators honest: the red miners earn next to nothing.
    const cabal = (behaviour: string) => `
seed: 3
duration: 2000
subnets:
  - tempo: 50
    max_uids: 16
    validators:
      count: 6
      stake: 500
      weights: { rule: softmax, temperature: 0.05 }
      groups:
        - { count: 2, behaviour: ${behaviour}, stake: 8000, cabal: red, cabal_boost: 1 }
    miners:
      count: 10
      quality: { initial: { min: 0.5, max: 0.8 }, noise: 0.005 }
      groups:
        - { count: 3, cabal: red, quality: { initial: { min: 0.2, max: 0.3 } } }
`;
    const without = metricsOf(cabal('honest')).mean((m) => m.cabal_incentive_share);
    const withCabal = metricsOf(cabal('cabal')).mean((m) => m.cabal_incentive_share);
    expect(without).toBeLessThan(0.02); // observed ≈ 0.0001
    expect(withCabal).toBeGreaterThan(0.3); // observed ≈ 0.61
  });
});
