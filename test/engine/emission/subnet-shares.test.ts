import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rootSellFlag } from '../../../src/engine/emission/root-sell.ts';
import {
  type ShareInputs,
  type ShareRule,
  subnetShares,
} from '../../../src/engine/emission/subnet-shares.ts';

function shares(rule: ShareRule, inputs: ShareInputs, n: number): number[] {
  return Array.from(subnetShares(rule, inputs, new Float64Array(n)));
}

function expectClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  for (let i = 0; i < actual.length; i++) expect(actual[i]).toBeCloseTo(expected[i], 12);
}

describe('subnetShares: price_ema (2025-02)', () => {
  it('EMA prices 0.02 / 0.06 / 0.12 → 0.1 / 0.3 / 0.6 (Σ = 0.2)', () => {
    expectClose(shares('price_ema', { emaPrice: [0.02, 0.06, 0.12] }, 3), [0.1, 0.3, 0.6]);
  });

  it('spec §9 get_shares_ignores_root_prop_storage_when_prices_and_burns_match: equal prices → 0.5 / 0.5', () => {
    expectClose(shares('price_ema_burn', { emaPrice: [0.3, 0.3], minerBurned: [0, 0] }, 2), [0.5, 0.5]);
  });

  it('subnets outside the emit set get 0 and do not count in the total', () => {
    // emit = {0, 2}: 0.02 / (0.02 + 0.06).
    const emit = [true, false, true];
    expectClose(shares('price_ema', { emaPrice: [0.02, 0.5, 0.06], emit }, 3), [0.25, 0, 0.75]);
  });

  it('all EMA prices 0 → every share 0 (nothing emitted, as the chain’s checked_div by 0)', () => {
    expectClose(shares('price_ema', { emaPrice: [0, 0, 0] }, 3), [0, 0, 0]);
  });
});

describe('subnetShares: price_ema_burn (2026-06, current)', () => {
  it('weights the price shares by 1 − min(1, MinerBurned) and renormalises', () => {
    // ps = 0.1 / 0.1 / 0.2 ÷ 0.4 = 0.25 / 0.25 / 0.5; w = 0.25·1, 0.25·0.5, 0.5·0 (burned 1.5 → min 1)
    // = 0.25 / 0.125 / 0 → ÷ 0.375 = 2/3, 1/3, 0.
    const inputs = { emaPrice: [0.1, 0.1, 0.2], minerBurned: [0, 0.5, 1.5] };
    expectClose(shares('price_ema_burn', inputs, 3), [2 / 3, 1 / 3, 0]);
  });

  it('falls back to the plain price shares when every emitting subnet burns everything (Σw = 0)', () => {
    const inputs = { emaPrice: [0.1, 0.3], minerBurned: [1, 2] };
    expectClose(shares('price_ema_burn', inputs, 2), [0.25, 0.75]);
  });
});

describe('subnetShares: flow (2025-11) and net_flow (2026-05-27)', () => {
  it('spec §9 inplace_pow_normalize_regular_case: flows 2, 3, 5 → 0.2, 0.3, 0.5; a negative flow gets 0', () => {
    // L = max(cutoff 0, min(−4, 0)) = 0; z = 2, 3, 5, 0.
    expectClose(shares('flow', { userFlowEma: [2, 3, 5, -4] }, 4), [0.2, 0.3, 0.5, 0]);
  });

  it('a negative cutoff lowers L to the most negative flow: z = S − L', () => {
    // L = max(−10, −4) = −4; z = 6, 7, 9, 0 → ÷ 22.
    expectClose(shares('flow', { userFlowEma: [2, 3, 5, -4], flowCutoff: -10 }, 4), [
      6 / 22,
      7 / 22,
      9 / 22,
      0,
    ]);
  });

  it('spec §9 inplace_pow_normalize_fractional_exponent: z^p / Σ z^p for p in [1, 2]', () => {
    // p = 2: 4, 9, 25 → ÷ 38.
    expectClose(shares('flow', { userFlowEma: [2, 3, 5], flowExponent: 2 }, 3), [4 / 38, 9 / 38, 25 / 38]);
    for (const p of [1, 1.25, 1.5, 1.75, 2]) {
      const total = 2 ** p + 3 ** p + 5 ** p;
      const got = shares('flow', { userFlowEma: [2e9, 3e9, 5e9], flowExponent: p }, 3);
      expectClose(got, [2 ** p / total, 3 ** p / total, 5 ** p / total]);
    }
  });

  it('net flow: S − norm·P with norm = min(1, ΣS⁺ / ΣP⁺), a negative P subtracted as is', () => {
    // ΣS⁺ = 30, ΣP⁺ = 50 → norm 0.6; net = 10 − 6, 20 − 24, 0 − (−5) = 4, −4, 5 → z = 4, 0, 5 → ÷ 9.
    const inputs = { userFlowEma: [10, 20, 0], protocolFlowEma: [10, 40, -5] };
    expectClose(shares('net_flow', inputs, 3), [4 / 9, 0, 5 / 9]);
    // The plain flow rule ignores the protocol flow: 10 / 30, 20 / 30, 0.
    expectClose(shares('flow', inputs, 3), [1 / 3, 2 / 3, 0]);
  });

  it('every flow ≤ 0 → every share 0', () => {
    expectClose(shares('flow', { userFlowEma: [-1, 0, -5] }, 3), [0, 0, 0]);
  });

  it('throws when a rule’s input is missing', () => {
    expect(() => shares('flow', {}, 2)).toThrow(/userFlowEma/);
    expect(() => shares('price_ema', { emaPrice: [1] }, 2)).toThrow(/emaPrice/);
  });
});

