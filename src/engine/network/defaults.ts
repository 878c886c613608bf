import {
  BURN_HALF_LIFE,
  BURN_INCREASE_MULT,
  DEFAULT_NEURON_BURN_COST,
  EMA_PRICE_HALVING_BLOCKS,
  MAX_BURN,
  MIN_BURN,
  NETWORK_IMMUNITY_PERIOD,
  NETWORK_LOCK_REDUCTION_INTERVAL,
  NETWORK_MIN_LOCK_COST,
  NETWORK_RATE_LIMIT,
  SUBNET_LIMIT,
  SUBNET_MOVING_ALPHA,
  TAO_WEIGHT,
} from '../emission/constants.ts';
import { DEFAULT_ERA, eraRules } from '../emission/eras.ts';
import { DEFAULT_FEE_RATE } from '../pool/fee.ts';
import { RAO_PER_ALPHA } from '../units.ts';
import type { MarketConfig, NetworkConfig } from './config.ts';

/**
 * What a network looks like when a scenario says nothing (emissions.md §3, values of late 2026): the
 * current era, 11.5 M TAO issued (past the first halving: 0.5 TAO per block), 4 M TAO on root at
 * TaoWeight 0.18, and the scenario's subnets among 128 whose other members sit at an EMA price of 0.02.
 */
export const DEFAULT_TOTAL_ISSUANCE_TAO = 11_500_000;
export const DEFAULT_ROOT_STAKE_TAO = 4_000_000;
export const DEFAULT_OTHER_SUBNET_PRICE = 0.02;
export const DEFAULT_LAST_LOCK_TAO = 2_500;

export function defaultNetworkConfig(modelledSubnets = 1): NetworkConfig {
  return {
    era: DEFAULT_ERA,
    rules: eraRules(DEFAULT_ERA),
    totalIssuance: BigInt(DEFAULT_TOTAL_ISSUANCE_TAO) * BigInt(RAO_PER_ALPHA),
    taoWeight: TAO_WEIGHT,
    feeRate: DEFAULT_FEE_RATE,
    movingAlpha: SUBNET_MOVING_ALPHA,
    emaHalvingBlocks: EMA_PRICE_HALVING_BLOCKS,
    maxEpochsPerBlock: 2,
    ckBurn: 0,
    root: { stake: DEFAULT_ROOT_STAKE_TAO * RAO_PER_ALPHA, coldkeys: 1000 },
    otherSubnets: {
      count: Math.max(0, 128 - modelledSubnets),
      movingPrice: DEFAULT_OTHER_SUBNET_PRICE,
      flowEma: 0,
    },
    subnetRegistration: {
      limit: SUBNET_LIMIT,
      immunityPeriod: NETWORK_IMMUNITY_PERIOD,
      minLock: NETWORK_MIN_LOCK_COST,
      reductionInterval: NETWORK_LOCK_REDUCTION_INTERVAL,
      rateLimit: NETWORK_RATE_LIMIT,
      // The last registration paid 2 500 TAO four days before the run: the price is back at 2 500 TAO.
      lastLock: DEFAULT_LAST_LOCK_TAO * RAO_PER_ALPHA,
      lastLockBlock: -NETWORK_RATE_LIMIT,
    },
    stakers: [],
    sampleEvery: 360,
    checkInvariants: 'off',
  };
}

/** A subnet that has run for a year: a 10 000 TAO / 500 000 alpha pool (price 0.02) and the chain's burn rules. */
export function defaultMarketConfig(): MarketConfig {
  return {
    poolTao: 10_000 * RAO_PER_ALPHA,
    poolAlpha: 500_000 * RAO_PER_ALPHA,
    quoteWeight: 0.5,
    movingPrice: 0.02,
    startBlock: -365 * 7200,
    registeredAt: -365 * 7200,
    atStart: true,
    emissionEnabled: true,
    delegateTake: 11_796 / 65_535,
    minerBurn: 0,
    burn: {
      initial: DEFAULT_NEURON_BURN_COST,
      halfLife: BURN_HALF_LIFE,
      increase: BURN_INCREASE_MULT,
      min: MIN_BURN,
      max: MAX_BURN,
    },
  };
}
