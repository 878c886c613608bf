import type { SellingRule } from './types.ts';

/**
 * Selling rules (compensation.md §1): what a holder sells of an amount the moment it becomes sellable
 * (vested and out of its lock-up): nothing (hold), all of it (sell at vest), or a fixed fraction. What
 * is not sold is held to the end of the run and counts at its paper value.
 */
export function amountToSell(rule: SellingRule, unlocked: number): number {
  switch (rule.rule) {
    case 'hold':
      return 0;
    case 'sell_at_vest':
      return unlocked;
    case 'sell_fraction':
      return Math.floor(unlocked * rule.fraction);
  }
}
