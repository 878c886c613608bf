/**
 * Durations in scenario files: a plain number counts blocks (the simulator's clock), while strings
 * like "12h", "30d" or "360 blocks" let authors think in wall-clock time. The chain produces one
 * block every 12 s, so wall-clock amounts must land on a whole block: "5s" is refused rather than
 * silently rounded, since rounding would shift every schedule derived from it.
 */

import { SECONDS_PER_BLOCK } from '../engine/units.ts';

export type DurationResult = { ok: true; blocks: number } | { ok: false; message: string };

/** Seconds per unit; `null` marks the block unit, counted directly. A year is 365 days. */
const UNIT_SECONDS: Readonly<Record<string, number | null>> = {
  block: null,
  blocks: null,
  s: 1,
  m: 60,
  h: 60 * 60,
  d: 24 * 60 * 60,
  w: 7 * 24 * 60 * 60,
  y: 365 * 24 * 60 * 60,
};

const FORMS =
  'a duration is a whole number of blocks (e.g. 360) or a string "<amount><unit>" with unit ' +
  'blocks, s (seconds), m (minutes), h (hours), d (days), w (weeks) or y (365-day years), ' +
  'e.g. "360 blocks", "120s", "90m", "12h", "1.5d", "2w", "4y"';

// Amount: digits with an optional decimal part; no sign, no exponent, so "-5d" and "1e3s" are refused.
const PATTERN = /^(\d+)(?:\.(\d+))?\s*([a-z]*)$/;

function fail(value: number | string, why: string): DurationResult {
  return {
    ok: false,
    message: `invalid duration ${typeof value === 'string' ? JSON.stringify(value) : String(value)}: ${why}; ${FORMS}`,
  };
}

/** Number of whole blocks in `value`, or a message explaining the accepted forms. */
export function parseDuration(value: number | string): DurationResult {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return { ok: true, blocks: value };
    return fail(value, 'a number of blocks must be a non-negative whole number');
  }
  if (typeof value !== 'string') return fail(value, 'expected a number or a string');
  const match = PATTERN.exec(value.trim());
  if (match === null) return fail(value, 'not a recognised duration');
  const [, whole, fraction = '', unitText] = match;
  // A bare number in a string ("360") means blocks, like a bare number.
  const unit = unitText === '' ? 'blocks' : unitText;
  if (!Object.hasOwn(UNIT_SECONDS, unit)) return fail(value, `unknown unit '${unit}'`);
  const unitSeconds = UNIT_SECONDS[unit];

  // Exact integer arithmetic: amount = digits / 10^k, so "0.7h" cannot fall a hair short of 210 blocks.
  const digits = BigInt(whole + fraction);
  const scale = 10n ** BigInt(fraction.length);
  const numerator = unitSeconds === null ? digits : digits * BigInt(unitSeconds);
  const denominator = unitSeconds === null ? scale : scale * BigInt(SECONDS_PER_BLOCK);
  if (numerator % denominator !== 0n) {
    return fail(value, `not a whole number of ${SECONDS_PER_BLOCK} s blocks`);
  }
  const blocks = numerator / denominator;
  if (blocks > BigInt(Number.MAX_SAFE_INTEGER)) return fail(value, 'too long');
  return { ok: true, blocks: Number(blocks) };
}
