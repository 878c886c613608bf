import { describe, expect, it } from 'vitest';
import type { PriceModel } from '../../../src/engine/market/price-model.ts';
import { generatePricePath } from '../../../src/engine/market/price-path.ts';
import { createRng } from '../../../src/engine/rng.ts';
import { applyPriceShocks } from '../../../src/engine/shocks/price-shocks.ts';

/**
 * TAO/USD paths against their laws: the moments of daily log returns pooled over many seeds must fall
 * within sampling error of the model's (GBM: mean (μ − σ²/2)·dt, variance σ²·dt; Merton adds the
 * compound-Poisson jumps and compensates the drift), and a regime chain's transition frequencies
 * within sampling error of its matrix. Tolerances are 4 standard errors: a correct generator fails
 * about once in 16 000 runs, a wrong drift or variance by more than that fails always.
 */

const DT = 1 / 365;

function logReturns(model: PriceModel, seeds: number, days: number): Float64Array {
  const out = new Float64Array(seeds * days);
  for (let s = 0; s < seeds; s++) {
    const { usd } = generatePricePath(model, days, createRng(s + 1, 'market/tao-usd'));
    for (let d = 0; d < days; d++) out[s * days + d] = Math.log(usd[d + 1] / usd[d]);
  }
  return out;
}

function moments(xs: Float64Array) {
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    m2 += (x - mean) ** 2;
    m4 += (x - mean) ** 4;
  }
  const variance = m2 / (xs.length - 1);
  return { mean, variance, m4: m4 / xs.length, n: xs.length };
}

describe('constant', () => {
  it('is the initial price every day', () => {
    const { usd } = generatePricePath({ model: 'constant', initial: 412.5 }, 30, createRng(1, 'x'));
    expect(usd.length).toBe(31);
    expect([...usd].every((p) => p === 412.5)).toBe(true);
  });
});

describe('GBM', () => {
  it('daily log returns have mean (μ − σ²/2)·dt and variance σ²·dt, over 200 seeds × 365 days', () => {
    const mu = 0.3;
    const sigma = 0.9;
    const r = moments(logReturns({ model: 'gbm', initial: 400, drift: mu, volatility: sigma }, 200, 365));
    const mean = (mu - sigma ** 2 / 2) * DT;
    const variance = sigma ** 2 * DT;
    expect(Math.abs(r.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / r.n));
    // SE of a normal sample's variance: σ²·√(2/(n−1)).
    expect(Math.abs(r.variance - variance)).toBeLessThan(4 * variance * Math.sqrt(2 / (r.n - 1)));
  });

  it('the same seed draws the same path, another seed another', () => {
    const model: PriceModel = { model: 'gbm', initial: 400, drift: 0, volatility: 0.8 };
    const a = generatePricePath(model, 100, createRng(7, 'market/tao-usd')).usd;
    const b = generatePricePath(model, 100, createRng(7, 'market/tao-usd')).usd;
    const c = generatePricePath(model, 100, createRng(8, 'market/tao-usd')).usd;
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(a[100]).not.toBe(c[100]);
  });
});

describe('Merton jump-diffusion', () => {
  it('log returns: mean (μ − σ²/2 − λκ)·dt + λ·dt·m and variance σ²·dt + λ·dt·(s² + m²)', () => {
    const mu = 0.1;
    const sigma = 0.5;
    const jumps = { rate: 12, mean: -0.08, sd: 0.1 };
    const model: PriceModel = { model: 'merton', initial: 400, drift: mu, volatility: sigma, jumps };
    const r = moments(logReturns(model, 200, 365));
    const kappa = Math.exp(jumps.mean + jumps.sd ** 2 / 2) - 1;
    const lam = jumps.rate * DT;
    const mean = (mu - sigma ** 2 / 2 - jumps.rate * kappa) * DT + lam * jumps.mean;
    const variance = sigma ** 2 * DT + lam * (jumps.sd ** 2 + jumps.mean ** 2);
    expect(Math.abs(r.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / r.n));
    // Jumps make the tails heavy: the variance's SE from the sample's own fourth moment.
    expect(Math.abs(r.variance - variance)).toBeLessThan(4 * Math.sqrt((r.m4 - r.variance ** 2) / r.n));
    // and they show: excess kurtosis well above a normal's 0.
    expect(r.m4 / r.variance ** 2 - 3).toBeGreaterThan(1);
  });
});

