import { BLOCKS_PER_DAY } from '../units.ts';
import type { Shock } from './types.ts';

/**
 * TAO/USD shocks act on the generated path before the run (it is exogenous): from the shock's day on,
 * every price is multiplied by (1 + change); across a window of w days the multiplier grows
 * geometrically, (1 + change)^(k/w) k days into it, so "−50 % over 30 days from day 120" leaves day 120
 * as it was, halves the path from day 150 on and keeps its own moves throughout. Mutates `usd`.
 */
export function applyPriceShocks(usd: Float64Array, shocks: readonly Shock[]): void {
  for (const s of shocks) {
    if (s.kind !== 'tao_usd') continue;
    const from = Math.ceil(s.block / BLOCKS_PER_DAY);
    const window = Math.max(0, Math.round(s.overBlocks / BLOCKS_PER_DAY));
    const factor = 1 + s.change;
    for (let d = from; d < usd.length; d++) {
      const k = d - from;
      usd[d] *= k >= window ? factor : factor ** (k / window);
    }
  }
}
