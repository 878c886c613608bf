import type { EventLog } from '../events.ts';
import type { SwapQuote } from '../pool/swap.ts';
import type { PackageDay } from './context.ts';
import { stepPackage } from './package-day.ts';
import { type DayMarket, metricReader } from './prices.ts';
import type { CompensationState, ContributorState, GrantState } from './state.ts';

/** Alpha of the operator's own stake on uid (its own shares' worth), rao. */
function ownStake(m: DayMarket, k: number, uid: number): number {
  const n = m.subnets[k].neurons;
  return n.shares[uid] > 0 ? (n.ownShares[uid] * n.stakeAlpha[uid]) / n.shares[uid] : 0;
}

/**
 * The operated neurons' rewards today: the growth of the operator's own stake since yesterday (the
 * incentive, take and own share of dividends the chain auto-stakes), for the neuron found on the uid at
 * the start; once the uid is re-occupied the rewards stop.
 */
function measureRewards(c: ContributorState, m: DayMarket, events: EventLog): void {
  if (c.operated.size === 0 && m.day === 0) {
    for (const p of c.packages)
      for (const g of p.grants) {
        if (g.operating === null) continue;
        const key = `${g.config.subnet}:${g.operating.uid}`;
        if (c.operated.has(key)) continue;
        const { subnet: k } = g.config;
        const uid = g.operating.uid;
        const hotkey = uid < m.subnets[k].n ? m.subnets[k].neurons.hotkey[uid] : -1;
        c.operated.set(key, {
          subnet: k,
          uid,
          hotkey,
          previous: ownStake(m, k, uid),
          reward: 0,
          gone: hotkey < 0,
        });
      }
  }
  for (const op of c.operated.values()) {
    op.reward = 0;
    if (op.gone) continue;
    if (m.subnets[op.subnet].neurons.hotkey[op.uid] !== op.hotkey) {
      op.gone = true;
      events.push({
        block: m.block,
        day: m.day,
        kind: 'operated_neuron_gone',
        netuid: m.subnets[op.subnet].netuid,
        subject: `${c.config.name}/uid ${op.uid}`,
        amount: Number.NaN,
        detail: `the neuron ${c.config.name} operated on uid ${op.uid} was deregistered: its rewards stop`,
      });
      continue;
    }
    op.reward = Math.max(0, Math.floor(ownStake(m, op.subnet, op.uid) - op.previous));
  }
}

/**
 * Every contributor's packages for day `m.day` (compensation.md §1), the held package first so the
 * others are quoted against the pools its trades left. Runs at the end of block day × 7200 (day 0:
 * before the first block).
 */
export function stepCompensationDay(
  state: CompensationState,
  m: DayMarket,
  quote: SwapQuote,
  events: EventLog,
  freeOutside: Float64Array,
): void {
  const read = metricReader(m);
  for (const c of state.contributors) {
    measureRewards(c, m, events);
    const rewards = (g: GrantState) =>
      g.operating === null ? 0 : (c.operated.get(`${g.config.subnet}:${g.operating.uid}`)?.reward ?? 0);
    for (const i of c.order) {
      const pkg = c.packages[i];
      const ctx: PackageDay = {
        m,
        pkg,
        taxRules: c.config.tax,
        quote,
        events,
        freeOutside,
        read,
        subject: `${c.config.name}/${pkg.name}`,
        cash: 0,
        taxOwed: 0,
        twin: 0,
        vestValue: 0,
        vestGrantValue: 0,
      };
      stepPackage(ctx, c.config.leaves, c.config.discountRate, rewards);
    }
    for (const op of c.operated.values()) if (!op.gone) op.previous = ownStake(m, op.subnet, op.uid);
  }
}