describe('Markov regime switching', () => {
  const regimes = [
    { name: 'bull', drift: 0.8, volatility: 0.6 },
    { name: 'bear', drift: -0.7, volatility: 0.9 },
    { name: 'crash', drift: -3, volatility: 1.5 },
  ];
  // Rows sum to 1: from bull, 2 % a day to bear and 0.5 % to crash; and so on.
  const P = [
    [0.975, 0.02, 0.005],
    [0.03, 0.96, 0.01],
    [0.1, 0.2, 0.7],
  ];
  const model: PriceModel = {
    model: 'regimes',
    initial: 400,
    regimes,
    transitions: Float64Array.from(P.flat()),
    start: 0,
  };

  it('transition frequencies match the matrix within sampling error over 200 000 days', () => {
    const { regime } = generatePricePath(model, 200_000, createRng(11, 'market/tao-usd'));
    const counts = [0, 0, 0].map(() => [0, 0, 0]);
    for (let d = 1; d < regime!.length; d++) counts[regime![d - 1]][regime![d]]++;
    for (let i = 0; i < 3; i++) {
      const n = counts[i].reduce((a, b) => a + b, 0);
      expect(n).toBeGreaterThan(1000);
      for (let j = 0; j < 3; j++) {
        const se = Math.sqrt((P[i][j] * (1 - P[i][j])) / n);
        expect(Math.abs(counts[i][j] / n - P[i][j])).toBeLessThan(4 * se + 1e-12);
      }
    }
  });

  it("each day's log return follows its regime's drift and volatility", () => {
    const { usd, regime } = generatePricePath(model, 200_000, createRng(12, 'market/tao-usd'));
    const bear: number[] = [];
    for (let d = 0; d + 1 < usd.length; d++) if (regime![d] === 1) bear.push(Math.log(usd[d + 1] / usd[d]));
    const r = moments(Float64Array.from(bear));
    const variance = 0.9 ** 2 * DT;
    expect(Math.abs(r.mean - (-0.7 - 0.9 ** 2 / 2) * DT)).toBeLessThan(4 * Math.sqrt(variance / r.n));
    expect(Math.abs(r.variance - variance)).toBeLessThan(4 * variance * Math.sqrt(2 / (r.n - 1)));
  });

  it('starts in the start regime', () => {
    const { regime, regimeNames } = generatePricePath({ ...model, start: 2 }, 5, createRng(1, 'x'));
    expect(regimeNames[regime![0]]).toBe('crash');
  });
});

describe('historical', () => {
  it('interpolates linearly between points and holds the ends', () => {
    const model: PriceModel = {
      model: 'historical',
      points: [
        { day: 2, price: 100 },
        { day: 6, price: 300 },
        { day: 7.5, price: 150 },
      ],
    };
    const { usd } = generatePricePath(model, 10, createRng(1, 'x'));
    expect([...usd]).toEqual([100, 100, 100, 150, 200, 250, 300, 200, 150, 150, 150]);
  });
});

describe('TAO/USD shocks', () => {
  it('an instant shock scales every price from its day on', () => {
    const usd = new Float64Array(10).fill(400);
    applyPriceShocks(usd, [{ kind: 'tao_usd', block: 3 * 7200, overBlocks: 0, change: -0.5, label: '' }]);
    expect([...usd]).toEqual([400, 400, 400, 200, 200, 200, 200, 200, 200, 200]);
  });

  it("a spread shock compounds geometrically over its window and keeps the path's own moves", () => {
    const usd = Float64Array.from({ length: 10 }, (_, d) => 100 + d);
    applyPriceShocks(usd, [
      { kind: 'tao_usd', block: 2 * 7200, overBlocks: 4 * 7200, change: -0.75, label: '' },
    ]);
    expect(usd[2]).toBe(102);
    expect(usd[3]).toBeCloseTo(103 * 0.25 ** 0.25, 10);
    expect(usd[4]).toBeCloseTo(104 * 0.5, 10);
    expect(usd[6]).toBeCloseTo(106 * 0.25, 10);
    expect(usd[9]).toBeCloseTo(109 * 0.25, 10);
  });
});
