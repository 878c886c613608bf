import type { WeightRule } from '../config.ts';

/**
 * Turns a validator's observed scores into weights. `scores[j]` is NaN for uids it does not weight
 * (validators, idle miners). Writes non-negative weights into `out` (0 where no weight); the caller
 * upscales to u16 as set_weights does. Ties in top_k / winner_take_all go to the lower uid.
 */
export function applyWeightRule(rule: WeightRule, scores: Float64Array, out: Float64Array): void {
  out.fill(0);
  switch (rule.rule) {
    case 'proportional':
      for (let j = 0; j < scores.length; j++) if (scores[j] > 0) out[j] = scores[j];
      return;
    case 'softmax': {
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < scores.length; j++) if (scores[j] > max) max = scores[j];
      if (max === Number.NEGATIVE_INFINITY) return;
      // Subtract the max so exp never overflows.
      for (let j = 0; j < scores.length; j++) {
        if (!Number.isNaN(scores[j])) out[j] = Math.exp((scores[j] - max) / rule.temperature);
      }
      return;
    }
    case 'winner_take_all':
      markTop(scores, 1, out);
      return;
    case 'top_k':
      markTop(scores, rule.k, out);
      return;
  }
}

/** Sets out[j] = 1 for the k highest scores (lower uid first on ties). */
function markTop(scores: Float64Array, k: number, out: Float64Array): void {
  const order: number[] = [];
  for (let j = 0; j < scores.length; j++) if (!Number.isNaN(scores[j])) order.push(j);
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  for (let r = 0; r < Math.min(k, order.length); r++) out[order[r]] = 1;
}
