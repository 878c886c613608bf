import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type InjectionCapRule,
  type SubnetTermsInput,
  subnetTerms,
} from '../../../src/engine/emission/injection.ts';
import { subnetShares } from '../../../src/engine/emission/subnet-shares.ts';

const TAO = 1_000_000_000;

function input(partial: Partial<SubnetTermsInput>): SubnetTermsInput {
  return { taoEmission: 0, price: 1, alphaEmission: TAO, rootProportion: 1, blockEmission: TAO, ...partial };
}

describe('subnetTerms: cap rules (emissions.md §1 e, §2.5)', () => {
  it('alpha_emission (2025-02): alpha_in = min(T/p, A), tao_in = T, no chain buy', () => {
    // T = 0.6 TAO at p = 0.5 → T/p = 1.2 α > A = 1 α → alpha_in 1 α; all of T still goes in.
    expect(subnetTerms('alpha_emission', input({ taoEmission: 6e8, price: 0.5 }))).toEqual({
      taoIn: 6e8,
      alphaIn: TAO,
      excessTao: 0,
      boughtAlpha: 'none',
    });
    // T = 0.2 TAO at p = 0.5 → alpha_in 0.4 α.
    expect(subnetTerms('alpha_emission', input({ taoEmission: 2e8, price: 0.5 })).alphaIn).toBe(4e8);
  });

  it('alpha_emission_buy (2025-11): cap A, the excess chain-buys alpha that is recycled', () => {
    // T/p = 1.2 α > A → alpha_in = 1 α, tao_in = 1 α · 0.5 = 0.5 TAO, excess 0.1 TAO.
    expect(subnetTerms('alpha_emission_buy', input({ taoEmission: 6e8, price: 0.5 }))).toEqual({
      taoIn: 5e8,
      alphaIn: TAO,
      excessTao: 1e8,
      boughtAlpha: 'recycled',
    });
  });

  it('min_alpha_emission_block_emission (2025-12): cap min(A, E) = 0.5 α after the halving', () => {
    // cap = min(1 α, 0.5) = 0.5 α; T/p = 1.2 α → alpha_in 0.5 α, tao_in 0.25 TAO, excess 0.35 TAO.
    const terms = subnetTerms(
      'min_alpha_emission_block_emission',
      input({ taoEmission: 6e8, price: 0.5, blockEmission: 5e8 }),
    );
    expect(terms).toEqual({ taoIn: 2.5e8, alphaIn: 5e8, excessTao: 3.5e8, boughtAlpha: 'recycled' });
    // From 2026-06-01 the bought alpha was kept as SubnetProtocolAlpha.
    const kept = subnetTerms(
      'min_alpha_emission_block_emission',
      input({ taoEmission: 6e8, price: 0.5, blockEmission: 5e8 }),
      undefined,
      'kept',
    );
    expect(kept.boughtAlpha).toBe('kept');
  });

  it('root_proportion (current), spec §4.3 example D: T 0.05 TAO, p 0.1, A 1 α, ρ 0.3', () => {
    // Uncapped alpha_in = 0.05 / 0.1 = 0.5 α > cap 0.3 · 1 α → alpha_in 0.3 α, tao_in 0.03 TAO, excess 0.02 TAO.
    expect(
      subnetTerms('root_proportion', input({ taoEmission: 5e7, price: 0.1, rootProportion: 0.3 })),
    ).toEqual({
      taoIn: 3e7,
      alphaIn: 3e8,
      excessTao: 2e7,
      boughtAlpha: 'kept',
    });
  });

  it('spec §9 test_get_subnet_terms_alpha_emissions_cap: alpha_in = ρ·A, tao_in = alpha_in·p, excess = T − tao_in', () => {
    // ρ 0.25, A 1 α, p 2, T 1 TAO: T/p = 0.5 α > 0.25 α → alpha_in 0.25 α, tao_in 0.5 TAO, excess 0.5 TAO.
    const terms = subnetTerms('root_proportion', input({ taoEmission: TAO, price: 2, rootProportion: 0.25 }));
    expect(terms).toEqual({ taoIn: 5e8, alphaIn: 2.5e8, excessTao: 5e8, boughtAlpha: 'kept' });
  });

  it('under the cap everything is injected: tao_in = T, alpha_in = ⌊T/p⌋, no excess', () => {
    const terms = subnetTerms(
      'root_proportion',
      input({ taoEmission: 1_000_001, price: 2, rootProportion: 0.9 }),
    );
    expect(terms).toEqual({ taoIn: 1_000_001, alphaIn: 500_000, excessTao: 0, boughtAlpha: 'none' });
  });

  it('price 0: the buy rules inject T with no alpha (safe_div_or → 0); 2025-02 injects A', () => {
    for (const rule of [
      'alpha_emission_buy',
      'min_alpha_emission_block_emission',
      'root_proportion',
    ] as const) {
      expect(subnetTerms(rule, input({ taoEmission: 7e8, price: 0, rootProportion: 0.2 }))).toEqual({
        taoIn: 7e8,
        alphaIn: 0,
        excessTao: 0,
        boughtAlpha: 'none',
      });
    }
    expect(subnetTerms('alpha_emission', input({ taoEmission: 7e8, price: 0 }))).toEqual({
      taoIn: 7e8,
      alphaIn: TAO,
      excessTao: 0,
      boughtAlpha: 'none',
    });
  });

  it('writes into the out object when given', () => {
    const out = { taoIn: -1, alphaIn: -1, excessTao: -1, boughtAlpha: 'none' as const };
    expect(
      subnetTerms('root_proportion', input({ taoEmission: 5e7, price: 0.1, rootProportion: 0.3 }), out),
    ).toBe(out);
    expect(out.alphaIn).toBe(3e8);
  });
});

