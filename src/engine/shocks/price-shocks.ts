import type { RunEvent } from '../events.ts';
import type { TimelineState } from '../timeline.ts';
import { BLOCKS_PER_DAY } from '../units.ts';
import type { Shock } from './types.ts';

export type PriceShock = Extract<Shock, { kind: 'tao_usd' }>;

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

const percent = (x: number) => (Math.round(x * 100_000) / 1000).toString();

/** The event log's line for a TAO/USD shock (scripted or applied during a live run). */
export function priceShockEvent(shock: PriceShock, block: number): RunEvent {
  const days = shock.overBlocks / BLOCKS_PER_DAY;
  const over = days > 0 ? ` over ${Math.round(days * 1000) / 1000} days` : '';
  const detail = `TAO/USD ${shock.change >= 0 ? '+' : ''}${percent(shock.change)} %${over}`;
  return {
    block,
    day: Math.floor(block / BLOCKS_PER_DAY),
    kind: shock.kind,
    netuid: -1,
    subject: '',
    amount: shock.change,
    detail: shock.label === '' ? detail : `${shock.label}: ${detail}`,
  };
}

/**
 * A TAO/USD shock that arrives while the run is under way (the live view's `s` key), between two blocks:
 * the rest of the path moves as for a scripted shock at `shock.block` (from the day in progress on) and
 * the event log records it the same way. Mutates the timeline.
 */
export function injectPriceShock(timeline: TimelineState, shock: PriceShock): void {
  applyPriceShocks(timeline.path.usd, [shock]);
  timeline.events.push(priceShockEvent(shock, shock.block));
}
