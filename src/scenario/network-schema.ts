import { z } from 'zod';
import {
  BURN_HALF_LIFE,
  BURN_INCREASE_MULT,
  MAX_BURN,
  MIN_BURN,
  NETWORK_IMMUNITY_PERIOD,
  NETWORK_LOCK_REDUCTION_INTERVAL,
  NETWORK_MIN_LOCK_COST,
  NETWORK_RATE_LIMIT,
  SUBNET_LIMIT,
  TAO_WEIGHT,
} from '../engine/emission/constants.ts';
import { ERA_NAMES } from '../engine/emission/eras.ts';
import {
  DEFAULT_LAST_LOCK_TAO,
  DEFAULT_OTHER_SUBNET_PRICE,
  DEFAULT_ROOT_STAKE_TAO,
  DEFAULT_TOTAL_ISSUANCE_TAO,
  defaultMarketConfig,
} from '../engine/network/defaults.ts';
import { DEFAULT_FEE_RATE } from '../engine/pool/fee.ts';
import { RAO_PER_ALPHA } from '../engine/units.ts';
import { count, duration, fraction, nonNegative, num, positiveInt } from './fields.ts';

/**
 * The token economy in a scenario file (emissions.md): `network:` at the top level and the market
 * fields of each subnet. Defaults are the chain's values of late 2026 (network/defaults.ts).
 */

const units = (rao: number) => rao / RAO_PER_ALPHA;

const SHARE_RULES = ['price_ema', 'flow', 'net_flow', 'price_ema_burn'] as const;
const INJECTION_CAPS = [
  'alpha_emission',
  'alpha_emission_buy',
  'min_alpha_emission_block_emission',
  'root_proportion',
] as const;

const scriptedAction = z.strictObject({
  at: duration().describe('block (or duration since the start) of the action'),
  action: z.enum(['stake', 'unstake']),
  netuid: num(z.number().int().min(1).max(65534)),
  amount: nonNegative().describe('stake: TAO; unstake: fraction of the position (0–1)'),
});

const stakerGroup = z.strictObject({
  count: count().default(1),
  policy: z
    .enum(['yield_chasing', 'loyal', 'random', 'scripted'])
    .default('loyal')
    .describe(
      'yield_chasing moves stake to the best dividend yield; loyal stakes once and holds; random; scripted follows actions',
    ),
  balance: nonNegative().default(1000).describe('free TAO of each staker at the start'),
  fraction: fraction().default(0.5).describe('fraction of free TAO (or of a position) moved in one action'),
  rebalance_every: duration(z.number().int().min(1))
    .default(7200)
    .describe('blocks (or a duration) between two decisions of one staker'),
  inertia: nonNegative()
    .default(0.1)
    .describe('yield_chasing: move only if the best yield beats the held one by this relative margin'),
  netuids: z
    .array(num(z.number().int().min(1).max(65534)))
    .default([])
    .describe('subnets it may use ([] = all)'),
  actions: z.array(scriptedAction).default([]).describe('scripted: what it does and when'),
});

