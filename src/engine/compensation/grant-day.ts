import { RAO_PER_ALPHA } from '../units.ts';
import { lock, unlock } from '../vesting/lockup.ts';
import { advanceMilestones, milestoneVested } from '../vesting/milestones.ts';
import { vestedAmount } from '../vesting/schedule.ts';
import { amountToSell } from '../vesting/selling.ts';
import { logEvent, type PackageDay, short } from './context.ts';
import { tokensFor, usdOf } from './prices.ts';
import type { GrantState } from './state.ts';
import { capitalGainsTax, incomeTax } from './tax.ts';
import { sellTokens } from './trade.ts';

/**
 * One grant's day: it starts (a USD grant converted at the grant date gets its tokens at that day's
 * price), vests by its schedule or milestones, tokens enter their lock-up, and what unlocks is sold by
 * the selling rule. Schedule units are tokens, or micro-USD for a grant converted at each vest date.
 */

const MICRO = 1_000_000;

const netuidOf = (ctx: PackageDay, g: GrantState) =>
  g.config.subnet >= 0 ? ctx.m.subnets[g.config.subnet].netuid : -1;

/** Tokens that `units` of the schedule are today. */
export function unitsToTokens(g: GrantState, units: number, price: number): number {
  return g.config.usd !== null && g.config.convert === 'vest_date' ? tokensFor(units / MICRO, price) : units;
}

/** USD of `units` at the grant date's price (the cash twin's pay, the under-water reference). */
export function unitsAtGrant(g: GrantState, units: number): number {
  return g.config.usd !== null && g.config.convert === 'vest_date'
    ? units / MICRO
    : usdOf(units, g.grantPrice);
}

/** USD of `units` at today's price. */
export function unitsToday(g: GrantState, units: number, price: number): number {
  return g.config.usd !== null && g.config.convert === 'vest_date' ? units / MICRO : usdOf(units, price);
}

/** The grant date: the total in schedule units, and the price unvested value is compared with. */
export function startGrant(ctx: PackageDay, g: GrantState, price: number): void {
  const c = g.config;
  g.started = true;
  g.grantPrice = price;
  if (c.amount !== null) g.total = c.amount;
  else if (c.convert === 'vest_date') g.total = c.usd ?? 0;
  else {
    g.total = tokensFor((c.usd ?? 0) / MICRO, price);
    const detail =
      price > 0
        ? `$${short((c.usd ?? 0) / MICRO)} converted at $${short(price)}: ${short(g.total / RAO_PER_ALPHA)} ${c.asset}`
        : 'no price on the grant date: nothing to convert, the grant is void';
    logEvent(ctx, 'grant_converted', netuidOf(ctx, g), c.name, g.total / RAO_PER_ALPHA, detail);
  }
}

/** Forfeits `units` of the schedule at today's price. */
export function forfeitUnits(g: GrantState, units: number, price: number): void {
  if (!(units > 0)) return;
  g.forfeitedUnits += units;
  g.forfeited += unitsToTokens(g, units, price);
  g.forfeitedUsd += unitsToday(g, units, price);
}

/** Units the schedule (or the milestones met today) adds on `day`; missed milestones are forfeited. */
export function scheduleDelta(ctx: PackageDay, g: GrantState, day: number, price: number): number {
  const c = g.config;
  const elapsed = day - c.start;
  let target: number;
  if (c.vesting.convention === 'milestones' && g.milestones !== null) {
    const { met, missed } = advanceMilestones(c.vesting.milestones, g.milestones, elapsed, ctx.read);
    for (const i of met)
      logEvent(
        ctx,
        'milestone_met',
        netuidOf(ctx, g),
        c.name,
        c.vesting.milestones[i].fraction,
        `milestone ${i + 1} met: ${short(c.vesting.milestones[i].fraction * 100)} % vests`,
      );
    for (const i of missed) {
      const units = Math.floor(g.total * c.vesting.milestones[i].fraction);
      forfeitUnits(g, units, price);
      logEvent(
        ctx,
        'milestone_missed',
        netuidOf(ctx, g),
        c.name,
        unitsToTokens(g, units, price) / RAO_PER_ALPHA,
        `milestone ${i + 1} missed its deadline: ${short(c.vesting.milestones[i].fraction * 100)} % forfeited`,
      );
    }
    target = milestoneVested(c.vesting.milestones, g.milestones, g.total);
  } else {
    target = vestedAmount(c.vesting, g.total, elapsed);
  }
  const delta = Math.max(0, Math.min(target, g.total - g.forfeitedUnits) - g.vestedUnits);
  g.vestedUnits += delta;
  return delta;
}

