import { describe, expect, it } from 'vitest';
import { defaultMarketConfig } from '../../src/engine/network/defaults.ts';
import { runSimulation } from '../../src/engine/run.ts';
import type { EpochRecord } from '../../src/engine/subnet-epoch.ts';
import { minerGroup, networkConfig, simulationConfig, validatorGroup } from '../helpers/config.ts';
import { ledgerOf, runToEnd } from '../helpers/run.ts';

const small = {
  tempo: 10,
  maxUids: 6,
  validators: [validatorGroup({ count: 2 })],
  miners: [minerGroup({ count: 4 })],
};

function epochs(config: ReturnType<typeof simulationConfig>) {
  const out: Pick<EpochRecord, 'epoch' | 'block' | 'distributed' | 'ownerCut' | 'dust'>[] = [];
  const sim = runToEnd(config, (r) =>
    out.push({
      epoch: r.epoch,
      block: r.block,
      distributed: r.distributed,
      ownerCut: r.ownerCut,
      dust: r.dust,
    }),
  );
  return { sim, out };
}

describe('runSimulation: schedule and pending buckets', () => {
  it('first epoch after tempo − (netuid mod tempo) blocks, then every tempo blocks (emissions.md §1.1)', () => {
    // netuid 3, tempo 10: LastEpochBlock starts at −3, so epochs fire at blocks 7, 17, 27, 37.
    const { out } = epochs({ ...simulationConfig({ ...small, netuid: 3 }), blocks: 45 });
    expect(out.map((e) => e.block)).toEqual([7, 17, 27, 37]);
    expect(out.map((e) => e.epoch)).toEqual([0, 1, 2, 3]);
  });

  it('each epoch drains exactly the blocks emitted since the last one; the rest stays pending', () => {
    const { sim, out } = epochs({ ...simulationConfig({ ...small, netuid: 3 }), blocks: 45 });
    // 1 alpha per block; default owner cut floor(1e9·11796/65535) = 179 995 422 rao per block.
    expect(out.map((e) => e.ownerCut)).toEqual([7, 10, 10, 10].map((b) => b * 179_995_422));
    expect(out.map((e) => e.distributed)).toEqual([7, 10, 10, 10].map((b) => b * 820_004_578));
    const s = sim.state.subnets[0];
    expect(s.pendingOwner + s.pendingServer + s.pendingValidator).toBe(8 * 1_000_000_000); // blocks 38–45
    expect(s.alphaOutIssued).toBe(45_000_000_000);
  });

  it("alpha emission halves with the subnet's own issuance (emissions.md §2.1)", () => {
    // Start 10.5 alpha below the 10.5M threshold: 11 blocks at 1 alpha cross it, then 0.5 alpha a block.
    // 100 blocks → 11 + 89·0.5 = 55.5 alpha. Issuance counts the pool's alpha and the neurons' stakes too;
    // the pool's TAO is 0 so that no chain buy or injection moves alpha between the pool and outstanding.
    const market = { ...defaultMarketConfig(), poolTao: 0 };
    const stakes = 2n * 1000n * 1_000_000_000n; // two validators of 1000 alpha
    const initial = 10_500_000_000_000_000n - 10_500_000_000n - BigInt(market.poolAlpha) - stakes;
    const config = { ...simulationConfig({ ...small, market, initialAlphaIssuance: initial }), blocks: 100 };
    const { sim, out } = epochs(config);
    const s = sim.state.subnets[0];
    expect(BigInt(s.alphaOutIssued) - initial).toBe(55_500_000_000n);
    const drained = out.reduce((sum, e) => sum + e.distributed + e.ownerCut, 0);
    expect(drained + s.pendingOwner + s.pendingServer + s.pendingValidator).toBe(55_500_000_000);
  });

  it('runs several subnets side by side, each with its own schedule and ledger', () => {
    const config = {
      seed: 4,
      blocks: 60,
      subnets: [
        simulationConfig({ ...small, netuid: 1 }).subnets[0],
        simulationConfig({ ...small, netuid: 2, tempo: 7, ownerCut: 0 }).subnets[0],
      ],
      network: networkConfig(),
    };
    const blocks: Record<number, number[]> = { 1: [], 2: [] };
    const sim = runToEnd(config, (r) => blocks[r.netuid].push(r.block));
    expect(blocks[1]).toEqual([9, 19, 29, 39, 49, 59]);
    expect(blocks[2]).toEqual([5, 12, 19, 26, 33, 40, 47, 54]); // LastEpochBlock −2, tempo 7
    sim.state.subnets.forEach((s, k) => {
      const l = ledgerOf(s, config.subnets[k]);
      expect(l.emitted).toBe(60_000_000_000n);
      expect(l.balances + l.departed + l.owner + l.burned + l.pending).toBe(l.emitted);
    });
    expect(sim.state.subnets[1].ownerBalance).toBe(0n);
  });

  it('yields nothing and emits nothing when blocks end before the first epoch', () => {
    const run = runSimulation({ ...simulationConfig(small), blocks: 5 });
    let step = run.next();
    while (!step.done) {
      expect(step.value.kind).toBe('sample'); // the last block is always sampled
      step = run.next();
    }
    expect(step.value.state.subnets[0].alphaOutIssued).toBe(5_000_000_000);
  });
});
