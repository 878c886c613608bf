import type { StakerGroup } from './config.ts';
import { positionAlpha, type StakerContext, stake, unstake } from './stakers.ts';

/**
 * What each staker policy does when its turn comes (NetworkConfig.stakers):
 * - `loyal`: stakes `fraction` of its TAO evenly into its subnets once, then holds;
 * - `random`: stakes `fraction` of its free TAO into a random subnet, or, with no free TAO, moves
 *   `fraction` of a random position to another random subnet;
 * - `yield_chasing`: stakes free TAO into the subnet with the best dividend yield (alpha paid to
 *   nominators per alpha staked, an EMA over epochs); with none free, moves `fraction` of its
 *   worst-yielding position to the best subnet when the best beats it by more than `inertia` (relative);
 * - `scripted`: does the group's actions at their blocks.
 * A move is an unstake then a stake (two swaps, two fees), as on chain. Returns the next block to act.
 */
export function actStaker(ctx: StakerContext, staker: number, group: StakerGroup, block: number): number {
  switch (group.policy) {
    case 'loyal':
      actLoyal(ctx, staker, group);
      return Number.POSITIVE_INFINITY;
    case 'random':
      actRandom(ctx, staker, group);
      return block + group.rebalanceEvery;
    case 'yield_chasing':
      actYieldChasing(ctx, staker, group);
      return block + group.rebalanceEvery;
    case 'scripted':
      return actScripted(ctx, staker, group, block);
  }
}

/** Subnet indexes a policy may use: started subnets, optionally restricted to some netuids. */
function eligible(ctx: StakerContext, netuids: number[]): number[] {
  const out: number[] = [];
  ctx.subnets.forEach((s, k) => {
    if (netuids.length === 0 || netuids.includes(s.netuid)) out.push(k);
  });
  return out;
}

function actLoyal(ctx: StakerContext, staker: number, group: StakerGroup): void {
  const targets = eligible(ctx, group.netuids);
  if (targets.length === 0) return;
  const each = (ctx.net.stakers.balance[staker] * group.fraction) / targets.length;
  for (const k of targets) stake(ctx, staker, k, each);
}

function held(ctx: StakerContext, staker: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < ctx.subnets.length; k++) if (positionAlpha(ctx, staker, k) > 0) out.push(k);
  return out;
}

function actRandom(ctx: StakerContext, staker: number, group: StakerGroup): void {
  const targets = eligible(ctx, group.netuids);
  if (targets.length === 0) return;
  const to = targets[ctx.rng.int(targets.length)];
  const free = ctx.net.stakers.balance[staker] * group.fraction;
  if (stake(ctx, staker, to, free)) return;
  const positions = held(ctx, staker);
  if (positions.length === 0) return;
  const from = positions[ctx.rng.int(positions.length)];
  if (from === to) return;
  stake(ctx, staker, to, unstake(ctx, staker, from, group.fraction));
}

function actYieldChasing(ctx: StakerContext, staker: number, group: StakerGroup): void {
  const targets = eligible(ctx, group.netuids);
  if (targets.length === 0) return;
  const yieldOf = (k: number) => ctx.net.markets[k].dividendYield;
  let best = targets[0];
  for (const k of targets) if (yieldOf(k) > yieldOf(best)) best = k;
  if (stake(ctx, staker, best, ctx.net.stakers.balance[staker] * group.fraction)) return;
  const positions = held(ctx, staker);
  if (positions.length === 0) return;
  let worst = positions[0];
  for (const k of positions) if (yieldOf(k) < yieldOf(worst)) worst = k;
  if (worst === best || !(yieldOf(best) > yieldOf(worst) * (1 + group.inertia))) return;
  stake(ctx, staker, best, unstake(ctx, staker, worst, group.fraction));
}

function actScripted(ctx: StakerContext, staker: number, group: StakerGroup, block: number): number {
  const table = ctx.net.stakers;
  const { actions } = group;
  while (table.nextScripted[staker] < actions.length && actions[table.nextScripted[staker]].block <= block) {
    const a = actions[table.nextScripted[staker]++];
    const k = ctx.subnets.findIndex((s) => s.netuid === a.netuid);
    if (k < 0) continue;
    if (a.action === 'stake') stake(ctx, staker, k, a.amount);
    else unstake(ctx, staker, k, a.amount);
  }
  const next = actions[table.nextScripted[staker]];
  return next === undefined ? Number.POSITIVE_INFINITY : next.block;
}
