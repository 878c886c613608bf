import type { LeavingRule } from '../vesting/leaving.ts';
import { leavesToday } from '../vesting/leaving.ts';
import type { PackageDay } from './context.ts';
import {
  scheduleDelta,
  startGrant,
  unitsAtGrant,
  unitsToTokens,
  unlockAndSell,
  vestTokens,
} from './grant-day.ts';
import { leave, unvestedValues } from './leave.ts';
import { tokenPrice, tokenSupply, usdOf } from './prices.ts';
import type { GrantState } from './state.ts';
import { incomeTax } from './tax.ts';

/**
 * One package's day (day ≥ 0): salary (from day 1, while employed), each grant's start, vests, lock-up
 * and sales, the operated neurons' rewards, floors expiring, the leaving rule at the end of the day,
 * then the day's totals and discounted flows. `rewards(g)` is the alpha an operated neuron earned today.
 */
export function stepPackage(
  ctx: PackageDay,
  leaving: LeavingRule | null,
  discountRate: number,
  rewards: (g: GrantState) => number,
): void {
  const { pkg, m } = ctx;
  const day = m.day;
  if (day >= 1 && !pkg.left && pkg.config.salary > 0) {
    const pay = pkg.config.salary / 365;
    pkg.salaryUsd += pay;
    ctx.cash += pay;
    ctx.twin += pay;
    ctx.taxOwed += incomeTax(pkg, ctx.taxRules, day, pay);
  }
  for (const g of pkg.grants) stepGrant(ctx, g, day, rewards);
  settleFloors(ctx, day);
  if (leaving !== null && !pkg.left) {
    const values = unvestedValues(ctx);
    if (leavesToday(leaving, day, values.now, values.atGrant, pkg.watch)) {
      leave(ctx, leaving, day);
      // What the acceleration vested without a lock-up is sellable today.
      for (const g of pkg.grants) unlockAndSell(ctx, g, day);
    }
  }
  if (ctx.vestValue > 0) {
    pkg.vestDays[day] = 1;
    pkg.underWaterDays[day] = ctx.vestValue < ctx.vestGrantValue * (1 - 1e-12) ? 1 : 0;
  }
  let paper = 0;
  let realised = pkg.salaryUsd + pkg.hedgeUsd;
  for (const g of pkg.grants) {
    paper += usdOf(g.held + g.lock.locked, g.price);
    realised += g.realisedUsd;
  }
  // Floors not yet expired count at what they would pay today.
  for (const put of pkg.puts)
    paper += usdOf(put.tokens, Math.max(0, put.strike - pkg.grants[put.grant].price));
  pkg.paperUsd = paper;
  pkg.realisedUsd = realised;
  pkg.valueUsd = realised + paper;
  const factor = (1 + discountRate) ** (-day / 365);
  pkg.pvUsd += ctx.cash * factor;
  pkg.netPvUsd += (ctx.cash - ctx.taxOwed) * factor;
  pkg.cashTwinUsd += ctx.twin;
  pkg.cashTwinPvUsd += ctx.twin * factor;
}

function stepGrant(ctx: PackageDay, g: GrantState, day: number, rewards: (g: GrantState) => number): void {
  const c = g.config;
  const price = tokenPrice(ctx.m, c.asset, c.subnet);
  g.price = price;
  if (g.operating !== null) {
    const earned = rewards(g);
    ctx.twin += usdOf(earned, price);
    vestTokens(ctx, g, earned, day, price);
  } else {
    if (!g.started && day >= c.start && !ctx.pkg.left) {
      startGrant(ctx, g, price);
      g.supplyAtGrant = tokenSupply(ctx.m, c.asset, c.subnet);
    }
    if (g.started && !ctx.pkg.left) {
      const units = scheduleDelta(ctx, g, day, price);
      if (units > 0) {
        const tokens = unitsToTokens(g, units, price);
        ctx.twin += unitsAtGrant(g, units);
        ctx.vestValue += usdOf(tokens, price);
        ctx.vestGrantValue +=
          c.usd !== null && c.convert === 'vest_date' ? usdOf(tokens, price) : unitsAtGrant(g, units);
        vestTokens(ctx, g, tokens, day, price);
      }
    }
  }
  unlockAndSell(ctx, g, day);
  g.supply = tokenSupply(ctx.m, c.asset, c.subnet);
  g.supplyShare = g.supply > 0 ? (g.held + g.lock.locked) / g.supply : Number.NaN;
}

/** Floors expiring today pay max(0, strike − price) per token (cash-settled). */
function settleFloors(ctx: PackageDay, day: number): void {
  const { pkg } = ctx;
  let done = 0;
  while (done < pkg.puts.length && pkg.puts[done].expiry <= day) {
    const put = pkg.puts[done++];
    const payoff = usdOf(put.tokens, Math.max(0, put.strike - pkg.grants[put.grant].price));
    pkg.hedgeUsd += payoff;
    ctx.cash += payoff;
  }
  if (done > 0) pkg.puts.splice(0, done);
}
