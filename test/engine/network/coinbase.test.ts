import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/init.ts';
import { createCoinbaseScratch, runCoinbase } from '../../../src/engine/network/coinbase.ts';
import { configFromYaml } from '../../helpers/scenario.ts';

const TAO = 1e9;

/**
 * emissions.md §4.3 example D through one block of the coinbase: E = 0.5 TAO (issuance past 10.5 M),
 * share 10 % (the other subnets' EMA prices sum to 1.8 against ours 0.2; Σ > 1, so root sells), spot p = 0.1, A = 1 α, ρ = 0.30
 * (w 0.18 · R 4 M TAO = 720 k against I = 1.68 M alpha), owner cut 18 %:
 * T = 0.05 TAO; uncapped alpha_in 0.5 α > cap ρ·A = 0.3 α → alpha_in 0.3, tao_in 0.03, excess 0.02 (chain
 * buy); alpha_out 1 α = owner 0.17999 + server 0.41 + root 0.123 + validator 0.287.
 */
const exampleD = `
network:
  total_issuance: 10600000
  tao_weight: 0.18
  root: { stake: 4000000 }
  other_subnets: { count: 9, moving_price: 0.2 }
subnets:
  - netuid: 1
    pool: { tao: 10000, alpha: 100000 }
    moving_price: 0.2
    alpha_issuance: 1579000 # + pool 100 000 + stakes 1 000 = 1.68 M
    validators: { count: 1, stake: 1000 }
    miners: { count: 1 }
`;

describe('runCoinbase (emissions.md §1 a–g)', () => {
  it('reproduces §4.3 example D', () => {
    const config = configFromYaml(exampleD);
    const sim = createSimulation(config);
    const scratch = createCoinbaseScratch(1);
    runCoinbase(sim.network, sim.state.subnets, config.subnets, config.network, 1, scratch);
    const m = sim.network.markets[0];
    const s = sim.state.subnets[0];
    expect(sim.network.blockEmission).toBe(0.5 * TAO);
    expect(m.share).toBeCloseTo(0.1, 12);
    expect(m.alphaIn).toBe(0.3 * TAO);
    expect(m.taoIn).toBe(0.03 * TAO);
    expect(m.excessTao).toBe(0.02 * TAO);
    expect(m.protocolAlpha).toBeGreaterThan(0.19 * TAO); // 0.02 TAO buys ~0.2 α at p ≈ 0.1
    expect(m.alphaEmission).toBe(1 * TAO);
    expect(s.pendingOwner).toBe(Math.floor((TAO * 11_796) / 65_535)); // 0.17999… α
    expect(s.pendingServer / TAO).toBeCloseTo(0.41, 5);
    expect(m.pendingRoot / TAO).toBeCloseTo(0.123, 5);
    expect(s.pendingValidator / TAO).toBeCloseTo(0.287, 5);
    // TAO minted = Δ total issuance: this subnet's 0.05 plus the other subnets' 0.45.
    expect(sim.network.ledger.mintedTao).toBe(BigInt(0.5 * TAO));
  });

  it('with Σ EMA price ≤ 1 root alpha is recycled, not pending (§1 d)', () => {
    const config = configFromYaml(
      exampleD
        .replace('moving_price: 0.2 }', 'moving_price: 0.01 }')
        .replace('moving_price: 0.2\n', 'moving_price: 0.01\n'),
    );
    const sim = createSimulation(config);
    runCoinbase(sim.network, sim.state.subnets, config.subnets, config.network, 1, createCoinbaseScratch(1));
    const m = sim.network.markets[0];
    expect(m.pendingRoot).toBe(0);
    expect(m.recycledAlpha).toBeCloseTo(0.123 * TAO, -4);
  });

  it('2025-02 era: alpha_in = min(T/p, A), tao_in = T, no chain buy, root alpha sold at once', () => {
    const config = configFromYaml(exampleD.replace('network:', 'network:\n  era: "2025-02"'));
    const sim = createSimulation(config);
    runCoinbase(sim.network, sim.state.subnets, config.subnets, config.network, 1, createCoinbaseScratch(1));
    const m = sim.network.markets[0];
    expect(m.taoIn).toBe(0.05 * TAO);
    expect(m.alphaIn).toBe(0.5 * TAO); // T/p = 0.5 α < A = 1 α
    expect(m.excessTao).toBe(0);
    expect(m.pendingRoot).toBe(0);
    expect(m.pendingRootTao).toBeGreaterThan(0.012 * TAO); // 0.123 α sold at ~0.1
  });
});
