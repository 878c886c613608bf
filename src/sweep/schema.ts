import { z } from 'zod';

/**
 * The sweep file format (sweeps/*.yaml): a base scenario, the parameters to vary (keyed by scenario path,
 * the notation of validation errors), how to combine them into points, replicates per point and the
 * summary figures to collect. Cross-field rules (one source of values per parameter, samples where the
 * design needs them, equal lengths for zip) are in checks.ts, so every problem is listed at once.
 */

const finite = () => z.number().refine(Number.isFinite, 'a finite number');

const distribution = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('uniform'), min: finite(), max: finite() }),
  z.strictObject({ kind: z.literal('loguniform'), min: finite().gt(0), max: finite().gt(0) }),
  z.strictObject({ kind: z.literal('normal'), mean: finite(), sd: finite().gt(0) }),
  z.strictObject({ kind: z.literal('choice'), values: z.array(z.unknown()).min(1) }),
]);

const parameter = z.strictObject({
  values: z.array(z.unknown()).min(1).optional().describe('the values to try, in order (any YAML value)'),
  range: z
    .strictObject({ from: finite(), to: finite(), step: finite().gt(0) })
    .optional()
    .describe('from, from + step, … up to to (inclusive)'),
  distribution: distribution
    .optional()
    .describe('for random, lhs and sobol designs: uniform, loguniform (min, max), normal (mean, sd), choice'),
});

export const DESIGNS = ['grid', 'zip', 'random', 'lhs', 'sobol'] as const;

export const sweepSchema = z.strictObject({
  name: z.string().min(1).optional().describe('names the study; default: the file name'),
  description: z.string().optional(),
  scenario: z.string().min(1).describe('the base scenario, relative to the sweep file'),
  seed: z.number().int().min(0).max(4294967295).default(1).describe('every run seed derives from it'),
  replicates: z.number().int().min(1).default(1).describe('Monte Carlo runs per point'),
  design: z
    .enum(DESIGNS)
    .default('grid')
    .describe('grid (every combination), zip (i-th values together), random, lhs, sobol (Saltelli)'),
  samples: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('random, lhs: points; sobol: base samples N (N × (parameters + 2) points)'),
  parameters: z.record(z.string(), parameter).default({}).describe('scenario path → values'),
  metrics: z
    .array(z.string().min(1))
    .optional()
    .describe('summary.json figures to collect, e.g. subnets[0].incentive_gini_mean (default: all numbers)'),
  shards: z.number().int().min(1).optional().describe('N for --shard auto when no variable gives it'),
});

export type Sweep = z.output<typeof sweepSchema>;
export type SweepParameter = Sweep['parameters'][string];
export type Distribution = NonNullable<SweepParameter['distribution']>;
export type Design = Sweep['design'];
