import { describe, expect, it } from 'vitest';
import { ledgerOf, runToEnd } from '../helpers/run.ts';
import { configFromYaml } from '../helpers/scenario.ts';

/**
 * `yuma.arithmetic: exact` in a whole simulation: the same ledger invariant as float (every emitted rao
 * accounted for), the same run twice is identical, and the outcome agrees with the float run to within
 * the rounding the two arithmetics differ by (yuma.md §4: ±1 rao per uid per epoch, u16 steps in bonds).
 */
const scenario = (arithmetic: string) => `
seed: 5
duration: 3000
subnets:
  - tempo: 100
    max_uids: 24
    immunity_period: 300
    min_non_immune_uids: 2
    yuma: { arithmetic: ${arithmetic}, liquid_alpha: { enabled: true } }
    validators:
      count: 5
      stake: 1000
      weights: { rule: softmax, temperature: 0.05 }
      groups: [{ count: 1, behaviour: weight_copier }]
    miners: { count: 15 }
    registration: { per_day: 40 }
`;

function balancesOf(arithmetic: string) {
  const config = configFromYaml(scenario(arithmetic));
  const sim = runToEnd(config);
  const subnet = sim.state.subnets[0];
  return {
    ledger: ledgerOf(subnet, config.subnets[0], sim.network.markets[0]),
    balances: Array.from(subnet.neurons.balance.subarray(0, subnet.n)),
  };
}

describe('a simulation in exact arithmetic', () => {
  const exact = balancesOf('exact');
  const float = balancesOf('float');

  it('accounts for every emitted rao', () => {
    const l = exact.ledger;
    expect(l.balances + l.departed + l.owner + l.burned + l.pending + l.root).toBe(l.emitted);
    expect(l.emitted).toBe(3000n * 1_000_000_000n);
  });

  it('is deterministic', () => {
    expect(balancesOf('exact').balances).toEqual(exact.balances);
  });

  it('agrees with float to within their rounding, but is not the same computation', () => {
    expect(exact.ledger.emitted).toBe(float.ledger.emitted);
    const total = Number(exact.ledger.balances);
    const drift = exact.balances.reduce((s, b, k) => s + Math.abs(Number(b - float.balances[k])), 0);
    expect(drift / total).toBeLessThan(1e-3);
    expect(exact.balances).not.toEqual(float.balances);
  });
});
