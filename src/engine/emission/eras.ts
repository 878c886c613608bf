/**
 * Era presets (emissions.md §8 history, §2.5, §4.1, §1.1): which rule the chain used for each mechanism,
 * so a scenario can replay 2025 or 2026 behaviour (§11 "configurable eras").
 * - 2025-02 (dTAO launch): EMA-price shares, alpha_in ≤ A with no chain buy, constant-product pools,
 *   root alpha sold to TAO every block (PendingRootDivs), modulo epoch schedule.
 * - 2025-11 (TAO flow): user-flow shares, cap A with the excess chain-buying alpha that is recycled,
 *   v3 pool with one full-range protocol position (≈ constant product), claimable root dividends, modulo.
 * - 2026-06 (current HEAD): price EMA × (1 − MinerBurned), cap ρ·A with bought alpha kept, weighted
 *   (Balancer) pool, claimable root dividends, dynamic tempo.
 * Eras in between (net flow of 2026-05-27, cap min(A, E) of 2025-12-12) are reachable through overrides.
 */
import type { InjectionCapRule } from './injection.ts';
import type { ShareRule } from './subnet-shares.ts';

export type EraName = '2025-02' | '2025-11' | '2026-06';

export interface EraRules {
  shareRule: ShareRule;
  injectionCap: InjectionCapRule;
  pool: 'constant_product' | 'weighted';
  rootDividends: 'sold_each_block' | 'claimable';
  epochSchedule: 'modulo' | 'dynamic';
}

export const ERA_NAMES: readonly EraName[] = ['2025-02', '2025-11', '2026-06'];

export const ERA_PRESETS: Readonly<Record<EraName, Readonly<EraRules>>> = Object.freeze({
  '2025-02': Object.freeze({
    shareRule: 'price_ema',
    injectionCap: 'alpha_emission',
    pool: 'constant_product',
    rootDividends: 'sold_each_block',
    epochSchedule: 'modulo',
  }),
  '2025-11': Object.freeze({
    shareRule: 'flow',
    injectionCap: 'alpha_emission_buy',
    pool: 'constant_product',
    rootDividends: 'claimable',
    epochSchedule: 'modulo',
  }),
  '2026-06': Object.freeze({
    shareRule: 'price_ema_burn',
    injectionCap: 'root_proportion',
    pool: 'weighted',
    rootDividends: 'claimable',
    epochSchedule: 'dynamic',
  }),
});

export const DEFAULT_ERA: EraName = '2026-06';

/** The era's rules with any per-rule overrides applied (undefined overrides are ignored). */
export function eraRules(era: EraName = DEFAULT_ERA, overrides: Partial<EraRules> = {}): EraRules {
  const rules: EraRules = { ...ERA_PRESETS[era] };
  if (overrides.shareRule !== undefined) rules.shareRule = overrides.shareRule;
  if (overrides.injectionCap !== undefined) rules.injectionCap = overrides.injectionCap;
  if (overrides.pool !== undefined) rules.pool = overrides.pool;
  if (overrides.rootDividends !== undefined) rules.rootDividends = overrides.rootDividends;
  if (overrides.epochSchedule !== undefined) rules.epochSchedule = overrides.epochSchedule;
  return rules;
}
