import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeRun } from '../../src/output/write-run.ts';
import { ledgerOf, raoOf, runToEnd } from '../helpers/run.ts';
import { configFromYaml } from '../helpers/scenario.ts';

/**
 * Conservation to the rao: every alpha the subnet issued (alphaOutIssued − initial) sits somewhere —
 * in a current balance, with a departed neuron, with the owner, in the burned dust or in a pending
 * bucket — exactly, in bigint. Emission itself is checked against emissions.md §2.1 (1 alpha a block).
 */

const withPruning = `
seed: 4
duration: 5000
subnets:
  - tempo: 50
    max_uids: 14
    immunity_period: 20
    min_non_immune_uids: 2
    validators: { count: 3, stake: 1000, weights: { rule: softmax, temperature: 0.05 } }
    miners: { count: 9 }
    registration: { per_day: 150 }
`;

const mixed = `
seed: 21
duration: 3000
subnets:
  - netuid: 1
    tempo: 40
    max_uids: 20
    # Alpha issuance = pool alpha (500 000) + stakes (8 000) + this: 9.75 alpha below the first halving
    # (10.5M), crossed ten blocks in. No TAO emission (no alpha injected) and no burn (no alpha
    # destroyed) keep issuance growing by exactly the alpha_out of each block.
    alpha_issuance: 9991990.25
    emission_enabled: false
    burn: { initial: 0, min: 0 }
    validators:
      count: 6
      weights: { rule: top_k, k: 3 }
      groups:
        - { count: 1, behaviour: lazy, resubmit_every: 4 }
        - { count: 1, behaviour: weight_copier }
        - { count: 1, behaviour: cabal, cabal: red, stake: 3000 }
        - { count: 1, behaviour: random }
    miners:
      count: 12
      groups:
        - { count: 2, behaviour: copier, copy_lag: 2 }
        - { count: 2, behaviour: idle }
        - { count: 2, cabal: red }
    registration: { per_day: 60 }
  - netuid: 2
    tempo: 25
    max_uids: 10
    owner_cut: 0.5
    yuma: { version: yuma1 }
    validators: { count: 2, stake: 10 }
    miners: { count: 8, stake: 1 }
    registration: { per_day: 100 }
`;

// Nobody holds stake: every epoch falls to the stake-proportional fallback (yuma.md §3.12) with all
// stake 0, so nothing can be paid and each drained epoch is burned whole.
const nobodyPaid = `
seed: 3
duration: 4000
network: { root: { stake: 0 } } # no root stakers: the whole validator half is the validators'
subnets:
  - tempo: 50
    max_uids: 12
    validators: { count: 3, stake: 0 }
    miners: { count: 9 }
`;

function conserved(yaml: string) {
  const config = configFromYaml(yaml);
  let registrations = 0;
  let pruned = 0;
  const sim = runToEnd(config, (r) => {
    registrations += r.registrations;
    pruned += r.pruned;
  });
  const ledgers = sim.state.subnets.map((s, k) => ledgerOf(s, config.subnets[k], sim.network.markets[k]));
  for (const l of ledgers) {
    expect(l.balances + l.departed + l.owner + l.burned + l.pending + l.root).toBe(l.emitted);
  }
  return { config, sim, ledgers, registrations, pruned };
}

describe('conservation of alpha', () => {
  it('holds to the rao with registrations and pruning, departed balances included', () => {
    const { ledgers, registrations, pruned, sim } = conserved(withPruning);
    const [l] = ledgers;
    expect(l.emitted).toBe(5_000n * 1_000_000_000n); // 5 000 blocks at 1 alpha (emissions.md §2.1)
    // The scenario must exercise what it claims to: pruned neurons took earnings with them.
    expect(registrations).toBeGreaterThan(50);
    expect(pruned).toBeGreaterThan(50);
    expect(l.departed).toBeGreaterThan(10n * 1_000_000_000n);
    expect(l.balances).toBeGreaterThan(0n);
    expect(l.owner).toBeGreaterThan(0n);
    expect(sim.state.subnets[0].n).toBe(14);
  });

  it('holds for every subnet of a mixed run (all behaviours, halving, yuma1, owner cut ½)', () => {
    const { ledgers, pruned, sim } = conserved(mixed);
    // Subnet 1 crosses 10.5M after 10 blocks (9.75 alpha left, 1 alpha a block → crosses on block 10):
    // 10·1 + 2 990·0.5 = 1 505 alpha.
    expect(ledgers[0].emitted).toBe(1_505n * 1_000_000_000n);
    expect(ledgers[1].emitted).toBe(3_000n * 1_000_000_000n);
    // Owner cut ½ on subnet 2: 5e8 rao a block, 3 000 blocks, paid out or still pending.
    const owner2 = ledgers[1].owner + BigInt(sim.state.subnets[1].pendingOwner);
    expect(owner2).toBe(1_500n * 1_000_000_000n);
    expect(pruned).toBeGreaterThan(0);
  });

  it('holds when nobody has stake and every epoch goes unpaid (burned whole)', () => {
    const { ledgers, sim } = conserved(nobodyPaid);
    const s = sim.state.subnets[0];
    expect(ledgers[0].balances).toBe(0n);
    // 4 000 blocks, epochs every 50 from block 49: 80 epochs drained 49 + 79·50 = 3 999 blocks of the
    // non-owner part; all of it burned.
    expect(s.epochsRun).toBe(80);
    expect(ledgers[0].burned + ledgers[0].owner + ledgers[0].pending + ledgers[0].root).toBe(
      ledgers[0].emitted,
    );
    expect(ledgers[0].burned).toBeGreaterThan(3_000n * 1_000_000_000n);
  });
});

describe('summary.json ledger', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('alpha_emitted = owner_cut + miner_emission + validator_emission + burned + root_stakers + pending, to the rao', async () => {
    const config = configFromYaml(mixed);
    const dir = await mkdtemp(join(tmpdir(), 'subnet-sim-ledger-'));
    dirs.push(dir);
    await writeRun(config, { dir, resolvedText: '# test\n', header: { scenario: 'mixed' } });
    const summary = JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8'));
    const sim = runToEnd(config);
    expect(summary.subnets).toHaveLength(2);
    summary.subnets.forEach((s: Record<string, string>, k: number) => {
      const parts = [
        'owner_cut',
        'miner_emission',
        'validator_emission',
        'burned',
        'root_stakers',
        'childkey_parents',
        'pending',
      ].map((f) => raoOf(s[f]));
      expect(parts.reduce((a, b) => a + b, 0n)).toBe(raoOf(s.alpha_emitted));
      // The summary's figures are the engine's own ledger.
      const l = ledgerOf(sim.state.subnets[k], config.subnets[k], sim.network.markets[k]);
      expect(raoOf(s.alpha_emitted)).toBe(l.emitted);
      expect(raoOf(s.departed_balance)).toBe(l.departed);
      expect(raoOf(s.miner_emission) + raoOf(s.validator_emission)).toBe(l.balances + l.departed);
    });
  });
});
