import { z } from 'zod';
import { count, fraction, nonNegative, num, wholeDays } from './fields.ts';

/**
 * `contributors:` of a scenario file (compensation.md §1–§2): people paid a salary, token grants with a
 * named vesting convention, lock-ups and selling rules, the neurons they operate, caps, hedges, tax and
 * leaving rules — several packages per person to compare on the same simulated path. Times are whole
 * days ("30d", "1y" = 365 days); USD amounts are dollars; token amounts whole tokens.
 */

const netuid = num(z.number().int().min(1).max(65534));
const every = wholeDays(z.number().int().min(7200))
  .default(7200)
  .describe('the linear part vests in steps of this many days (1d: a daily stream; 30d: monthly slices)');
const duration = wholeDays().describe('vesting duration');
const cliff = wholeDays().describe('cliff');

const condition = z
  .strictObject({
    metric: z
      .enum(['best_quality', 'mean_quality', 'emission_share', 'alpha_price', 'alpha_usd', 'tao_usd'])
      .describe(
        "best_quality: the subnet's best honest miner's model; mean_quality; emission_share of the block emission; alpha_price in TAO; alpha_usd; tao_usd",
      ),
    netuid: netuid.optional().describe('the subnet the metric is about (all but tao_usd)'),
    at_least: num().optional().describe('holds when the metric is at least this'),
    at_most: num().optional().describe('holds when the metric is at most this'),
    for: wholeDays().default(0).describe('days in a row it must hold (0: the first day it does)'),
  })
  .describe('a condition over the simulated state, checked once a day');

const vesting = z
  .discriminatedUnion('convention', [
    z.strictObject({ convention: z.literal('linear'), duration, every }),
    z.strictObject({ convention: z.literal('cliff-catch-up'), duration, cliff, every }),
    z.strictObject({ convention: z.literal('cliff-then-linear'), duration, cliff, every }),
    z.strictObject({
      convention: z.literal('unlock-amounts'),
      duration,
      cliff: cliff.default(0),
      start_unlock: fraction().default(0).describe('fraction unlocked at the start'),
      cliff_unlock: fraction().default(0).describe('fraction unlocked at the cliff (0.25 for 1 y of 4 y)'),
      every,
    }),
    z.strictObject({
      convention: z.literal('tranches'),
      tranches: z
        .array(
          z.strictObject({ at: wholeDays().describe('days after the grant date'), fraction: fraction() }),
        )
        .min(1)
        .describe('dated unlocks; fractions sum to 1'),
    }),
    z.strictObject({
      convention: z.literal('milestones'),
      milestones: z
        .array(
          z.strictObject({
            fraction: fraction(),
            when: condition,
            deadline: wholeDays()
              .optional()
              .describe('days after the grant date after which the tranche is forfeited'),
          }),
        )
        .min(1)
        .describe('tranches released when their condition first holds; fractions sum to 1'),
    }),
  ])
  .describe(
    'linear (OZ VestingWallet), cliff-catch-up (OZ VestingWalletCliff, Sablier V2: 25 % at a 1 y cliff of 4 y), cliff-then-linear (QTM: the duration starts after the cliff), unlock-amounts (Sablier Lockup), tranches, milestones',
  );

const selling = z
  .discriminatedUnion('rule', [
    z.strictObject({ rule: z.literal('hold') }),
    z.strictObject({ rule: z.literal('sell_at_vest') }),
    z.strictObject({
      rule: z.literal('sell_fraction'),
      fraction: fraction().describe('of each amount as it unlocks'),
    }),
  ])
  .describe('hold; sell_at_vest (as soon as unlocked); sell_fraction of each unlocked amount');

