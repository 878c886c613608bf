import { describe, expect, it } from 'vitest';
import { payEpoch } from '../../../src/engine/network/epoch-payout.ts';
import type { EpochResult } from '../../../src/engine/yuma/types.ts';
import { makeSubnet, minerGroup, validatorGroup } from '../../helpers/config.ts';

/**
 * distribute_emission (emissions.md §1.2) by hand. uids 0, 1 validators, 2, 3 miners. Yuma says
 * incentive 0.75 / 0.25 for the miners and dividends 0.6 / 0.4 for the validators; the drained
 * buckets are server 1 000, validator 800, root 200 and owner 50 rao. Validator 0 has 1 000 rao of
 * alpha and no root stake (f = 0); validator 1 has 1 000 rao of alpha and 5 000 rao on root, so with
 * w = 0.18, f = 900/1 900.
 */
function fixture(rules: { minerBurn?: number; delegateTake?: number } = {}) {
  const { subnet, sim } = makeSubnet({
    maxUids: 4,
    validators: [validatorGroup({ count: 2, stake: 0 })],
    miners: [minerGroup({ count: 2 })],
  });
  const nt = subnet.neurons;
  nt.stakeAlpha.set([1000, 1000, 0, 0]);
  nt.shares.set([1000, 1000, 0, 0]);
  nt.ownShares.set([400, 1000, 0, 0]); // validator 0 has nominators holding 600 of its 1 000 shares
  nt.rootStake.set([0, 5000, 0, 0]);
  const market = sim.network.markets[0];
  const zero = () => new Float64Array(4);
  const result = {
    incentive: Float64Array.from([0, 0, 0.75, 0.25]),
    dividends: Float64Array.from([0.6, 0.4, 0, 0]),
    validatorEmission: zero(),
  } as unknown as EpochResult;
  const payout = {
    taoWeight: 0.18,
    delegateTake: rules.delegateTake ?? 0.1,
    minerBurn: rules.minerBurn ?? 0.2,
    ckBurn: 0,
    validators: [validatorGroup({ count: 2 })],
  };
  return { subnet, market, result, payout };
}

const buckets = { server: 1000, validator: 800, root: 200, owner: 50 };

describe('payEpoch (distribute_emission, §1.2)', () => {
  it('miners: incentive · server, floored; miner_burn of it burned and recorded as MinerBurned', () => {
    const { subnet, market, result, payout } = fixture();
    const alphaBefore = [...subnet.neurons.stakeAlpha];
    payEpoch(subnet, market, result, buckets, payout);
    // 0.75 · 1 000 = 750, 150 burned → 600 staked; 0.25 · 1 000 = 250, 50 burned → 200.
    expect(subnet.neurons.stakeAlpha[2] - alphaBefore[2]).toBe(600);
    expect(subnet.neurons.stakeAlpha[3] - alphaBefore[3]).toBe(200);
    expect(subnet.lastPaid[2]).toBe(600);
    expect(market.minerBurned).toBe(0.2);
  });

  it('validators: the alpha part D·(1 − f) and root part D·f rescaled onto the pots; delegate take staked to the validator', () => {
    const { subnet, market, result, payout } = fixture();
    payEpoch(subnet, market, result, buckets, payout);
    // Σ alpha parts = 0.6 + 0.4·1000/1900 = 0.810526…; Σ root parts = 0.4·900/1900.
    // Validator 0: alpha ⌊800·0.6/0.810526⌋ = 592, take ⌊59.2⌋ = 59 → own stake; 533 for all holders.
    // Validator 1: alpha ⌊800·0.210526/0.810526⌋ = 207 (take 20), root ⌊200·1⌋ = 200 (take 20).
    const nt = subnet.neurons;
    expect(nt.stakeAlpha[0]).toBe(1000 + 592);
    expect(nt.ownShares[0]).toBeCloseTo(400 + 59, 9); // the take buys shares at 1 alpha per share
    // The 533 went to every holder of validator 0's pool pro rata: the nominators' 600 shares gained.
    expect((600 / nt.shares[0]) * nt.stakeAlpha[0]).toBeCloseTo(600 * (1 + 533 / 1059), 6);
    expect(nt.stakeAlpha[1]).toBe(1000 + 207 + 20);
    expect(subnet.lastPaid[0]).toBe(592);
    expect(subnet.lastPaid[1]).toBe(207 + 20);
    // Root stakers get the root part less the take, as claimable alpha.
    expect(market.rootClaimable).toBe(180);
    expect(market.rootDividends).toBe(200);
    // Owner cut staked to the owner; floor dust (2 000 − 1 000 − 799 − 200 = 1) and the miner burn burned.
    expect(market.ownerAlpha).toBe(50);
    expect(market.burnedAlpha).toBe(200 + 1);
    expect(subnet.burned).toBe(201n);
  });

  it('no incentive: the validators get the server bucket too (§11: "no incentive → validators get everything")', () => {
    const { subnet, market, result, payout } = fixture({ delegateTake: 0, minerBurn: 0 });
    result.incentive.fill(0);
    payEpoch(subnet, market, result, buckets, payout);
    // Validator pot 1 800: ⌊1800·0.6/0.810526⌋ = 1 332, ⌊1800·0.210526/0.810526⌋ = 467.
    expect(subnet.lastPaid[0]).toBe(1332);
    expect(subnet.lastPaid[1]).toBe(467); // its root part (200) goes to root stakers: no take
    expect(market.rootClaimable).toBe(200);
    expect(subnet.lastPaid[2] + subnet.lastPaid[3]).toBe(0);
    expect(market.minerBurned).toBe(0);
  });

  it('no validator with root stake: the whole root bucket goes to the root stakers', () => {
    const { subnet, market, result, payout } = fixture({ delegateTake: 0 });
    subnet.neurons.rootStake.fill(0);
    payEpoch(subnet, market, result, buckets, payout);
    expect(market.rootClaimable).toBe(200);
    // Then the alpha parts are the dividends themselves: 800·0.6 = 480, 800·0.4 = 320.
    expect(subnet.lastPaid[0]).toBe(480);
    expect(subnet.lastPaid[1]).toBe(320);
  });

  it('a parent hotkey takes its slice of the child’s dividends, minus the childkey take (§1.2 step 4)', () => {
    const { subnet, market, result, payout } = fixture({ delegateTake: 0 });
    // Parent of both validators: 1 000 alpha, no root, gives half: each child inherits 500.
    const parent = { alphaStake: 1000, rootStake: 0, proportion: 0.5, childkeyTake: 0.1 };
    payout.validators = [validatorGroup({ count: 2, parent })];
    subnet.neurons.rootStake.fill(0);
    payEpoch(subnet, market, result, buckets, payout);
    // Validator 0's 480: the parent's slice ⌊480·500/1500⌋ = 160, the child keeps ⌊16⌋ → 144 leave.
    // Validator 1's 320: slice ⌊320·500/1500⌋ = 106, keeps ⌊10.6⌋ = 10 → 96 leave.
    expect(subnet.lastPaid[0]).toBe(480 - 144);
    expect(subnet.lastPaid[1]).toBe(320 - 96);
    expect(market.parentAlpha).toBe(144 + 96);
  });
});
