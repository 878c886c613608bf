import { describe, expect, it } from 'vitest';
import { VALIDATOR_BEHAVIOURS } from '../../../src/engine/config.ts';
import { createSimulation } from '../../../src/engine/init.ts';
import { emptyQuote } from '../../../src/engine/pool/swap.ts';
import { createRng } from '../../../src/engine/rng.ts';
import { stakeFlight } from '../../../src/engine/shocks/pool-shocks.ts';
import { ROLE_VALIDATOR } from '../../../src/engine/state.ts';
import { configFromYaml } from '../../helpers/scenario.ts';
import { RAO, runTimeline } from '../../helpers/timeline.ts';

/** Scripted shocks: each does what it says through the chain's mechanics, keeps the ledger whole, and is logged. */

const NETWORK = `
output: { neurons: false }
network: { check_invariants: true }
subnets:
  - alpha_issuance: 50000
    validators: { count: 4 }
    miners: { count: 8 }
`;

const SHOCKS = `
duration: 4d
shocks:
  - { kind: tao_usd, at: 1d, change: -0.4, label: crash }
  - { kind: sell_pressure, netuid: 1, at: 12h, alpha: 20000, over: 6h }
  - { kind: validator_leaves, netuid: 1, at: 1d, uid: 0 }
  - { kind: validator_arrives, netuid: 1, at: 1d, stake: 2000, behaviour: honest }
  - { kind: cabal_forms, netuid: 1, at: 2d, name: red, validators: [1], miners: [4, 5], boost: 0.8 }
  - { kind: miner_quality, netuid: 1, at: 2d, miners: [6], set: 0.05 }
  - { kind: stake_flight, netuid: 1, at: 3d, fraction: 0.5 }
`;

describe('shocks in a run', () => {
  const shocked = runTimeline(SHOCKS, NETWORK); // the ledger is checked after every block
  const calm = runTimeline('duration: 4d\nmarket: {}', NETWORK);
  const subnet = shocked.sim.state.subnets[0];
  const { neurons } = subnet;

  it('every shock is in the event log, at its block, in order', () => {
    const log = shocked.timeline.events.filter((e) => e.kind !== 'regime');
    expect(log.map((e) => [e.block, e.kind])).toEqual([
      [3600, 'sell_pressure'], // starts (spread over 6 hours)
      [3600 + 1500, 'sell_pressure'], // done
      [7200, 'tao_usd'],
      [7200, 'validator_leaves'],
      [7200, 'validator_arrives'],
      [14400, 'cabal_forms'],
      [14400, 'miner_quality'],
      [21600, 'stake_flight'],
    ]);
    expect(log[2].detail).toBe('crash: TAO/USD -40 %');
    expect(log[1].amount).toBe(20_000);
  });

  it('TAO/USD drops by 40 % from day 1 on', () => {
    expect([...shocked.timeline.path.usd]).toEqual([400, 240, 240, 240, 240]);
  });

  it('sell pressure: 20 000 alpha of outside holders went into the pool', () => {
    expect(shocked.sim.network.markets[0].outsideAlpha).toBe(30_000 * RAO);
  });

  it('the leaving validator sold its stake and stopped setting weights', () => {
    expect(neurons.ownShares[0]).toBe(0);
    expect(VALIDATOR_BEHAVIOURS[neurons.behaviour[0]]).toBe('lazy');
    expect(neurons.lastUpdate[0]).toBeLessThan(7200);
  });

  it('the arriving validator took the next uid and staked 2 000 TAO through the pool', () => {
    expect(subnet.n).toBe(13);
    expect(neurons.role[12]).toBe(ROLE_VALIDATOR);
    expect(neurons.initialStake[12]).toBeGreaterThan(50_000); // ~2 000 / 0.02 less slippage
    expect(neurons.lastUpdate[12]).toBeGreaterThan(7200);
  });

  it('the cabal formed: validator 1 boosts miners 4 and 5, which carry its name', () => {
    expect(VALIDATOR_BEHAVIOURS[neurons.behaviour[1]]).toBe('cabal');
    const config = shocked.sim.config.subnets[0];
    expect(config.validators[neurons.group[1]]).toMatchObject({ cabal: 'red', cabalBoost: 0.8 });
    expect(config.miners[neurons.group[4]].cabal).toBe('red');
    expect(config.miners[neurons.group[6]].cabal).toBe(null);
  });

  it("miner 6's model collapsed", () => {
    expect(neurons.quality[6]).toBeLessThan(0.2);
    expect(calm.sim.state.subnets[0].neurons.quality[6]).toBeGreaterThan(0.2);
  });
});

describe('stake flight', () => {
  it('unstakes the fraction of every neuron’s own stake and sells it to the pool', () => {
    const sim = createSimulation(configFromYaml(`${NETWORK}\nduration: 1d`));
    const subnet = sim.state.subnets[0];
    const before = Float64Array.from(subnet.neurons.stakeAlpha);
    const poolAlpha = sim.network.markets[0].pool.alpha;
    const quote = emptyQuote();
    const ctx = {
      net: sim.network,
      subnets: sim.state.subnets,
      config: sim.config.network,
      rng: createRng(1, 'x'),
      quote,
    };
    const sold = stakeFlight(sim.network, 0, subnet, 0.25, ctx);
    for (let uid = 0; uid < subnet.n; uid++) expect(subnet.neurons.stakeAlpha[uid]).toBe(before[uid] * 0.75);
    expect(sold.alpha).toBe(4 * 250 * RAO); // validators' 1 000 alpha each; miners have none
    expect(sim.network.markets[0].pool.alpha).toBeGreaterThan(poolAlpha);
    expect(sold.tao).toBeGreaterThan(0);
  });
});
