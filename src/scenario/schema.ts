import { z } from 'zod';
import { MINER_BEHAVIOURS, VALIDATOR_BEHAVIOURS } from '../engine/config.ts';
import { count, duration, fraction, nonNegative, num, positiveInt, qualityExpression } from './fields.ts';

/**
 * The scenario file format: one strict schema, defaults filled in at parse time. Its output is itself a
 * valid scenario (durations become blocks, constant expressions become numbers), which is what
 * scenario.resolved.yaml holds. Defaults for the chain's parameters are what a new subnet gets today
 * (../shared/spec/yuma.md §6, emissions.md §3).
 */

const weightRule = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('proportional') }),
  z.strictObject({ rule: z.literal('softmax'), temperature: num(z.number().gt(0)).default(0.05) }),
  z.strictObject({ rule: z.literal('top_k'), k: positiveInt().default(8) }),
  z.strictObject({ rule: z.literal('winner_take_all') }),
]);

const validatorFields = {
  behaviour: z.enum(VALIDATOR_BEHAVIOURS as [string, ...string[]]),
  stake: nonNegative(),
  noise: nonNegative(),
  bias: num(),
  tasks: positiveInt(),
  weights: weightRule,
  resubmit_every: positiveInt(),
  cabal: z.string().min(1).nullable(),
  cabal_boost: num(),
};

const validators = z
  .strictObject({
    count: count().default(8),
    behaviour: validatorFields.behaviour.default('honest'),
    stake: validatorFields.stake.default(1000),
    noise: validatorFields.noise.default(0.1),
    bias: validatorFields.bias.default(0),
    tasks: validatorFields.tasks.default(16),
    weights: weightRule.default({ rule: 'proportional' }),
    resubmit_every: validatorFields.resubmit_every.default(10),
    cabal: validatorFields.cabal.default(null),
    cabal_boost: validatorFields.cabal_boost.default(0.5),
    groups: z.array(z.strictObject({ count: count(), ...partial(validatorFields) })).default([]),
  })
  .prefault({});

const initialQuality = z.union([fraction(), z.strictObject({ min: fraction(), max: fraction() })]);

const qualityFields = {
  initial: initialQuality,
  drift: qualityExpression(),
  noise: qualityExpression(z.number().min(0)),
  release: z.strictObject({ probability: fraction().optional(), size: nonNegative().optional() }),
};

const quality = z
  .strictObject({
    initial: qualityFields.initial.default({ min: 0.3, max: 0.7 }),
    drift: qualityFields.drift.default(0),
    noise: qualityFields.noise.default(0.01),
    release: z
      .strictObject({ probability: fraction().default(0.02), size: nonNegative().default(0.05) })
      .prefault({}),
  })
  .prefault({});

/** In a group or for newcomers: only what differs from the miners' top-level quality model. */
const qualityOverride = z.strictObject(partial(qualityFields));

const minerFields = {
  behaviour: z.enum(MINER_BEHAVIOURS as [string, ...string[]]),
  stake: nonNegative(),
  copy_lag: count(),
  cabal: z.string().min(1).nullable(),
  quality: qualityOverride,
};

const miners = z
  .strictObject({
    count: count().default(56),
    behaviour: minerFields.behaviour.default('honest'),
    stake: minerFields.stake.default(0),
    copy_lag: minerFields.copy_lag.default(3),
    cabal: minerFields.cabal.default(null),
    quality,
    groups: z.array(z.strictObject({ count: count(), ...partial(minerFields) })).default([]),
  })
  .prefault({});

const registration = z
  .strictObject({
    per_day: nonNegative().default(0),
    miner: z.strictObject(partial(minerFields)).default({}),
  })
  .prefault({});

const liquidAlpha = z
  .strictObject({
    enabled: z.boolean().default(false),
    alpha_low: fraction().default(45875 / 65535),
    alpha_high: fraction().default(58982 / 65535),
    steepness: num(z.number().int().min(-32768).max(32767)).default(1000),
  })
  .prefault({});

const yuma = z
  .strictObject({
    version: z.enum(['yuma1', 'yuma3']).default('yuma3'),
    kappa: fraction().default(32767 / 65535),
    bonds_penalty: fraction().default(1),
    bonds_moving_average: num(z.number().min(0).max(1)).default(0.9),
    liquid_alpha: liquidAlpha,
    sparse_liquid_alpha: z.boolean().default(true),
    max_allowed_validators: positiveInt().default(64),
    activity_cutoff: z.union([z.literal('auto'), duration(z.number().int().min(1))]).default('auto'),
    stake_threshold: nonNegative().default(0),
  })
  .prefault({});

export const subnetSchema = z.strictObject({
  netuid: num(z.number().int().min(1).max(65534)).default(1),
  tempo: num(z.number().int().min(1).max(50400)).default(360),
  max_uids: num(z.number().int().min(1).max(4096)).default(256),
  immunity_period: duration().default(5000),
  min_non_immune_uids: count().default(10),
  owner_cut: fraction().default(11796 / 65535),
  alpha_issuance: nonNegative().default(0),
  yuma,
  validators,
  miners,
  registration,
});

export const scenarioSchema = z.strictObject({
  name: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
      'letters, digits, ".", "_" or "-", starting with a letter or digit',
    )
    .optional(),
  description: z.string().optional(),
  seed: num(
    z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
  ).default(1),
  duration: duration(z.number().int().min(1)).prefault('7d'),
  subnets: z.array(subnetSchema).min(1).prefault([{}]),
  subnet_sim_version: z.string().optional(),
});

/** A scenario as written (what a YAML language server checks). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A scenario with defaults filled and units converted. */
export type Scenario = z.output<typeof scenarioSchema> & { name: string };
export type SubnetScenario = z.output<typeof subnetSchema>;

function partial<T extends Record<string, z.ZodType>>(fields: T): { [K in keyof T]: z.ZodOptional<T[K]> } {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };
}
