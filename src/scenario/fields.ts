import { z } from 'zod';
import { QUALITY_VARIABLES } from '../engine/config.ts';
import { BLOCKS_PER_DAY } from '../engine/units.ts';
import { parseDuration } from './duration.ts';
import { compileExpression, evaluateConstant } from './expression.ts';

/**
 * Field types shared by the scenario schema. Every number may be written as a mathjs expression of
 * constants ("7200 * 0.5"); durations as blocks or with a unit ("12h", "30d"); per-miner quantities as
 * expressions of the epoch's variables ("0.001 * (1 - q)"), checked here and compiled later.
 */

type NumberSchema = z.ZodNumber;

/** A number, or a constant expression evaluating to one, then checked by `check` (e.g. z.number().min(0)). */
export function num(check: NumberSchema = z.number()) {
  return z
    .union([z.number(), z.string()])
    .transform((value, ctx) => {
      if (typeof value === 'number') return value;
      const result = evaluateConstant(value);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.message, input: value });
      return z.NEVER;
    })
    .pipe(check);
}

export const fraction = () => num(z.number().min(0).max(1));
export const nonNegative = () => num(z.number().min(0));
export const count = () => num(z.number().int().min(0));
export const positiveInt = () => num(z.number().int().min(1));

/** Blocks, or a duration with a unit (12 s per block). */
export function duration(check: NumberSchema = z.number().int().min(0)) {
  return z
    .union([z.number(), z.string()])
    .transform((value, ctx) => {
      const result = parseDuration(value);
      if (result.ok) return result.blocks;
      ctx.addIssue({ code: 'custom', message: result.message, input: value });
      return z.NEVER;
    })
    .pipe(check);
}

/** A duration that is a whole number of days (7200 blocks each): the compensation clock steps daily. */
export function wholeDays(check: NumberSchema = z.number().int().min(0)) {
  return duration(check).refine((blocks) => blocks % BLOCKS_PER_DAY === 0, {
    message: 'not a whole number of days',
    params: {
      allowed: 'a whole number of days: a duration such as "30d", "1y" or a multiple of 7200 blocks',
    },
  });
}

/** A constant, or an expression of the quality variables kept as text (compiled per run). */
export function qualityExpression(check: NumberSchema = z.number()) {
  return z.union([
    check,
    z.string().superRefine((text, ctx) => {
      const compiled = compileExpression(text, QUALITY_VARIABLES);
      if (!compiled.ok) ctx.addIssue({ code: 'custom', message: compiled.message });
    }),
  ]);
}
