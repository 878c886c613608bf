/**
 * Root-sell flag (emissions.md §1 d; run_coinbase.rs `get_network_root_sell_flag`, since 2025-11-04):
 * true when Σ EMA price over the emit set exceeds 1. When false, this block's root alpha is recycled
 * instead of reaching PendingRootAlphaDivs.
 */
export function rootSellFlag(emaPrice: ArrayLike<number>, emit?: ArrayLike<boolean>): boolean {
  let total = 0;
  for (let i = 0; i < emaPrice.length; i++) if (emit === undefined || emit[i]) total += emaPrice[i];
  return total > 1;
}