const grant = z.strictObject({
  name: z.string().min(1).optional().describe('a name for the outputs (default grant-<n>)'),
  asset: z
    .enum(['tao', 'alpha', 'stablecoin'])
    .default('tao')
    .describe('tao, alpha (of netuid) or stablecoin (1 USD)'),
  netuid: netuid.optional().describe('alpha grants: the subnet'),
  amount: nonNegative().optional().describe('tokens granted'),
  usd: nonNegative().optional().describe('or: USD granted, converted to tokens as `convert` says'),
  convert: z
    .enum(['grant_date', 'vest_date'])
    .default('grant_date')
    .describe("USD grants: at the grant date's price once, or at each vest date's price"),
  start: wholeDays().default(0).describe('grant date: days after the start of the run'),
  vesting: vesting.prefault({ convention: 'cliff-catch-up', duration: '4y', cliff: '1y' }),
  lockup: wholeDays().default(0).describe('days a vested amount stays locked before it can be sold'),
  selling: selling.prefault({ rule: 'hold' }),
});

const operates = z.strictObject({
  netuid,
  uids: z.array(count()).min(1).describe('uids of the subnet at the start (validators first, then miners)'),
  selling: selling.prefault({ rule: 'hold' }),
});

const hedge = z
  .strictObject({
    forward: z
      .strictObject({
        fraction: fraction().describe("of each vest sold forward at that day's price"),
        cost: fraction().default(0).describe('fraction of the forward price lost to the counterparty'),
      })
      .optional()
      .describe('sell forward at vest: locks the vest-date price, delivered when the lock-up ends'),
    floor: z
      .strictObject({
        fraction: fraction().default(1).describe('of each vest covered'),
        strike: fraction().default(0.8).describe("strike as a fraction of the vest day's price"),
        premium: fraction().default(0.1).describe('premium paid at vest, a fraction of the notional'),
        tenor: wholeDays(z.number().int().min(7200))
          .default(365 * 7200)
          .describe('days to expiry'),
      })
      .optional()
      .describe('a floor (protective put, cash-settled) bought at each vest'),
  })
  .describe('hedges, each compared with the same package unhedged');

const pkg = z.strictObject({
  name: z.string().min(1).describe('the package name'),
  salary: nonNegative().default(0).describe('fiat salary, USD a year (paid daily while employed)'),
  grants: z.array(grant).default([]),
  operates: z
    .array(operates)
    .default([])
    .describe("neurons the contributor runs: their Yuma rewards are the package's"),
  cap: nonNegative()
    .optional()
    .describe('token upside cap: USD of vest-day value beyond which vests are withheld'),
  hedge: hedge.optional(),
});

const bracket = z.strictObject({ from: nonNegative().describe('USD of yearly income'), rate: fraction() });

const tax = z
  .strictObject({
    income: z
      .union([fraction(), z.strictObject({ brackets: z.array(bracket).min(1) })])
      .default(0)
      .describe(
        'income tax on salary and on each vest at its USD value: a rate, or {brackets: [{from, rate}]}',
      ),
    capital_gains: fraction()
      .default(0)
      .describe('tax on sale proceeds above the value at vest (losses carry forward)'),
  })
  .describe('tax per 365-day year');

const leaves = z
  .strictObject({
    at: wholeDays().optional().describe('leaves at the end of this day'),
    under_water: z
      .strictObject({
        by: fraction().describe('unvested grants worth at most (1 − by) of their value at the grant prices…'),
        for: wholeDays().default(0).describe('…for this many days in a row'),
      })
      .optional(),
    good_leaver: z
      .strictObject({
        accelerate: wholeDays().default(0).describe('vests as of this many days after leaving'),
        fraction: fraction().default(0).describe('then this fraction of what is still unvested'),
      })
      .optional()
      .describe('acceleration on leaving; without it the unvested part is forfeited'),
  })
  .describe('when the contributor leaves (the unvested part is forfeited)');

export const contributorSchema = z.strictObject({
  name: z.string().min(1),
  holds: z
    .string()
    .optional()
    .describe('the package the contributor holds (its alpha sales move the pool); default the first'),
  discount_rate: nonNegative().default(0.1).describe('annual rate of the discounted token flow value'),
  tax: tax.prefault({}),
  leaves: leaves.optional(),
  packages: z.array(pkg).min(1).describe('packages to compare on the same path'),
});

export const contributorsSchema = z
  .array(contributorSchema)
  .describe('people paid in salary and tokens, each with packages to compare');
