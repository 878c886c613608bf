import { z } from 'zod';
import { MINER_BEHAVIOURS, VALIDATOR_BEHAVIOURS } from '../engine/config.ts';
import { ACTIVITY_CUTOFF_FACTOR_MILLI, newSubnetYumaParams } from '../engine/yuma/defaults.ts';
import { contributorsSchema } from './compensation-schema.ts';
import { count, duration, fraction, nonNegative, num, positiveInt, qualityExpression } from './fields.ts';
import { marketSchema, shocksSchema } from './market-schema.ts';
import { networkSchema, subnetMarketFields } from './network-schema.ts';

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
  behaviour: z
    .enum(VALIDATOR_BEHAVIOURS as [string, ...string[]])
    .describe(
      "honest evaluates; weight_copier submits last epoch's consensus; lazy re-submits every resubmit_every epochs; cabal boosts its cabal's miners; random",
    ),
  stake: nonNegative().describe('stake of each validator, alpha'),
  root_stake: nonNegative().describe(
    'TAO each validator has staked on root (adds tao_weight × it to its stake weight)',
  ),
  parent: z
    .strictObject({
      stake: nonNegative().default(0).describe("the parent hotkey's alpha stake on this subnet"),
      root_stake: nonNegative().default(0).describe("the parent hotkey's TAO on root"),
      proportion: fraction().default(1).describe('fraction of its stake the parent delegates to this child'),
      childkey_take: fraction()
        .default(0)
        .describe("ChildkeyTake: the child's cut of the parent's dividends (max 0.18 on chain)"),
    })
    .nullable()
    .describe("a parent hotkey outside the subnet's uids whose stake this validator inherits (childkeys)"),
  noise: nonNegative().describe("standard deviation of one task's score noise"),
  bias: num().describe('added to every score this validator observes'),
  tasks: positiveInt().describe('tasks sampled per epoch: score noise averages to noise / sqrt(tasks)'),
  weights: weightRule.describe(
    'how scores become weights: proportional, softmax (temperature), top_k (k), winner_take_all',
  ),
  resubmit_every: positiveInt().describe('lazy validators: epochs between weight submissions'),
  cabal: z.string().min(1).nullable().describe('cabal validators: the cabal whose miners they boost'),
  cabal_boost: num().describe("cabal validators: added to their cabal's miners' scores"),
};

const validators = z
  .strictObject({
    count: count().default(8),
    behaviour: validatorFields.behaviour.default('honest'),
    stake: validatorFields.stake.default(1000),
    root_stake: validatorFields.root_stake.default(0),
    parent: validatorFields.parent.default(null),
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
  initial: initialQuality.describe('initial latent quality: a number, or {min, max} for a uniform draw'),
  drift: qualityExpression().describe(
    'added each epoch: a number or an expression of q, epoch, age, uid, best, mean, day',
  ),
  noise: qualityExpression(z.number().min(0)).describe(
    'standard deviation of the normal step each epoch: a number or an expression',
  ),
  release: z
    .strictObject({ probability: fraction().optional(), size: nonNegative().optional() })
    .describe('model releases: with this probability per epoch quality jumps by size × Exp(1)'),
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
  behaviour: z
    .enum(MINER_BEHAVIOURS as [string, ...string[]])
    .describe(
      'honest serves its own model; copier serves the best honest model copy_lag epochs late; idle serves nothing',
    ),
  stake: nonNegative().describe('initial stake of each miner, alpha'),
  copy_lag: count().describe('copiers: epochs between the best model and their copy of it'),
  cabal: z.string().min(1).nullable().describe('the cabal this miner belongs to'),
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
    per_day: nonNegative().default(0).describe('new miner registrations per day (Poisson arrivals)'),
    miner: z
      .strictObject(partial(minerFields))
      .default({})
      .describe("what newcomers run; defaults to the miners' settings"),
  })
  .prefault({});

/** The engine's new-subnet defaults (yuma.md §6), in the file's units. */
const chain = newSubnetYumaParams();

const liquidAlpha = z
  .strictObject({
    enabled: z.boolean().default(chain.liquidAlpha.enabled),
    alpha_low: fraction().default(chain.liquidAlpha.alphaLow),
    alpha_high: fraction().default(chain.liquidAlpha.alphaHigh),
    steepness: num(z.number().int().min(-32768).max(32767)).default(chain.liquidAlpha.steepness),
  })
  .prefault({});

/**
 * Commit-reveal (yuma.md §3.15), on with a period of 1 as on chain (CommitRevealWeightsEnabled true,
 * RevealPeriodEpochs 1; §6). Turning it on moved every bundled scenario's figures a little but none of
 * their findings (see the commit that added it).
 */