/** Takes up to `tokens` from what the cap still allows; the rest is withheld (capped). */
function applyCap(ctx: PackageDay, g: GrantState, tokens: number, price: number): number {
  const cap = ctx.pkg.config.cap;
  if (cap === null || g.operating !== null || !(price > 0)) return tokens;
  const room = cap - ctx.pkg.capUsed;
  const allowed =
    usdOf(tokens, price) <= room ? tokens : Math.max(0, Math.min(tokens, tokensFor(room, price)));
  if (allowed < tokens) {
    if (g.capped === 0)
      logEvent(
        ctx,
        'capped',
        netuidOf(ctx, g),
        g.config.name,
        (tokens - allowed) / RAO_PER_ALPHA,
        `token upside cap of $${short(cap)} reached: later vests are withheld`,
      );
    g.capped += tokens - allowed;
  }
  ctx.pkg.capUsed += usdOf(allowed, price);
  return allowed;
}

/** A held package's alpha grant is paid from outside alpha; what is missing is forfeited. */
function fund(ctx: PackageDay, g: GrantState, tokens: number, price: number): number {
  if (!ctx.pkg.real || g.config.asset !== 'alpha' || g.operating !== null) return tokens;
  const k = g.config.subnet;
  const paid = Math.max(0, Math.min(tokens, Math.floor(ctx.freeOutside[k])));
  ctx.freeOutside[k] -= paid;
  if (paid < tokens) {
    if (g.forfeited === 0 || paid > 0)
      logEvent(
        ctx,
        'treasury_short',
        netuidOf(ctx, g),
        g.config.name,
        (tokens - paid) / RAO_PER_ALPHA,
        `outside alpha (alpha_issuance) ran short: ${short((tokens - paid) / RAO_PER_ALPHA)} alpha unfunded, forfeited`,
      );
    g.forfeited += tokens - paid;
    g.forfeitedUsd += usdOf(tokens - paid, price);
  }
  return paid;
}

/** `tokens` vest today at `price`: income (and its tax), hedges bought, then the lock-up. */
export function vestTokens(ctx: PackageDay, g: GrantState, tokens: number, day: number, price: number): void {
  if (!(tokens > 0)) return;
  tokens = fund(ctx, g, applyCap(ctx, g, tokens, price), price);
  if (!(tokens > 0)) return;
  const { pkg } = ctx;
  const value = usdOf(tokens, price);
  if (g.vested === 0 && g.operating === null)
    logEvent(
      ctx,
      'first_vest',
      netuidOf(ctx, g),
      g.config.name,
      tokens / RAO_PER_ALPHA,
      `first vest: ${short(tokens / RAO_PER_ALPHA)} ${g.config.asset} worth $${short(value)}`,
    );
  g.vested += tokens;
  g.incomeUsd += value;
  g.basisUsd += value;
  const tax = incomeTax(pkg, ctx.taxRules, day, value);
  g.incomeTaxUsd += tax;
  if (g.operating === null) pkg.tokenIncomeTaxUsd += tax;
  ctx.taxOwed += tax;
  const { forward, floor } = pkg.config;
  if (forward !== null && g.forwardTokens !== null && g.forwardUsd !== null && g.operating === null) {
    const f = Math.floor(tokens * forward.fraction);
    g.forwardTokens[day + g.config.lockup] += f;
    g.forwardUsd[day + g.config.lockup] += usdOf(f, price) * (1 - forward.cost);
  }
  if (floor !== null && g.operating === null) {
    const n = Math.floor(tokens * floor.fraction);
    const premium = usdOf(n, price) * floor.premium;
    pkg.hedgeUsd -= premium;
    ctx.cash -= premium;
    pkg.puts.push({
      grant: pkg.grants.indexOf(g),
      expiry: day + floor.tenor,
      tokens: n,
      strike: floor.strike * price,
    });
  }
  lock(g.lock, day, g.config.lockup, tokens);
}

/** `tokens` held leave for `usd` (a sale or a forward delivery): realised, with their gain taxed. */
function recordSale(ctx: PackageDay, g: GrantState, tokens: number, usd: number): void {
  // Average cost: the tokens' share of the basis of all held and locked ones.
  const pool = g.held + g.lock.locked;
  const basis = pool > 0 ? (g.basisUsd * tokens) / pool : 0;
  g.basisUsd -= basis;
  g.held -= tokens;
  g.sold += tokens;
  g.realisedUsd += usd;
  ctx.cash += usd;
  ctx.taxOwed += capitalGainsTax(ctx.pkg, ctx.taxRules, usd - basis);
}

/** What unlocks today: forward deliveries first, then the selling rule on the rest. */
export function unlockAndSell(ctx: PackageDay, g: GrantState, day: number): void {
  const unlocked = unlock(g.lock, day);
  if (!(unlocked > 0)) return;
  g.held += unlocked;
  let rest = unlocked;
  if (g.forwardTokens !== null && g.forwardUsd !== null && g.forwardTokens[day] > 0) {
    const delivered = Math.min(rest, g.forwardTokens[day]);
    recordSale(ctx, g, delivered, g.forwardUsd[day]);
    rest -= delivered;
  }
  const sell = amountToSell(g.config.selling, rest);
  if (!(sell > 0)) return;
  const usd = sellTokens(ctx.m, g, sell, ctx.pkg.real, ctx.quote);
  if (usd >= 0) recordSale(ctx, g, sell, usd);
}
