import { z } from 'zod';
import { count, duration, fraction, nonNegative, num } from './fields.ts';

/**
 * `market:` (the TAO/USD price path) and `shocks:` (scripted events on the timeline) of a scenario file
 * (compensation.md §1 "Markets and shocks", §3). Both are optional: a scenario without them runs and
 * writes exactly as before. Drifts and volatilities are annual (GBM convention: E[S_t] = S_0·e^{μt}).
 */

const positive = () => num(z.number().gt(0));
const initial = positive().default(400).describe('TAO/USD on day 0, USD per TAO');
const drift = num()
  .default(0)
  .describe('annual drift μ (0.5 = +50 %/yr expected; the log drift is μ − σ²/2)');
const volatility = nonNegative().default(0.8).describe('annual volatility σ of the log price');

const regime = z.strictObject({
  name: z.string().min(1).describe('the regime name (bull, bear, crash…)'),
  drift: num().describe('annual drift μ in this regime'),
  volatility: nonNegative().describe('annual volatility σ in this regime'),
  transitions: z
    .record(z.string(), fraction())
    .default({})
    .describe(
      'per-day probability of moving to each other regime, by name; the rest is the chance of staying (mean stay 1/Σ days)',
    ),
});

const taoUsd = z
  .discriminatedUnion('model', [
    z.strictObject({ model: z.literal('constant'), initial }),
    z.strictObject({ model: z.literal('gbm'), initial, drift, volatility }),
    z.strictObject({
      model: z.literal('merton'),
      initial,
      drift,
      volatility,
      jumps: z
        .strictObject({
          rate: nonNegative().default(4).describe('jumps per year (Poisson rate λ)'),
          mean: num().default(-0.1).describe('mean of one log-jump (−0.1: about −10 %)'),
          sd: nonNegative().default(0.15).describe('standard deviation of one log-jump'),
        })
        .prefault({}),
    }),
    z.strictObject({
      model: z.literal('regimes'),
      initial,
      regimes: z
        .array(regime)
        .min(1)
        .max(255)
        .describe('named regimes with drift, volatility and transitions'),
      start: z.string().optional().describe('the regime on day 0 (default: the first)'),
    }),
    z.strictObject({
      model: z.literal('historical'),
      csv: z
        .string()
        .min(1)
        .optional()
        .describe(
          'CSV of date,price (YYYY-MM-DD) or block,price rows, relative to the scenario file; read when the scenario is loaded',
        ),
      start: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
        .optional()
        .describe("date CSV: the date of day 0 (default: the first row's date)"),
      points: z
        .array(z.strictObject({ day: nonNegative(), price: positive() }))
        .min(1)
        .optional()
        .describe(
          'the series itself, days since the start (what a loaded csv becomes in scenario.resolved.yaml)',
        ),
      source: z.string().optional().describe('where the points came from (informational)'),
    }),
  ])
  .describe(
    'TAO/USD: constant, gbm, merton (jump-diffusion), regimes (Markov switching) or historical (CSV, interpolated)',
  );

export const marketSchema = z
  .strictObject({
    tao_usd: taoUsd.prefault({ model: 'constant' }),
  })
  .describe('the exogenous TAO/USD price path (alpha prices come from the pools)');

const at = duration().describe('block (or duration since the start) at which it happens');
const over = duration()
  .default(0)
  .describe('spread over this window (blocks or a duration) in equal hourly chunks; 0 = at once');
const netuid = num(z.number().int().min(1).max(65534)).describe('the subnet');
const label = z.string().optional().describe('a name for the event log');
const uids = z.array(count()).describe('uids of the subnet at the start (validators first, then miners)');

export const shockSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('tao_usd'),
    at,
    over,
    change: num(z.number().gt(-1)).describe('relative move: −0.5 halves TAO/USD, 0.3 = +30 %'),
    label,
  }),
  z.strictObject({
    kind: z.literal('sell_pressure'),
    at,
    over,
    netuid,
    alpha: positive().describe(
      "alpha sold into the pool by holders outside the model (the subnet's alpha_issuance)",
    ),
    label,
  }),
  z.strictObject({
    kind: z.literal('stake_flight'),
    at,
    over,
    netuid,
    fraction: num(z.number().gt(0).max(1)).describe(
      'fraction of every stake on the subnet (neurons and stakers) unstaked and sold',
    ),
    label,
  }),
  z.strictObject({
    kind: z.literal('validator_leaves'),
    at,
    netuid,
    uid: count().describe('the validator: sells its own stake and stops setting weights'),
    label,
  }),
  z.strictObject({
    kind: z.literal('validator_arrives'),
    at,
    netuid,
    stake: nonNegative().describe('TAO it stakes through the pool'),
    behaviour: z
      .enum(['honest', 'weight_copier', 'lazy', 'random'])
      .default('honest')
      .describe("its behaviour; other settings are the subnet's top-level validator settings"),
    label,
  }),
  z.strictObject({
    kind: z.literal('cabal_forms'),
    at,
    netuid,
    name: z.string().min(1).default('cabal').describe('the cabal name'),
    validators: uids.min(1).describe('validators that start boosting the cabal'),
    miners: uids.default([]).describe('miners that join it'),
    boost: num().default(0.5).describe("added to the cabal's miners' scores by its validators"),
    label,
  }),
  z.strictObject({
    kind: z.literal('miner_quality'),
    at,
    netuid,
    miners: z
      .union([z.literal('all'), uids])
      .default('all')
      .describe('which miners: all, or uids'),
    change: num()
      .optional()
      .describe("added to the miners' latent quality (a release: +0.2; a collapse: −0.5)"),
    set: fraction().optional().describe('or: the quality it becomes'),
    label,
  }),
]);

export const shocksSchema = z
  .array(shockSchema)
  .describe(
    'scripted shocks: tao_usd, sell_pressure, stake_flight, validator_leaves, validator_arrives, cabal_forms, miner_quality',
  );
