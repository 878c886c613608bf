import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emaAlphaCappedInto, emaInto } from '../../../src/engine/math/ema.ts';
import { runEpoch } from '../../../src/engine/yuma/epoch.ts';
import { runEpochScript } from '../../../src/engine/yuma/epoch-script.ts';
import type { EpochScript } from '../../../src/engine/yuma/epoch-script-types.ts';
import { alphaSigmoid, liquidAlphaMatrix } from '../../../src/engine/yuma/liquid-alpha.ts';
import { input, params, row } from './build.ts';
import { bondAt } from './case-check.ts';

const low = 6553 / 65535;
const high = 19660 / 65535;

describe('alphaSigmoid (§3.11)', () => {
  it('C8 epoch 0: buying at consensus gives α = 0.1 + 0.2·σ(10·(0 − 0.5)) = 0.10134', () => {
    // spec §7 C8 "Check of the first number": weight 1, consensus 1, no bond.
    const a = alphaSigmoid(1, 1, 0, 0.1, 0.3, 1000);
    expect(a).toBeCloseTo(0.1 + 0.2 / (1 + Math.exp(5)), 15);
    expect(a).toBeCloseTo(0.10134, 5);
  });

  it('selling uses d = b − w; large disagreement pushes α towards α_high', () => {
    // b = 1, w = 0 → d = 1 → σ(5).
    expect(alphaSigmoid(0, 0, 1, 0.1, 0.3, 1000)).toBeCloseTo(0.1 + 0.2 / (1 + Math.exp(-5)), 15);
    expect(alphaSigmoid(0, 1, 0, 0.1, 0.3, 1000)).toBeGreaterThan(alphaSigmoid(1, 1, 0, 0.1, 0.3, 1000));
  });

  it('clamps the exponent to [−20, 20] and the result to [α_low, α_high]', () => {
    // steepness 10⁶ would give exp(±5000); clamped it is exp(∓20).
    expect(alphaSigmoid(0, 1, 0, 0.1, 0.3, 1e6)).toBeCloseTo(0.1 + 0.2 / (1 + Math.exp(-20)), 15);
    expect(alphaSigmoid(1, 1, 0, 0.1, 0.3, 1e6)).toBeCloseTo(0.1 + 0.2 / (1 + Math.exp(20)), 15);
    expect(alphaSigmoid(0.3, 0.6, 0.1, 0.2, 0.2, 1000)).toBe(0.2);
  });
});

describe('C15 test_liquid_alpha_equal_values_against_itself', () => {
  // opentensor/subtensor@14bc6f9 tests/math.rs via compute_bonds (dense): 4×3 matrices, padded here
  // with a zero 4th column to the square shape the engine uses (its α does not matter: 0 stays 0).
  const W = [0, 0.1, 0, 0, 0.2, 0.4, 0, 0.3, 0.1, 0, 0.4, 0.5];
  const B = [0.1, 0.1, 0.5, 0, 0, 0.4, 0.5, 0.1, 0.1, 0, 0.4, 0.2];
  const pad = (m: number[]) =>
    Float64Array.from({ length: 16 }, (_, k) => (k % 4 === 3 ? 0 : m[(k >> 2) * 3 + (k % 4)]));
  const w = pad(W);
  const b = pad(B);
  const consensus = Float64Array.from([0.3, 0.2, 0.1, 0.4]);

  it('α_low = α_high = 6553/65535 matches the constant α of BMA 900 000 within 1e-3', () => {
    const eq = 6553 / 65535;
    const alphas = liquidAlphaMatrix({ values: w, present: new Uint8Array(16).fill(1) }, b, consensus, {
      alphaLow: eq,
      alphaHigh: eq,
      steepness: 1000,
    });
    const on = emaAlphaCappedInto(w, b, alphas);
    const off = emaInto(w, b, 1 - 900_000 / 1e6);
    on.forEach((v, k) => {
      expect(Math.abs(v - off[k])).toBeLessThan(1e-3);
    });
    // Not vacuous: the bonds did move.
    expect(on.some((v, k) => Math.abs(v - b[k]) > 0.01)).toBe(true);
  });

  it('same through whole Yuma3 epochs (test_yuma_3_stable_miner schedule)', () => {
    const path = fileURLToPath(new URL('../../cases/yuma/test_yuma_3_stable_miner.json', import.meta.url));
    const script = JSON.parse(readFileSync(path, 'utf8')) as EpochScript;
    const withParams = (p: object): EpochScript => ({ ...script, params: { ...script.params, ...p } });
    const on = runEpochScript(withParams({ liquid_alpha: true, alpha_low: 6553, alpha_high: 6553 }));
    const off = runEpochScript(withParams({ liquid_alpha: false, bonds_moving_average: 900_000 }));
    let compared = 0;
    on.forEach((o, k) => {
      for (let i = 0; i < script.n; i++) {
        for (let j = 0; j < script.n; j++) {
          const a = bondAt(o!.bonds_u16, i, j);
          expect(Math.abs(a - bondAt(off[k]!.bonds_u16, i, j)) / 65535).toBeLessThan(1e-3);
          if (a > 0) compared++;
        }
      }
    });
    expect(compared).toBeGreaterThan(20);
  });
});

