import type { TimelineState } from '../timeline.ts';
import { BLOCKS_PER_DAY, RAO_PER_ALPHA } from '../units.ts';
import { unitsToTokens } from './grant-day.ts';
import { unvestedUnits } from './leave.ts';
import { tokensFor } from './prices.ts';
import type { CompensationState, GrantState } from './state.ts';

/**
 * What a live view shows of the contributors (issue 8's ContributorLine, without its history): one line
 * per grant of each package a contributor holds, in whole tokens and USD at today's price. Plain data,
 * copied out of the live state.
 */
export interface GrantLine {
  /** contributor/package/grant */
  name: string;
  /** "TAO", "stablecoin" or "alpha of netuid N". */
  asset: string;
  vested: number;
  unvested: number;
  /** The whole grant (held, locked and unvested) at today's price. */
  usd: number;
}

/** Tokens not yet vested today: the rest of the schedule, at today's price for a vest-date USD grant. */
export function unvestedTokens(g: GrantState): number {
  const c = g.config;
  if (g.operating !== null) return 0;
  if (!g.started) return g.forfeited > 0 ? 0 : (c.amount ?? tokensFor((c.usd ?? 0) / 1e6, g.price));
  return unitsToTokens(g, unvestedUnits(g), g.price);
}

export function grantLines(state: CompensationState, netuidOf: (subnet: number) => number): GrantLine[] {
  const lines: GrantLine[] = [];
  for (const c of state.contributors) {
    const pkg = c.packages[c.config.holds];
    for (const g of pkg.grants) {
      const unvested = unvestedTokens(g) / RAO_PER_ALPHA;
      const owned = (g.held + g.lock.locked) / RAO_PER_ALPHA;
      lines.push({
        name: `${c.config.name}/${pkg.name}/${g.config.name}`,
        asset:
          g.config.asset === 'alpha'
            ? `alpha of netuid ${netuidOf(g.config.subnet)}`
            : g.config.asset === 'tao'
              ? 'TAO'
              : 'stablecoin',
        vested: g.vested / RAO_PER_ALPHA,
        unvested,
        usd: (owned + unvested) * g.price,
      });
    }
  }
  return lines;
}

/**
 * TAO/USD during `block`: the price the day in progress closes at (the path holds each day's closing
 * price, at blocks 0, 7200, …), so a shock fired during the day shows at once. Shocks included.
 */
export function taoUsdAt(timeline: TimelineState, block: number): number {
  const usd = timeline.path.usd;
  return usd[Math.min(usd.length - 1, Math.max(0, Math.ceil(block / BLOCKS_PER_DAY)))];
}