export const networkSchema = z
  .strictObject({
    era: z
      .enum(ERA_NAMES as [string, ...string[]])
      .default('2026-06')
      .describe(
        "the chain's rules of that time: 2025-02 (dTAO launch: price-EMA shares), 2025-11 (TAO-flow shares), 2026-06 (current)",
      ),
    share_rule: z.enum(SHARE_RULES).optional().describe("override the era's subnet share rule"),
    injection_cap: z.enum(INJECTION_CAPS).optional().describe("override the era's alpha injection cap"),
    pool: z.enum(['constant_product', 'weighted']).optional().describe("override the era's pool"),
    total_issuance: nonNegative()
      .default(DEFAULT_TOTAL_ISSUANCE_TAO)
      .describe('TAO issued before the run (drives the halving: 0.5 TAO/block above 10.5 M)'),
    tao_weight: fraction()
      .default(TAO_WEIGHT)
      .describe('TaoWeight: weight of root stake against alpha stake'),
    fee_rate: num(
      z
        .number()
        .min(0)
        .max(10_000 / 65_535),
    )
      .default(DEFAULT_FEE_RATE)
      .describe('swap fee as a fraction of the input (chain 33/65535), paid to the block author'),
    moving_alpha: fraction().default(0.000_003).describe('SubnetMovingAlpha of the EMA price'),
    ema_halving_blocks: duration()
      .default(201_600)
      .describe('EMAPriceHalvingBlocks: warm-up of a new subnet EMA'),
    max_epochs_per_block: positiveInt().default(2).describe('MaxEpochsPerBlock'),
    ck_burn: fraction().default(0).describe("CKBurn: fraction of parents' childkey dividends recycled"),
    root: z
      .strictObject({
        stake: nonNegative()
          .default(DEFAULT_ROOT_STAKE_TAO)
          .describe("TAO on root besides the scenario validators' own root_stake"),
        coldkeys: positiveInt().default(1000).describe('root-staking coldkeys (5 auto-claim per block)'),
      })
      .prefault({}),
    other_subnets: z
      .strictObject({
        count: z
          .union([z.literal('auto'), count()])
          .default('auto')
          .describe(
            'subnets outside the scenario sharing the emission; auto = 128 minus the scenario subnets',
          ),
        moving_price: nonNegative().default(DEFAULT_OTHER_SUBNET_PRICE).describe('their EMA price each'),
        tao_flow: num().default(0).describe('their user TAO flow each, TAO per block (flow share rules)'),
      })
      .prefault({}),
    subnet_registration: z
      .strictObject({
        limit: positiveInt()
          .default(SUBNET_LIMIT)
          .describe('SubnetLimit: registering beyond it prunes the weakest subnet'),
        immunity_period: duration()
          .default(NETWORK_IMMUNITY_PERIOD)
          .describe('NetworkImmunityPeriod: a younger subnet cannot be pruned'),
        min_lock: nonNegative().default(units(NETWORK_MIN_LOCK_COST)).describe('NetworkMinLockCost, TAO'),
        lock_reduction_interval: duration()
          .default(NETWORK_LOCK_REDUCTION_INTERVAL)
          .describe('NetworkLockReductionInterval (scaled by block emission / 1 TAO)'),
        rate_limit: duration()
          .default(NETWORK_RATE_LIMIT)
          .describe('NetworkRateLimit between two subnet registrations'),
        last_lock: nonNegative()
          .default(DEFAULT_LAST_LOCK_TAO)
          .describe('lock paid by the last registration before the run, TAO'),
        last_lock_age: duration()
          .default(NETWORK_RATE_LIMIT)
          .describe('how long before the run it was paid (the cost falls back linearly after doubling)'),
      })
      .prefault({}),
    stakers: z.array(stakerGroup).default([]).describe('TAO holders who stake into subnets'),
    sample_every: z
      .union([z.literal('tempo'), duration(z.number().int().min(1))])
      .default('tempo')
      .describe('rows of network.csv and subnets.csv every this many blocks (tempo: the first subnet tempo)'),
    check_invariants: z
      .union([z.boolean(), z.literal('sample')])
      .default(false)
      .describe(
        'test mode: check conservation of TAO and alpha after every block (true; slow) or at every sample (sample); a broken law stops the run',
      ),
  })
  .prefault({});

const market = defaultMarketConfig();

/** Market fields of one subnet (spread into the subnet schema). */
export const subnetMarketFields = {
  pool: z
    .strictObject({
      tao: nonNegative().default(units(market.poolTao)).describe('TAO reserve of the subnet pool'),
      alpha: nonNegative().default(units(market.poolAlpha)).describe('alpha reserve of the subnet pool'),
      alpha_weight: num(z.number().min(0.01).max(0.99))
        .default(1 - market.quoteWeight)
        .describe('w1, the alpha weight of the pool (0.5 = constant product)'),
    })
    .prefault({})
    .describe('the subnet AMM pool at the start; price = (w1/w2)·tao/alpha'),
  moving_price: z
    .union([z.literal('spot'), nonNegative()])
    .default('spot')
    .describe('SubnetMovingPrice at the start; spot = min(pool price, 1)'),
  age: duration()
    .default(365 * 7200)
    .describe('blocks (or a duration) since start_call: a young subnet EMA price moves slowly'),
  registered_at: duration()
    .default(0)
    .describe(
      'block (or duration) at which the owner registers the subnet, paying the lock cost; 0 = it exists at the start',
    ),
  emission_enabled: z
    .boolean()
    .default(true)
    .describe('SubnetEmissionEnabled: TAO-side emission on (the chain starts new subnets with it off)'),
  delegate_take: fraction().default(market.delegateTake).describe("validators' delegate take"),
  miner_burn: fraction()
    .default(0)
    .describe("fraction of miner incentive earned by the owner's own hotkeys and burned (MinerBurned)"),
  burn: z
    .strictObject({
      initial: nonNegative()
        .default(units(market.burn.initial))
        .describe('registration burn at the start, TAO'),
      half_life: duration().default(BURN_HALF_LIFE).describe('BurnHalfLife, blocks'),
      increase: num(z.number().min(1))
        .default(BURN_INCREASE_MULT)
        .describe('BurnIncreaseMult per registration'),
      min: nonNegative().default(units(MIN_BURN)).describe('MinBurn, TAO'),
      max: nonNegative().default(units(MAX_BURN)).describe('MaxBurn, TAO'),
    })
    .prefault({}),
};