const commitReveal = z
  .strictObject({
    enabled: z
      .boolean()
      .default(true)
      .describe(
        'validators commit weights that are revealed and used reveal_period_epochs later; last_update is stamped at the commit (chain default true; false: weights count in the epoch they are set)',
      ),
    reveal_period_epochs: num(z.number().int().min(1).max(100))
      .default(1)
      .describe(
        'RevealPeriodEpochs: weights committed at epoch k are used by epoch k + this (chain default 1)',
      ),
  })
  .prefault({})
  .describe(
    'commit-reveal of weights: a copy of the consensus is reveal_period_epochs staler than honest weights',
  );

const yuma = z
  .strictObject({
    version: z
      .enum(['yuma1', 'yuma3'])
      .default(chain.version)
      .describe('yuma3 (YC3, what new subnets get) or yuma1 (the original bonds, Yuma3On = false)'),
    kappa: fraction().default(chain.kappa).describe('κ as a fraction (chain Kappa u16 / 65535)'),
    bonds_penalty: fraction()
      .default(chain.bondsPenalty)
      .describe('β as a fraction (chain BondsPenalty u16 / 65535)'),
    bonds_moving_average: num(z.number().min(0).max(1))
      .default(chain.bondsMovingAverage / 1_000_000)
      .describe('fraction (chain BondsMovingAverage / 1e6); the bonds EMA uses α = 1 − this'),
    liquid_alpha: liquidAlpha,
    sparse_liquid_alpha: z
      .boolean()
      .default(chain.sparseLiquidAlpha)
      .describe(
        'yuma3 + liquid alpha: drop bonds to miners absent from the weights row, as the chain does (false: let them decay)',
      ),
    max_allowed_validators: positiveInt()
      .default(chain.maxAllowedValidators)
      .describe('validator permits go to the top-K stakes'),
    activity_cutoff: z
      .union([z.literal('auto'), duration(z.number().int().min(1))])
      .default('auto')
      .describe(
        `blocks (or a duration) since the last weights after which a validator is inactive; auto = ${ACTIVITY_CUTOFF_FACTOR_MILLI}‰ of tempo`,
      ),
    stake_threshold: nonNegative()
      .default(chain.stakeThreshold)
      .describe('alpha below which stake counts as 0'),
    commit_reveal: commitReveal,
    arithmetic: z
      .enum(['float', 'exact'])
      .default('float')
      .describe(
        "float: float64 epoch (fast); exact: the chain's I32F32/I64F64 fixed point, every integer output equal to the chain's (10–30× slower)",
      ),
  })
  .prefault({});

export const subnetSchema = z.strictObject({
  netuid: num(z.number().int().min(1).max(65534)).default(1).describe('subnet id'),
  tempo: num(z.number().int().min(1).max(50400)).default(360).describe('blocks per epoch'),
  max_uids: num(z.number().int().min(1).max(1024))
    .default(256)
    .describe('MaxAllowedUids: registering beyond it prunes a uid'),
  immunity_period: duration()
    .default(5000)
    .describe('blocks (or a duration) during which a new uid cannot be pruned'),
  min_non_immune_uids: count()
    .default(10)
    .describe('pruning prefers non-immune uids while more than this many exist'),
  owner_cut: fraction()
    .default(11796 / 65535)
    .describe("subnet owner's fraction of each block's alpha emission"),
  alpha_issuance: nonNegative()
    .default(0)
    .describe(
      'alpha already issued and held outside the scenario neurons (with the pool and their stakes it drives the alpha halving)',
    ),
  ...subnetMarketFields,
  yuma,
  validators,
  miners,
  registration,
  initial_state: z
    .strictObject({
      snapshot: z
        .string()
        .min(1)
        .describe('a `replay fetch` file (JSON Lines), relative to the scenario file'),
      block: num(z.number().int().min(0))
        .optional()
        .describe('the snapshot to start from (default: the last)'),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits')
        .optional()
        .describe(
          "the snapshot file's SHA-256 (scenario.resolved.yaml records it: the run id follows the file's content, not its location, and a file that no longer matches is refused)",
        ),
    })
    .optional()
    .describe(
      "start from a chain snapshot: its uids, stakes, permits, weights, bonds and registrations (the validators' and miners' settings then apply to them; counts and groups are ignored)",
    ),
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
  )
    .default(1)
    .describe('every random draw derives from this seed'),
  duration: duration(
    z
      .number()
      .int()
      .min(1)
      .max(50 * 365 * 7200),
  )
    .prefault('7d')
    .describe('simulated time: blocks or a duration such as 12h, 30d, 4y (12 s per block)'),
  network: networkSchema,
  subnets: z.array(subnetSchema).min(1).max(128).prefault([{}]).describe('the subnets to simulate'),
  // Markets, shocks and compensation (market-schema.ts, compensation-schema.ts): optional, absent = none.
  market: marketSchema.optional(),
  shocks: shocksSchema.optional(),
  contributors: contributorsSchema.optional(),
  subnet_sim_version: z.string().optional(),
  output: z
    .strictObject({
      neurons: z
        .boolean()
        .default(true)
        .describe('write neurons.csv, a row per uid per epoch (turn off for large networks)'),
    })
    .prefault({})
    .describe('which result files to write'),
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
