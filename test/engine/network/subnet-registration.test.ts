import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../helpers/run.ts';
import { configFromYaml } from '../../helpers/scenario.ts';

const TAO = 1e9;

/**
 * Subnet registration during a run (emissions.md §7), with the conservation laws checked every block:
 * at the subnet limit the weakest subnet out of immunity (lowest EMA price) is dissolved, its pool's TAO
 * paid to alpha holders; the lock cost doubles per registration and decays linearly; the pool is
 * seeded with the whole lock at the median price.
 */
const yaml = `
seed: 5
duration: 1500
network:
  check_invariants: true
  other_subnets: { count: 1, moving_price: 0.02 }
  subnet_registration:
    limit: 3
    immunity_period: 200
    rate_limit: 100
    last_lock: 1000
    last_lock_age: 0
    lock_reduction_interval: 28800
  stakers:
    - { count: 2, policy: loyal, balance: 100, netuids: [2], fraction: 1 }
x-small: &small
  tempo: 50
  validators: { count: 2, stake: 100 }
  miners: { count: 3 }
subnets:
  - { <<: *small, netuid: 1, pool: { tao: 2000, alpha: 100000 } }
  - { <<: *small, netuid: 2, pool: { tao: 300, alpha: 300000 }, moving_price: 0.001 } # the weakest
  - { <<: *small, netuid: 3, registered_at: 400 }
  - { <<: *small, netuid: 4, registered_at: 450 } # rate-limited until 500
`;

describe('subnet registration, the subnet limit and pruning', () => {
  it('prunes the weakest subnet, pays its holders, charges doubling locks and seeds pools at the median', () => {
    const config = configFromYaml(yaml);
    const sim = runToEnd(config); // LedgerError if a law breaks
    const [m1, m2, m3, m4] = sim.network.markets;
    expect(m1.active).toBe(true);
    // Subnet 3 found the network full (2 + 1 other = 3): subnet 2 (EMA 0.001 < 0.02) was dissolved.
    expect(m2.active).toBe(false);
    expect(m2.dissolvedAt).toBe(400);
    expect(m3.registeredAt).toBe(400);
    // Subnet 4 waited for the rate limit (100 blocks after 400), then pruned the other subnet (0.02 vs the
    // new subnets' EMA prices that start at 0 — but those are in immunity).
    expect(m4.registeredAt).toBe(500);
    expect(sim.network.registry.otherSubnets).toBe(0);
    // Locks (I_eff = 28 800 · 0.5 TAO / 1 TAO = 14 400 blocks). last_lock_age 0 puts the last
    // registration at block 0, which the chain reads as "never": multiplier 1, so the first pays
    // 1000 − ⌊1000/I⌋·400 TAO; the second doubles that and decays for 100 blocks.
    const first = 1000 * TAO - Math.floor((1000 * TAO) / 14_400) * 400;
    const second = 2 * first - Math.floor(first / 14_400) * 100;
    expect(sim.network.registry.lastLock).toBe(second);
    // The whole lock seeded each pool (which injections have grown a little since).
    expect(m3.pool.tao / first).toBeGreaterThan(1);
    expect(m3.pool.tao / first).toBeLessThan(1.01);
    expect(m4.pool.tao / second).toBeGreaterThan(1);
    // Seeded at the median spot price of the subnets then active.
    expect(m3.pool.alpha).toBeGreaterThan(0);
    // The stakers of subnet 2 got TAO back when it dissolved (they had staked all they had).
    for (let s = 0; s < 2; s++) expect(sim.network.stakers.balance[s]).toBeGreaterThan(50 * TAO);
    expect(sim.network.ledger.recycledTao).toBeGreaterThan(0n);
  });
});
