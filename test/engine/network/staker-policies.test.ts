import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/init.ts';
import type { StakerGroup } from '../../../src/engine/network/config.ts';
import { actStaker } from '../../../src/engine/network/staker-policies.ts';
import { positionAlpha, type StakerContext } from '../../../src/engine/network/stakers.ts';
import { emptyQuote } from '../../../src/engine/pool/swap.ts';
import { createSimulationRng } from '../../../src/engine/rng-table.ts';
import { runToEnd } from '../../helpers/run.ts';
import { configFromYaml } from '../../helpers/scenario.ts';

/**
 * What each staker policy does when its turn comes (staker-policies.ts, README "stakers"), on a
 * three-subnet network whose dividend yields the tests set by hand.
 */
const TAO = 1e9;
const SCENARIO = (stakers: string) => `
seed: 3
duration: 10
network:
  stakers:
${stakers}
x-subnet: &subnet
  validators: { count: 2, stake: 1000 }
  miners: { count: 2 }
subnets:
  - { <<: *subnet, netuid: 1 }
  - { <<: *subnet, netuid: 2 }
  - { <<: *subnet, netuid: 3 }
`;

function setup(stakers: string) {
  const config = configFromYaml(SCENARIO(stakers));
  const sim = createSimulation(config);
  const ctx: StakerContext = {
    net: sim.network,
    subnets: sim.state.subnets,
    config: config.network,
    rng: createSimulationRng(1, 'test'),
    quote: emptyQuote(),
  };
  const group = (g: number): StakerGroup => config.network.stakers[g];
  const positions = (s: number) => [0, 1, 2].map((k) => positionAlpha(ctx, s, k));
  const yields = (y: number[]) => {
    for (let k = 0; k < y.length; k++) sim.network.markets[k].dividendYield = y[k];
  };
  return { sim, ctx, group, positions, yields, free: (s: number) => sim.network.stakers.balance[s] };
}

describe('staker policies', () => {
  it('loyal: stakes `fraction` of its TAO evenly into its netuids once, then never acts again', () => {
    const { ctx, group, positions, free } = setup(
      '    - { policy: loyal, balance: 900, fraction: 0.5, netuids: [1, 3] }',
    );
    expect(actStaker(ctx, 0, group(0), 1)).toBe(Number.POSITIVE_INFINITY);
    expect(free(0)).toBe(450 * TAO);
    const [a, b, c] = positions(0);
    expect(a).toBeGreaterThan(0);
    expect(b).toBe(0);
    // Equal pools, 225 TAO each: the same alpha (fee and slippage included) in both.
    expect(c).toBe(a);
    expect(a).toBeLessThan((225 * TAO) / 0.02); // less than at the spot price (0.02): fee + slippage
  });

  it('scripted: does its actions at their blocks, and says when the next one is due', () => {
    const { ctx, group, positions, free } = setup(`    - policy: scripted
      balance: 100
      actions:
        - { at: 5, action: stake, netuid: 2, amount: 40 }
        - { at: 8, action: unstake, netuid: 2, amount: 0.5 }`);
    expect(actStaker(ctx, 0, group(0), 5)).toBe(8);
    expect(free(0)).toBe(60 * TAO);
    const staked = positions(0)[1];
    expect(staked).toBeGreaterThan(0);
    expect(actStaker(ctx, 0, group(0), 8)).toBe(Number.POSITIVE_INFINITY);
    expect(positions(0)[1]).toBeCloseTo(staked / 2, -1); // half the shares redeemed (to the rao)
    expect(free(0)).toBeGreaterThan(60 * TAO + 19.9 * TAO); // ~20 TAO back, less two fees
  });

  it('yield_chasing: free TAO goes where the yield is best', () => {
    const { ctx, group, positions, yields, free } = setup(
      '    - { policy: yield_chasing, balance: 1000, fraction: 0.25, rebalance_every: 50, inertia: 0.2 }',
    );
    yields([0.001, 0.003, 0.002]);
    expect(actStaker(ctx, 0, group(0), 1)).toBe(51); // next turn rebalance_every later
    expect(free(0)).toBe(750 * TAO);
    expect(positions(0).map((p) => p > 0)).toEqual([false, true, false]);
  });

  it('yield_chasing with no free TAO: moves `fraction` of its worst position only past the inertia', () => {
    const { ctx, group, positions, yields, sim } = setup(
      '    - { policy: yield_chasing, balance: 1000, fraction: 0.5, inertia: 0.2 }',
    );
    yields([0.001, 0.003, 0.002]);
    actStaker(ctx, 0, group(0), 1); // 500 TAO into subnet 2
    sim.network.stakers.balance[0] = 0; // as if it had staked everything
    // Subnet 1 now yields best, but 0.0035 < 0.003 · 1.2: not worth two fees.
    yields([0.0035, 0.003, 0.002]);
    const before = positions(0);
    actStaker(ctx, 0, group(0), 2);
    expect(positions(0)).toEqual(before);
    // 0.0037 > 0.0036: half of the subnet-2 position moves to subnet 1.
    yields([0.0037, 0.003, 0.002]);
    actStaker(ctx, 0, group(0), 3);
    const after = positions(0);
    expect(after[0]).toBeGreaterThan(0);
    expect(after[1]).toBeCloseTo(before[1] / 2, -1);
  });

  it('random: stakes `fraction` of its free TAO into a subnet drawn from the stream; the same seed, the same choices', () => {
    const choices = () => {
      const { ctx, group, positions, sim } = setup(
        '    - { policy: random, balance: 100, fraction: 0.5, rebalance_every: 10 }',
      );
      const seen: number[] = [];
      for (let turn = 0; turn < 12; turn++) {
        const before = positions(0);
        actStaker(ctx, 0, group(0), 1 + 10 * turn);
        const after = positions(0);
        seen.push(after.findIndex((p, k) => p > before[k]));
      }
      return { seen, free: sim.network.stakers.balance[0] };
    };
    const a = choices();
    expect(new Set(a.seen).size).toBe(3); // all three subnets drawn in 12 turns
    expect(a.free).toBeCloseTo(100 * TAO * 0.5 ** 12, -3);
    expect(choices().seen).toEqual(a.seen);
  });

  it('in a run, a group acts spread over its rebalance period from block 1, then every period', () => {
    const config = configFromYaml(
      SCENARIO('    - { count: 4, policy: random, balance: 100, rebalance_every: 20 }').replace(
        'duration: 10',
        'duration: 45',
      ),
    );
    const sim = createSimulation(config);
    expect(Array.from(sim.network.stakers.nextAction)).toEqual([1, 6, 11, 16]);
    const end = runToEnd(config);
    // Each acted at its offsets 1/6/11/16 + 20k up to block 45, and is next due one period later.
    expect(Array.from(end.network.stakers.nextAction)).toEqual([61, 46, 51, 56]);
  });
});