describe('subnetShares: TAO emission disabled (§1 c)', () => {
  it('a disabled subnet gets 0 and the others are renormalised', () => {
    // ps = 0.25, 0.25, 0.5; drop the second → 0.25 / 0.75, 0, 0.5 / 0.75.
    const inputs = { emaPrice: [1, 1, 2], emissionEnabled: [true, false, true] };
    expectClose(shares('price_ema', inputs, 3), [1 / 3, 0, 2 / 3]);
  });

  it('every subnet disabled → every share 0', () => {
    const inputs = { emaPrice: [1, 2], emissionEnabled: [false, false] };
    expectClose(shares('price_ema', inputs, 2), [0, 0]);
  });
});

describe('subnetShares properties', () => {
  const n = 6;
  // Zero or a normal magnitude: subnormal values would underflow to 0 when scaled by 1e-3.
  const price = fc.oneof(fc.constant(0), fc.double({ min: 1e-12, max: 1, noNaN: true }));
  const flow = fc.oneof(
    fc.constant(0),
    fc.double({ min: 1e-3, max: 1e12, noNaN: true }),
    fc.double({ min: -1e12, max: -1e-3, noNaN: true }),
  );
  // Scaling by a power of two is exact in float, so invariance is checked without rounding noise (the net
  // flow S − norm·P can cancel catastrophically, and then any rounding of the inputs shows).
  const powerOfTwo = fc.integer({ min: -10, max: 10 }).map((e) => 2 ** e);
  const positive = fc.array(price, { minLength: n, maxLength: n });
  const flows = fc.array(flow, { minLength: n, maxLength: n });
  const mask = fc.array(fc.boolean(), { minLength: n, maxLength: n });

  function checkSimplex(values: Float64Array): void {
    let sum = 0;
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(0);
      sum += v;
    }
    if (sum !== 0) expect(sum).toBeCloseTo(1, 12);
  }

  it('price rules: shares ≥ 0, sum to 1 or are all 0, unchanged when every price is scaled', () => {
    fc.assert(
      fc.property(
        positive,
        positive,
        mask,
        mask,
        powerOfTwo,
        fc.constantFrom<ShareRule>('price_ema', 'price_ema_burn'),
        (emaPrice, minerBurned, emit, emissionEnabled, k, rule) => {
          const inputs = { emaPrice, minerBurned, emit, emissionEnabled };
          const base = subnetShares(rule, inputs, new Float64Array(n));
          checkSimplex(base);
          const scaled = subnetShares(
            rule,
            { ...inputs, emaPrice: emaPrice.map((p) => p * k) },
            new Float64Array(n),
          );
          for (let i = 0; i < n; i++) expect(scaled[i]).toBeCloseTo(base[i], 12);
          base.forEach((v, i) => {
            if (!emit[i] || !emissionEnabled[i]) expect(v).toBe(0);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('flow rules: shares ≥ 0, sum to 1 or are all 0, unchanged when every flow is scaled', () => {
    fc.assert(
      fc.property(
        flows,
        flows,
        mask,
        powerOfTwo,
        fc.constantFrom<ShareRule>('flow', 'net_flow'),
        fc.double({ min: 1, max: 2, noNaN: true }),
        (userFlowEma, protocolFlowEma, emit, k, rule, flowExponent) => {
          const inputs = { userFlowEma, protocolFlowEma, emit, flowExponent };
          const base = subnetShares(rule, inputs, new Float64Array(n));
          checkSimplex(base);
          const scaled = subnetShares(
            rule,
            {
              ...inputs,
              userFlowEma: userFlowEma.map((f) => f * k),
              protocolFlowEma: protocolFlowEma.map((f) => f * k),
            },
            new Float64Array(n),
          );
          for (let i = 0; i < n; i++) expect(scaled[i]).toBeCloseTo(base[i], 12);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('rootSellFlag (§1 d)', () => {
  it('is true only when Σ EMA price over the emit set exceeds 1', () => {
    expect(rootSellFlag([0.5, 0.5])).toBe(false);
    expect(rootSellFlag([0.5, 0.6])).toBe(true);
    expect(rootSellFlag([0.5, 0.6], [true, false])).toBe(false);
    expect(rootSellFlag([])).toBe(false);
  });
});
