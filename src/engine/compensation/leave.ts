import { RAO_PER_ALPHA } from '../units.ts';
import type { LeavingRule } from '../vesting/leaving.ts';
import { MISSED, PENDING } from '../vesting/milestones.ts';
import { fractionOf, vestedAmount } from '../vesting/schedule.ts';
import { logEvent, type PackageDay, short } from './context.ts';
import { forfeitUnits, unitsAtGrant, unitsToday, unitsToTokens, vestTokens } from './grant-day.ts';
import { tokenPrice } from './prices.ts';
import type { GrantState } from './state.ts';

/** Unvested schedule units of a started grant. */
export function unvestedUnits(g: GrantState): number {
  return g.started ? Math.max(0, g.total - g.vestedUnits - g.forfeitedUnits) : 0;
}

/** Today's USD value of the package's unvested grants, and their value at the grant prices. */
export function unvestedValues(ctx: PackageDay): { now: number; atGrant: number } {
  let now = 0;
  let atGrant = 0;
  for (const g of ctx.pkg.grants) {
    if (g.operating !== null) continue;
    const units = unvestedUnits(g);
    now += unitsToday(g, units, g.price);
    atGrant += unitsAtGrant(g, units);
  }
  return { now, atGrant };
}

/**
 * The contributor leaves at the end of `day` (compensation.md §1): salary and vesting stop; a good
 * leaver first vests as of `accelerate` days later and then `fraction` of what is still unvested; the
 * rest, pending milestones and grants not yet started included, is forfeited at today's prices.
 */
export function leave(ctx: PackageDay, rule: LeavingRule, day: number): void {
  const { pkg } = ctx;
  pkg.left = true;
  pkg.leftDay = day;
  const good = rule.goodLeaver;
  let forfeitedUsd = 0;
  for (const g of pkg.grants) {
    if (g.operating !== null) continue; // operating a neuron is nobody's employment
    const c = g.config;
    const price = tokenPrice(ctx.m, c.asset, c.subnet);
    if (!g.started) {
      const tokens = c.amount ?? 0;
      const usd = c.amount !== null ? (tokens / RAO_PER_ALPHA) * price : (c.usd ?? 0) / 1_000_000;
      g.forfeited += c.amount ?? (price > 0 ? Math.floor((usd / price) * RAO_PER_ALPHA) : 0);
      g.forfeitedUsd += usd;
      forfeitedUsd += usd;
      continue;
    }
    if (good !== null) {
      if (good.accelerate > 0 && c.vesting.convention !== 'milestones') {
        const target = vestedAmount(c.vesting, g.total, day - c.start + good.accelerate);
        const extra = Math.max(0, Math.min(target, g.total - g.forfeitedUnits) - g.vestedUnits);
        accelerate(ctx, g, extra, day, price);
      }
      if (good.fraction > 0) accelerate(ctx, g, fractionOf(unvestedUnits(g), good.fraction), day, price);
    }
    const before = g.forfeitedUsd;
    forfeitUnits(g, unvestedUnits(g), price);
    forfeitedUsd += g.forfeitedUsd - before;
    if (g.milestones !== null)
      for (let i = 0; i < g.milestones.status.length; i++)
        if (g.milestones.status[i] === PENDING) g.milestones.status[i] = MISSED;
  }
  logEvent(
    ctx,
    'left',
    -1,
    '',
    forfeitedUsd,
    `leaves${good !== null ? ' (good leaver)' : ''}: unvested grants worth $${short(forfeitedUsd)} forfeited`,
  );
}

function accelerate(ctx: PackageDay, g: GrantState, units: number, day: number, price: number): void {
  if (!(units > 0)) return;
  g.vestedUnits += units;
  ctx.twin += unitsAtGrant(g, units);
  vestTokens(ctx, g, unitsToTokens(g, units, price), day, price);
}
