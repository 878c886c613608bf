import { describe, expect, it } from 'vitest';
import { DEFAULT_ERA, ERA_NAMES, ERA_PRESETS, eraRules } from '../../../src/engine/emission/eras.ts';

describe('era presets (emissions.md §8)', () => {
  it('2025-02: price EMA shares, cap A, constant product, root alpha sold every block, modulo tempo', () => {
    expect(eraRules('2025-02')).toEqual({
      shareRule: 'price_ema',
      injectionCap: 'alpha_emission',
      pool: 'constant_product',
      rootDividends: 'sold_each_block',
      epochSchedule: 'modulo',
    });
  });

  it('2025-11: flow shares, cap A with recycled chain buys, v3 ≈ constant product, claimable root, modulo', () => {
    expect(eraRules('2025-11')).toEqual({
      shareRule: 'flow',
      injectionCap: 'alpha_emission_buy',
      pool: 'constant_product',
      rootDividends: 'claimable',
      epochSchedule: 'modulo',
    });
  });

  it('2026-06 is the default: price EMA × (1 − burn), cap ρ·A, weighted pool, claimable, dynamic tempo', () => {
    expect(DEFAULT_ERA).toBe('2026-06');
    expect(eraRules()).toEqual({
      shareRule: 'price_ema_burn',
      injectionCap: 'root_proportion',
      pool: 'weighted',
      rootDividends: 'claimable',
      epochSchedule: 'dynamic',
    });
    expect(ERA_NAMES).toEqual(['2025-02', '2025-11', '2026-06']);
  });

  it('applies per-rule overrides, ignores undefined ones, and never changes the presets', () => {
    const rules = eraRules('2025-11', { shareRule: 'net_flow', injectionCap: undefined });
    expect(rules.shareRule).toBe('net_flow');
    expect(rules.injectionCap).toBe('alpha_emission_buy');
    rules.pool = 'weighted';
    expect(ERA_PRESETS['2025-11'].pool).toBe('constant_product');
    expect(Object.isFrozen(ERA_PRESETS['2026-06'])).toBe(true);
  });
});
