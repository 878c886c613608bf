/**
 * Price shocks applied during a live run (the `s` key) and recorded like scripted ones, so the run's
 * event log, events.csv and summary.json say what was done and when. The shape matches a scripted
 * shock of a scenario's TAO/USD path: a relative change at a block, instant or spread over a window.
 */
export interface PriceShock {
  block: number;
  /** The price moved: TAO in US dollars. */
  target: 'tao_usd';
  /** Relative change: −0.3 is −30 %. */
  change: number;
  /** Blocks over which the change builds up (0: at once). */
  overBlocks: number;
  /** Who applied it: the live view's key, or the scenario. */
  source: 'live' | 'scenario';
}

/** The `s` key's shock: TAO/USD −30 % at once. */
export function liveShock(block: number): PriceShock {
  return { block, target: 'tao_usd', change: -0.3, overBlocks: 0, source: 'live' };
}

/**
 * The factor the shocks so far apply to a price at `block`: the product of (1 + change), a windowed
 * shock compounding evenly (in log terms) over its window.
 */
export function shockFactor(shocks: readonly PriceShock[], block: number): number {
  let factor = 1;
  for (const s of shocks) {
    if (block < s.block) continue;
    const done = s.overBlocks > 0 ? Math.min(1, (block - s.block) / s.overBlocks) : 1;
    factor *= (1 + s.change) ** done;
  }
  return factor;
}

/** "TAO/USD −30 %" (and "over N blocks" for a window). */
export function describeShock(s: PriceShock): string {
  const percent = `${s.change < 0 ? '−' : '+'}${Math.abs(Math.round(s.change * 1000) / 10)} %`;
  const over = s.overBlocks > 0 ? ` over ${s.overBlocks} blocks` : '';
  return `TAO/USD ${percent}${over} (${s.source === 'live' ? 'applied live' : 'scripted'})`;
}
