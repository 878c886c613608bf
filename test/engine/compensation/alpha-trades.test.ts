import { describe, expect, it } from 'vitest';
import { ledgerProblems } from '../../../src/engine/network/ledger.ts';
import { spotPrice } from '../../../src/engine/pool/pool.ts';
import { RAO, runTimeline, SMALL_NETWORK } from '../../helpers/timeline.ts';

/**
 * Alpha is sold through the subnet's pool: the package a contributor holds moves the price, the others
 * are only quoted; operated neurons' rewards come from the Yuma epochs; grants dilute as alpha is minted.
 */

const seller = (holds: string) => `
duration: 10d
market: { tao_usd: { model: constant, initial: 400 } }
network: { check_invariants: sample, sample_every: 1d }
contributors:
  - name: dev
    holds: ${holds}
    packages:
      - name: sells
        grants: [{ asset: alpha, netuid: 1, amount: 50000, vesting: { convention: linear, duration: 10d }, selling: { rule: sell_at_vest } }]
      - name: nothing
        salary: 1000
`;

describe('selling alpha', () => {
  const baseline = runTimeline('duration: 10d\nmarket: {}\nnetwork: { sample_every: 1d }');
  const held = runTimeline(seller('sells'));
  const quoted = runTimeline(seller('nothing'));
  const price = (r: typeof held) => spotPrice(r.sim.network.markets[0].pool);

  it('the held package sells through the pool: the price falls, outside alpha falls by what it sold', () => {
    expect(price(held)).toBeLessThan(price(baseline) * 0.95);
    const market = held.sim.network.markets[0];
    expect(market.outsideAlpha).toBe(100_000 * RAO - 50_000 * RAO);
    expect(held.values('sells').grants[0]).toMatchObject({ vested: 50_000, sold: 50_000 });
    expect(ledgerProblems(held.sim.network, held.sim.state.subnets)).toEqual([]);
  });

  it('a package not held is only quoted: the network is exactly the one without contributors', () => {
    expect(price(quoted)).toBe(price(baseline));
    expect(quoted.sim.network.markets[0].pool).toEqual(baseline.sim.network.markets[0].pool);
    // Each day's quote sells into an untouched pool, so it fetches more than the real sales did.
    expect(quoted.values('sells').realised_usd!).toBeGreaterThan(held.values('sells').realised_usd!);
  });

  it('realised USD is the TAO the pool paid (after fee and slippage) at TAO/USD', () => {
    // 5 000 alpha a day into a 500 000-alpha pool at 0.02 TAO: below 0.02 × 400 = $8 an alpha.
    const realised = held.values('sells').realised_usd!;
    expect(realised).toBeLessThan(50_000 * 8);
    expect(realised).toBeGreaterThan(50_000 * 8 * 0.8);
  });
});

describe('operated neurons', () => {
  const run = runTimeline(`
duration: 5d
market: { tao_usd: { model: constant, initial: 400 } }
contributors:
  - name: miner
    packages:
      - { name: runs, operates: [{ netuid: 1, uids: [2, 3] }] }
`);

  it("their rewards are the growth of the operator's own stake, income at that day's price", () => {
    const subnet = run.sim.state.subnets[0];
    for (const [k, uid] of [2, 3].entries()) {
      const g = run.pkg('runs').grants[k];
      expect(g.vested).toBeGreaterThan(0);
      // Floored daily: within a few rao of the stake the epochs paid it (miners start with none).
      expect(Math.abs(g.vested - subnet.neurons.stakeAlpha[uid])).toBeLessThan(10);
      expect(g.held).toBe(g.vested);
    }
    expect(run.values('runs').value_usd).toBeGreaterThan(0);
  });
});

describe('dilution', () => {
  it("a grant's share of its token's supply shrinks as emission mints more", () => {
    const run = runTimeline(
      `
duration: 5d
market: {}
contributors:
  - name: dev
    packages:
      - name: p
        grants:
          - { name: tao, asset: tao, amount: 1000, vesting: { convention: linear, duration: 5d } }
          - { name: alpha, asset: alpha, netuid: 1, amount: 10000, vesting: { convention: linear, duration: 5d } }
`,
      SMALL_NETWORK,
    );
    for (const g of run.values('p').grants) {
      expect(g.supply_share_end!).toBeLessThan(g.supply_share_at_grant!);
      expect(g.holder_supply_share_end).toBe(g.supply_share_end); // everything vested and held
    }
    // Alpha: 10 000 of 602 000 issued at the start (pool 500 000 + 100 000 outside + 2 × 1 000 staked).
    expect(run.values('p').grants[1].supply_share_at_grant).toBeCloseTo(10_000 / 602_000, 9);
  });
});
