import type { WeightRule } from '../config.ts';
import { upscaledU16 } from '../yuma/set-weights.ts';
import { fastExp } from './fast-exp.ts';

/**
 * Turns a validator's observed scores into the row set_weights stores: weights by the rule, max-upscaled
 * to u16 (round(w·65535/max), yuma/set-weights.ts), zeros absent. `scores[r]` is the score of uid
 * `uids[r]` (ascending), `max` the highest score; the row is row[offset + uid], zero on entry (the
 * caller clears it). Returns whether any entry is non-zero (an all-zero row is not submitted). Ties in
 * top_k / winner_take_all go to the lower uid.
 *
 * - proportional: w = score where positive;
 * - softmax: w = exp((score − max)/T); the best is exactly 1, so the stored value is
 *   round(65535·exp((score − max)/T)), 0 (absent) once (score − max)/T < ln(½/65535) — those skip exp;
 * - top_k / winner_take_all: w = 1 for the k best (65535 stored).
 */
export function weighRow(
  rule: WeightRule,
  scores: Float64Array,
  max: number,
  uids: Int32Array,
  count: number,
  row: Uint16Array,
  offset: number,
): boolean {
  switch (rule.rule) {
    case 'proportional':
      return proportional(scores, max, uids, count, row, offset);
    case 'softmax':
      return softmax(scores, max, uids, count, rule.temperature, row, offset);
    case 'winner_take_all':
      return top(scores, uids, count, 1, row, offset);
    case 'top_k':
      return top(scores, uids, count, rule.k, row, offset);
  }
}

/** The best score is also the largest positive weight when it is positive. */
function proportional(
  scores: Float64Array,
  max: number,
  uids: Int32Array,
  count: number,
  row: Uint16Array,
  offset: number,
): boolean {
  if (!(max > 0)) return false;
  for (let r = 0; r < count; r++) {
    if (scores[r] > 0) row[offset + uids[r]] = upscaledU16(scores[r], max);
  }
  return true;
}

/** Below this (score − max)/T, 65535·exp rounds to 0: ln(0.5/65535) = −11.7835, with a margin. */
const SOFTMAX_CUTOFF = -11.79;

function softmax(
  scores: Float64Array,
  max: number,
  uids: Int32Array,
  count: number,
  temperature: number,
  row: Uint16Array,
  offset: number,
): boolean {
  if (!(max > Number.NEGATIVE_INFINITY)) return false;
  const inverse = 1 / temperature;
  for (let r = 0; r < count; r++) {
    const d = (scores[r] - max) * inverse;
    // Subtracting the max keeps exp ≤ 1 (no overflow); d ≥ cutoff also excludes NaN.
    if (d >= SOFTMAX_CUTOFF) row[offset + uids[r]] = Math.floor(65535 * fastExp(d) + 0.5);
  }
  return true;
}

/**
 * Marks the k best scores (NaN never) with 65535, lower uid first on ties: k argmax passes when k is
 * small (the default 8), else one sort of the responders.
 */
function top(
  scores: Float64Array,
  uids: Int32Array,
  count: number,
  k: number,
  row: Uint16Array,
  offset: number,
): boolean {
  let marked = 0;
  if (k <= 16) {
    for (; marked < k; marked++) {
      let best = -1;
      for (let r = 0; r < count; r++) {
        if (row[offset + uids[r]] !== 0 || Number.isNaN(scores[r])) continue;
        if (best < 0 || scores[r] > scores[best]) best = r;
      }
      if (best < 0) break;
      row[offset + uids[best]] = 65535;
    }
    return marked > 0;
  }
  const order = new Int32Array(count);
  let scored = 0;
  for (let r = 0; r < count; r++) if (!Number.isNaN(scores[r])) order[scored++] = r;
  const ranked = order.subarray(0, scored).sort((a, b) => scores[b] - scores[a] || a - b);
  for (; marked < Math.min(k, scored); marked++) row[offset + uids[ranked[marked]]] = 65535;
  return marked > 0;
}
