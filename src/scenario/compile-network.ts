import { type EraName, type EraRules, eraRules } from '../engine/emission/eras.ts';
import type { MarketConfig, NetworkConfig, StakerGroup } from '../engine/network/config.ts';
import { priceOf } from '../engine/pool/pool.ts';
import { RAO_PER_ALPHA } from '../engine/units.ts';
import type { Scenario, SubnetScenario } from './schema.ts';

/** Scenario `network:` and subnet market fields → the engine's NetworkConfig and MarketConfig (TAO → rao). */

/** Whole tokens (TAO or alpha) → rao, as every compile step converts a scenario's amounts. */
export const rao = (tokens: number): number => Math.round(tokens * RAO_PER_ALPHA);

function stakerGroup(g: Scenario['network']['stakers'][number]): StakerGroup {
  return {
    count: g.count,
    policy: g.policy,
    balance: rao(g.balance),
    fraction: g.fraction,
    rebalanceEvery: g.rebalance_every,
    inertia: g.inertia,
    netuids: g.netuids,
    actions: [...g.actions]
      .sort((a, b) => a.at - b.at)
      .map((a) => ({
        block: a.at,
        action: a.action,
        netuid: a.netuid,
        amount: a.action === 'stake' ? rao(a.amount) : a.amount,
      })),
  };
}

export function networkConfig(scenario: Scenario): NetworkConfig {
  const n = scenario.network;
  const overrides: Partial<EraRules> = {};
  if (n.share_rule !== undefined) overrides.shareRule = n.share_rule;
  if (n.injection_cap !== undefined) overrides.injectionCap = n.injection_cap;
  if (n.pool !== undefined) overrides.pool = n.pool;
  return {
    era: n.era as EraName,
    rules: eraRules(n.era as EraName, overrides),
    totalIssuance: BigInt(rao(n.total_issuance)),
    taoWeight: n.tao_weight,
    feeRate: n.fee_rate,
    movingAlpha: n.moving_alpha,
    emaHalvingBlocks: n.ema_halving_blocks,
    maxEpochsPerBlock: n.max_epochs_per_block,
    ckBurn: n.ck_burn,
    root: { stake: rao(n.root.stake), coldkeys: n.root.coldkeys },
    otherSubnets: {
      count:
        n.other_subnets.count === 'auto' ? Math.max(0, 128 - scenario.subnets.length) : n.other_subnets.count,
      movingPrice: n.other_subnets.moving_price,
      flowEma: rao(n.other_subnets.tao_flow),
    },
    subnetRegistration: {
      limit: n.subnet_registration.limit,
      immunityPeriod: n.subnet_registration.immunity_period,
      minLock: rao(n.subnet_registration.min_lock),
      reductionInterval: n.subnet_registration.lock_reduction_interval,
      rateLimit: n.subnet_registration.rate_limit,
      lastLock: rao(n.subnet_registration.last_lock),
      lastLockBlock: -n.subnet_registration.last_lock_age,
    },
    stakers: n.stakers.map(stakerGroup),
    sampleEvery: n.sample_every === 'tempo' ? scenario.subnets[0].tempo : n.sample_every,
    checkInvariants: n.check_invariants === true ? 'block' : n.check_invariants === false ? 'off' : 'sample',
  };
}

/** A constant-product era pins every pool's weights at ½ whatever the file says. */
export function marketConfig(s: SubnetScenario, rules: EraRules): MarketConfig {
  const quoteWeight = rules.pool === 'constant_product' ? 0.5 : 1 - s.pool.alpha_weight;
  const poolTao = rao(s.pool.tao);
  const poolAlpha = rao(s.pool.alpha);
  return {
    poolTao,
    poolAlpha,
    quoteWeight,
    movingPrice:
      s.moving_price === 'spot' ? Math.min(1, priceOf(poolAlpha, poolTao, quoteWeight)) : s.moving_price,
    startBlock: s.registered_at > 0 ? s.registered_at : 1 - s.age,
    registeredAt: s.registered_at > 0 ? s.registered_at : 1 - s.age,
    atStart: s.registered_at === 0,
    emissionEnabled: s.emission_enabled,
    delegateTake: s.delegate_take,
    minerBurn: s.miner_burn,
    burn: {
      initial: rao(s.burn.initial),
      halfLife: s.burn.half_life,
      increase: s.burn.increase,
      min: rao(s.burn.min),
      max: rao(s.burn.max),
    },
  };
}
