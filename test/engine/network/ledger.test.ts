import { describe, expect, it } from 'vitest';
import { ledgerProblems } from '../../../src/engine/network/ledger.ts';
import { runToEnd } from '../../helpers/run.ts';
import { configFromYaml } from '../../helpers/scenario.ts';

/**
 * The economy's conservation laws (network/ledger.ts) checked after every block (check_invariants),
 * over runs that exercise every money path: pool injections and chain buys, root dividends and claims,
 * registration burns, every staker policy, deregistered hotkeys with nominators, all three eras.
 */
const network = (era: string) => `
seed: 7
duration: 3000
network:
  era: "${era}"
  check_invariants: true
  ck_burn: 0.1
  total_issuance: 10499000 # crosses the first TAO halving during the run
  other_subnets: { count: 5 }
  stakers:
    - { count: 4, policy: yield_chasing, balance: 500, rebalance_every: 300, fraction: 0.5 }
    - { count: 2, policy: loyal, balance: 800, netuids: [2] }
    - { count: 3, policy: random, balance: 300, rebalance_every: 250 }
    - policy: scripted
      balance: 2000
      actions:
        - { at: 100, action: stake, netuid: 1, amount: 1500 }
        - { at: 1500, action: unstake, netuid: 1, amount: 0.5 }
subnets:
  - netuid: 1
    tempo: 100
    max_uids: 16
    immunity_period: 50
    min_non_immune_uids: 2
    validators:
      count: 4
      stake: 2000
      root_stake: 1000
      groups: [{ count: 1, parent: { stake: 3000, root_stake: 5000, proportion: 0.5, childkey_take: 0.18 } }]
    miners: { count: 10 }
    registration: { per_day: 200 }
    miner_burn: 0.2
  - netuid: 2
    tempo: 120
    pool: { tao: 3000, alpha: 90000, alpha_weight: 0.6 }
    age: 2000 # young: its EMA price warms up
    validators: { count: 3, stake: 500 }
    miners: { count: 6 }
    registration: { per_day: 50 }
  - netuid: 3
    tempo: 90
    emission_enabled: false
    validators: { count: 2, stake: 100, root_stake: 50000 }
    miners: { count: 4 }
`;

describe('the economy conserves TAO and alpha, checked after every block', () => {
  for (const era of ['2025-02', '2025-11', '2026-06']) {
    it(`era ${era}`, () => {
      const config = configFromYaml(network(era));
      const sim = runToEnd(config); // throws LedgerError on the first broken law
      const { ledger, markets, stakers } = sim.network;
      expect(ledgerProblems(sim.network, sim.state.subnets)).toEqual([]);
      // The run exercised what it claims to.
      expect(ledger.mintedTao).toBeGreaterThan(0n);
      expect(ledger.feeSink).toBeGreaterThan(0);
      expect(markets[0].registrationsPaid).toBeGreaterThan(3);
      expect(markets.reduce((sum, m) => sum + m.rootStakersAlpha, 0)).toBeGreaterThan(0);
      let staked = 0;
      for (let k = 0; k < stakers.shares.length; k++) staked += stakers.shares[k];
      expect(staked).toBeGreaterThan(0);
      expect(markets[2].taoIn + markets[2].excessTao).toBe(0); // emission disabled: no TAO side
      expect(markets[0].parentAlpha).toBeGreaterThan(0); // the childkey's parent was paid
    });
  }

  it('the checker notices a rao that appears from nowhere', () => {
    const config = configFromYaml(
      network('2026-06').replace('check_invariants: true', 'check_invariants: false'),
    );
    const sim = runToEnd(config);
    expect(ledgerProblems(sim.network, sim.state.subnets)).toEqual([]);
    sim.network.markets[1].pool.tao += 1;
    expect(ledgerProblems(sim.network, sim.state.subnets).join()).toMatch(/TAO held/);
    sim.network.markets[1].pool.tao -= 1;
    sim.state.subnets[0].neurons.stakeAlpha[0] += 1;
    expect(ledgerProblems(sim.network, sim.state.subnets).join()).toMatch(/subnet 1: alpha held/);
  });
});
