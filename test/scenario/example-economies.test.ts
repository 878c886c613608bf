import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/engine/run.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';

/**
 * The example economies do what their comments (and README "Example economies") say, on a shortened
 * run: halving.yaml crosses the first halving after ~20 000 blocks; eras.yaml follows each era's rules.
 */
async function load(file: string, overrides: string[]) {
  const loaded = await loadScenarioFile(new URL(`../../scenarios/${file}`, import.meta.url).pathname, {
    overrides,
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return compileScenario(loaded.scenario);
}

describe('scenarios/halving.yaml', () => {
  it('block emission halves from 1 to 0.5 TAO once 10.5 M TAO are issued, and tao_in halves with it', async () => {
    const config = await load('halving.yaml', ['duration=22000', 'network.sample_every=500']);
    const samples: { block: number; emission: number; issuance: bigint; taoIn: number }[] = [];
    const run = runSimulation(config);
    for (let step = run.next(); !step.done; step = run.next()) {
      const e = step.value;
      if (e.kind !== 'sample') continue;
      const m = e.network.markets[0];
      samples.push({
        block: e.block,
        emission: e.network.blockEmission,
        issuance: e.network.ledger.totalIssuance,
        taoIn: m.taoIn + m.excessTao,
      });
    }
    const crossing = samples.findIndex((s) => s.emission === 5e8);
    expect(crossing).toBeGreaterThan(0);
    expect(samples.slice(0, crossing).every((s) => s.emission === 1e9)).toBe(true);
    expect(samples.slice(crossing).every((s) => s.emission === 5e8)).toBe(true);
    // 20 000 TAO at 1 TAO a block: the crossing lies between 19 000 and 21 000 blocks.
    expect(samples[crossing].block).toBeGreaterThan(19_000);
    expect(samples[crossing].block).toBeLessThanOrEqual(21_000);
    expect(samples[crossing - 1].issuance).toBeLessThan(10_500_000_000_000_000n);
    expect(samples[crossing].issuance).toBeGreaterThanOrEqual(10_500_000_000_000_000n);
    // Subnet 1's TAO emission (tao_in + chain buy) halves, its share moving only slowly.
    expect(samples[crossing].taoIn / samples[crossing - 1].taoIn).toBeCloseTo(0.5, 2);
  });
});

describe('scenarios/eras.yaml', () => {
  async function lastSample(era: string) {
    const config = await load('eras.yaml', [`network.era=${era}`, 'duration=3d']);
    const run = runSimulation(config);
    let excess = 0;
    let last: ReturnType<typeof snapshot> | null = null;
    const snapshot = (e: {
      network: { markets: { share: number; movingPrice: number; flowEma: number; minerBurned: number }[] };
    }) =>
      e.network.markets.map((m) => ({
        share: m.share,
        price: m.movingPrice,
        flow: m.flowEma,
        burned: m.minerBurned,
      }));
    for (let step = run.next(); !step.done; step = run.next()) {
      const e = step.value;
      if (e.kind !== 'sample') continue;
      for (const m of e.network.markets) excess += m.excessTao;
      last = snapshot(e);
    }
    return { excess, last: last! };
  }

  it('2025-02: no chain buys (all of T injected); shares by EMA price', async () => {
    const { excess, last } = await lastSample('2025-02');
    expect(excess).toBe(0);
    const prices = last.reduce((s, m) => s + m.price, 0);
    // The other subnets (count auto) share the emission too: the scenario's shares keep the price ratios.
    expect(last[0].share / last[1].share).toBeCloseTo(last[0].price / last[1].price, 6);
    expect(prices).toBeGreaterThan(0);
  });

  it('2025-11: shares follow the stakers’ TAO flow EMA', async () => {
    const { last } = await lastSample('2025-11');
    const flows = last.map((m) => Math.max(m.flow, 0));
    const total = flows.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    for (let k = 0; k < 3; k++) expect(last[k].share).toBeCloseTo(flows[k] / total, 3);
  });

  it('2026-06: subnet 3 burns half its miners’ incentive and gets half the share its EMA price would', async () => {
    const { last } = await lastSample('2026-06');
    expect(last[2].burned).toBeCloseTo(0.5, 6);
    const byPrice = last[2].price / last[0].price;
    expect(last[2].share / last[0].share).toBeCloseTo(byPrice * 0.5, 6);
  });
});