describe('spec §9 coinbase vectors (shares → T_i = ⌊E·share⌋ → subnet terms)', () => {
  function block(emission: number, emaPrice: number[], spot: number[]): { taoIn: number; alphaIn: number }[] {
    const shares = subnetShares('price_ema', { emaPrice }, new Float64Array(emaPrice.length));
    return spot.map((price, i) =>
      subnetTerms('alpha_emission_buy', input({ taoEmission: Math.floor(emission * shares[i]), price })),
    );
  }

  it('test_coinbase_tao_issuance_base: one subnet, 1 234 567 rao all go to SubnetTAO', () => {
    expect(block(1_234_567, [1], [1])[0].taoIn).toBe(1_234_567);
  });

  it('test_coinbase_tao_issuance_multiple: three equal subnets, 3 333 333 → 1 111 111 each', () => {
    expect(block(3_333_333, [1, 1, 1], [1, 1, 1]).map((t) => t.taoIn)).toEqual([
      1_111_111, 1_111_111, 1_111_111,
    ]);
  });

  it('test_coinbase_alpha_issuance_base: two subnets at price 1, E = 1 000 000 → alpha_in 500 000 each', () => {
    expect(block(1_000_000, [1, 1], [1, 1]).map((t) => t.alphaIn)).toEqual([500_000, 500_000]);
  });

  it('test_coinbase_alpha_issuance_different: EMA 1:2, spot 1 and 2 → tao_in 333 333 / 666 666, alpha_in 333 333', () => {
    const terms = block(1_000_000, [1, 2], [1, 2]);
    expect(terms.map((t) => t.taoIn)).toEqual([333_333, 666_666]);
    expect(terms.map((t) => t.alphaIn)).toEqual([333_333, 333_333]);
  });
});

describe('subnetTerms properties', () => {
  const rules: InjectionCapRule[] = [
    'alpha_emission',
    'alpha_emission_buy',
    'min_alpha_emission_block_emission',
    'root_proportion',
  ];

  it('conserves T = taoIn + excessTao; integer and non-negative parts; alpha_in within its cap', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...rules),
        fc.integer({ min: 0, max: 10 * TAO }),
        fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true })),
        fc.integer({ min: 0, max: TAO }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(TAO, TAO / 2, TAO / 4),
        (rule, taoEmission, price, alphaEmission, rootProportion, blockEmission) => {
          const t = subnetTerms(rule, { taoEmission, price, alphaEmission, rootProportion, blockEmission });
          expect(t.taoIn + t.excessTao).toBe(taoEmission);
          for (const v of [t.taoIn, t.alphaIn, t.excessTao]) {
            expect(Number.isInteger(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
          }
          const cap =
            rule === 'root_proportion'
              ? rootProportion * alphaEmission
              : rule === 'min_alpha_emission_block_emission'
                ? Math.min(alphaEmission, blockEmission)
                : alphaEmission;
          expect(t.alphaIn).toBeLessThanOrEqual(cap);
          if (rule === 'alpha_emission') expect(t.excessTao).toBe(0);
          // A chain buy happens only when the cap binds, and then tao_in is the capped alpha at the spot price.
          if (t.excessTao > 0) expect(Math.abs(t.taoIn - cap * price)).toBeLessThanOrEqual(1);
          expect(t.boughtAlpha === 'none').toBe(t.excessTao === 0);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