describe('Yuma3 bonds with liquid alpha (§3.11(b), quirks Q1 and Q7)', () => {
  const la = { enabled: true, alphaLow: low, alphaHigh: high, steepness: 1000 };
  // V0 and V1 both bond miners 2 and 3; this epoch V0 weights only miner 2.
  const spec = {
    n: 4,
    stake: [1, 1, 0, 0],
    bonds: { 0: { 2: 30000, 3: 30000 }, 1: { 2: 30000 } },
    block: 100,
  };
  const b = 30000 / 65535;
  const decayed = Math.floor((1 - alphaSigmoid(0, 0, b, low, high, 1000)) * b * 65535);

  it("sparse (chain): a bond to a column absent from W̃'s row drops to 0", () => {
    const r = runEpoch(
      input({ ...spec, weights: { 0: { 2: 65535 }, 1: { 2: 65535 } } }),
      params({ version: 'yuma3', liquidAlpha: la, sparseLiquidAlpha: true }),
    );
    expect(Array.from(r.consensus)).toEqual([0, 0, 1, 0]);
    expect(row(r.bonds, 4, 0)[3]).toBe(0);
    // The present column moves by α towards the weight: α·1 + (1−α)·b.
    const a = alphaSigmoid(1, 1, b, low, high, 1000);
    expect(row(r.bonds, 4, 0)[2]).toBe(Math.floor((a + (1 - a) * b) * 65535));
  });

  it('dense (sparseLiquidAlpha false): the same bond decays by (1 − α)', () => {
    const r = runEpoch(
      input({ ...spec, weights: { 0: { 2: 65535 }, 1: { 2: 65535 } } }),
      params({ version: 'yuma3', liquidAlpha: la, sparseLiquidAlpha: false }),
    );
    expect(row(r.bonds, 4, 0)[3]).toBe(decayed);
    expect(decayed).toBeGreaterThan(0);
  });

  it('an explicit zero weight keeps the column present, so it decays on chain too', () => {
    const r = runEpoch(
      input({ ...spec, weights: { 0: { 2: 65535, 3: 0 }, 1: { 2: 65535 } } }),
      params({ version: 'yuma3', liquidAlpha: la, sparseLiquidAlpha: true }),
    );
    expect(row(r.bonds, 4, 0)[3]).toBe(decayed);
  });

  it('without liquid alpha the constant α decays absent columns (union of entries)', () => {
    const r = runEpoch(
      input({ ...spec, weights: { 0: { 2: 65535 }, 1: { 2: 65535 } } }),
      params({ version: 'yuma3', bondsMovingAverage: 975_000 }),
    );
    expect(row(r.bonds, 4, 0)[3]).toBe(Math.floor(0.975 * b * 65535));
  });

  it('dividends are A_i·Σ_j B̂_ij·I_j, normalised', () => {
    const r = runEpoch(
      input({ ...spec, stake: [3, 1, 0, 0], weights: { 0: { 2: 65535 }, 1: { 2: 65535 } } }),
      params({ version: 'yuma3', bondsMovingAverage: 975_000 }),
    );
    // I = [0,0,1,0]; both bonds on miner 2 are equal (same weight and same old bond) → B̂ = ½ each,
    // so D ∝ A = [.75, .25].
    expect(r.dividends[0]).toBeCloseTo(0.75, 12);
    expect(r.dividends[1]).toBeCloseTo(0.25, 12);
  });

  it('original Yuma ignores liquid alpha (Q7)', () => {
    const x = input({ ...spec, weights: { 0: { 2: 65535 }, 1: { 2: 65535, 3: 30000 } } });
    expect(runEpoch(x, params({ liquidAlpha: la }))).toEqual(runEpoch(x, params()));
  });
});
