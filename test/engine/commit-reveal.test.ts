import { describe, expect, it } from 'vitest';
import { earliestCommitBlocks } from '../../src/engine/agents/weight-commits.ts';
import type { SimulationConfig, SubnetConfig } from '../../src/engine/config.ts';
import { runSimulation } from '../../src/engine/run.ts';
import type { SubnetState } from '../../src/engine/state.ts';
import { replaceNeuron } from '../../src/engine/subnet/replace-neuron.ts';
import type { EpochRecord } from '../../src/engine/subnet-epoch.ts';
import { runEpoch } from '../../src/engine/yuma/epoch.ts';
import { createYumaWorkspace } from '../../src/engine/yuma/workspace.ts';
import { minerGroup, qualityModel, simulationConfig, validatorGroup } from '../helpers/config.ts';
import { ledgerOf, runToEnd } from '../helpers/run.ts';

/**
 * Commit-reveal in the engine (yuma.md §3.5 step 4, §3.15): a submission made at epoch k is a commit
 * (last_update stamped at once) that enters the weights matrix at epoch k + period, before that epoch's
 * Yuma; the epoch masks a validator's weights to uids registered after its earliest unrevealed commit.
 */

const TEMPO = 10;

function config(
  period: number | null,
  subnet: Partial<SubnetConfig> = {},
  blocks = 30 * TEMPO,
  seed = 5,
): SimulationConfig {
  return simulationConfig(
    {
      tempo: TEMPO,
      maxUids: 12,
      commitReveal: { enabled: period !== null, revealPeriodEpochs: period ?? 1 },
      validators: [validatorGroup({ count: 3, noise: 0.2, tasks: 4 })],
      miners: [minerGroup({ count: 6, quality: qualityModel({ noise: 0.02 }) })],
      ...subnet,
    },
    seed,
    blocks,
  );
}

/** uid i's row of the weights matrix (the first n entries), as stored u16 values. */
function row(subnet: SubnetState, i: number): number[] {
  const from = i * subnet.capacity;
  return Array.from(subnet.weights.subarray(from, from + subnet.n));
}

function normalised(values: number[]): number[] {
  const sum = values.reduce((s, v) => s + v, 0);
  return values.map((v) => (sum > 0 ? v / sum : 0));
}

/** Per epoch: what `onEpoch` returns, read while the record is valid (the weights Yuma used, etc.). */
function collect<T>(cfg: SimulationConfig, onEpoch: (r: EpochRecord) => T): T[] {
  const out: T[] = [];
  runToEnd(cfg, (r) => out.push(onEpoch(r)));
  return out;
}

describe('commit-reveal: reveal timing', () => {
  it.each([1, 3])(
    'period %i: the rows committed at epoch k are the weights of epoch k + period, not before',
    (p) => {
      // Honest validators' observations do not depend on weights, so the run without commit-reveal shows
      // what each epoch's submissions were.
      const direct = collect(config(null), (r) => [0, 1, 2].map((i) => row(r.subnet, i)));
      const delayed = collect(config(p), (r) => [0, 1, 2].map((i) => row(r.subnet, i)));
      expect(delayed).toHaveLength(30);
      for (let e = 0; e < delayed.length; e++) {
        for (let i = 0; i < 3; i++) {
          if (e < p) expect(delayed[e][i].every((w) => w === 0)).toBe(true);
          else expect(delayed[e][i]).toEqual(direct[e - p][i]);
        }
      }
      // The rows do change from epoch to epoch, so the comparison above pins the lag exactly.
      for (let e = p + 1; e < delayed.length; e++) expect(delayed[e][0]).not.toEqual(delayed[e - 1][0]);
    },
  );

  it('a commit is stamped as last_update at once, and is the earliest unrevealed commit until revealed', () => {
    const p = 3;
    const blocks: number[] = [];
    collect(config(p), (r) => {
      blocks.push(r.block);
      const e = r.epoch;
      const committedAt = r.block - 1; // validators submit in the block before the epoch
      const earliest = earliestCommitBlocks(r.subnet, new Float64Array(r.n));
      for (let i = 0; i < 3; i++) {
        expect(r.subnet.neurons.lastUpdate[i]).toBe(committedAt);
        // Unrevealed after epoch e: the commits of epochs e − p + 1 … e.
        expect(earliest[i]).toBe(blocks[Math.max(0, e - p + 1)] - 1);
        expect(r.result.active[i]).toBe(1);
      }
      for (let j = 3; j < r.n; j++) expect(earliest[j]).toBe(Number.POSITIVE_INFINITY);
    });
  });

  it('lazy validators: last_update moves only when they commit; their weights follow period epochs later', () => {
    const p = 2;
    const lazy = { validators: [validatorGroup({ count: 2, behaviour: 'lazy', resubmitEveryEpochs: 4 })] };
    const direct = collect(config(null, lazy), (r) => row(r.subnet, 0));
    const seen = collect(config(p, lazy), (r) => ({
      block: r.block,
      lastUpdate: r.subnet.neurons.lastUpdate[0],
      row: row(r.subnet, 0),
    }));
    for (let e = 0; e < seen.length; e++) {
      expect(seen[e].lastUpdate).toBe(seen[e - (e % 4)].block - 1); // commits at epochs 0, 4, 8, …
      if (e < p) expect(seen[e].row.every((w) => w === 0)).toBe(true);
      else expect(seen[e].row).toEqual(direct[e - p - ((e - p) % 4)]); // the newest commit revealed by e
    }
    expect(seen[6].row).not.toEqual(seen[5].row); // the commit of epoch 4 lands at epoch 6
  });
});

describe('commit-reveal: weight copiers', () => {
  /** One honest validator with 90 % of the stake sets the consensus; one weight copier copies it. */
  const copiers = (period: number | null) =>
    config(period, {
      validators: [
        validatorGroup({ count: 1, stake: 9000, noise: 0.2, tasks: 4 }),
        validatorGroup({ count: 1, behaviour: 'weight_copier' }),
      ],
    });

  it.each([
    [null, 1],
    [1, 2],
    [3, 4],
  ])("period %s: the copier's row in W is the honest row of %i epochs earlier", (p, lag) => {
    const rows = collect(copiers(p), (r) => [normalised(row(r.subnet, 0)), normalised(row(r.subnet, 1))]);
    let compared = 0;
    for (let e = 2 * lag + 2; e < rows.length; e++) {
      const [, copier] = rows[e];
      const honestThen = rows[e - lag][0].map((w, j) => (j === 1 ? 0 : w)); // the copier leaves itself out
      const expected = normalised(honestThen);
      for (let j = 0; j < expected.length; j++) expect(copier[j]).toBeCloseTo(expected[j], 4);
      // …and not the honest row of the epoch itself (the consensus moves every epoch).
      const honestNow = normalised(rows[e][0].map((w, j) => (j === 1 ? 0 : w)));
      expect(Math.max(...copier.map((w, j) => Math.abs(w - honestNow[j])))).toBeGreaterThan(1e-3);
      compared++;
    }
    expect(compared).toBeGreaterThan(15);
  });
});

describe('commit-reveal: the mask and deregistration', () => {
  it('drops weights to a uid registered after the validator’s earliest unrevealed commit (§3.5 step 4)', () => {
    const p = 2;
    const j = 5; // a miner
    const run = runSimulation(config(p, {}, 12 * TEMPO));
    let replacedAt = -1;
    let checked = false;
    for (let step = run.next(); !step.done; step = run.next()) {
      const r = step.value;
      if (r.kind !== 'epoch') continue;
      const s = r.subnet;
      const n = r.n;
      if (r.epoch === 6) {
        // j gets a new occupant one block after epoch 6: after the commit of epoch 6, before that of 7.
        replacedAt = r.block + 1;
        replaceNeuron(s, j, replacedAt, 1000);
      }
      if (r.epoch === 8) {
        // Now every unrevealed commit (epochs 7, 8) is younger than j: nothing masks the revealed row of
        // epoch 6, whose weight meant for j's old occupant goes to the new one (commits are opaque on chain).
        const commitBlock = earliestCommitBlocks(s, new Float64Array(n));
        for (let i = 0; i < 3; i++) expect(commitBlock[i]).toBeGreaterThan(replacedAt);
        expect(r.result.incentive[j]).toBeGreaterThan(0);
      }
      if (r.epoch !== 7) continue;
      // W holds the row committed at epoch 5 (revealed now), with a weight for j's old occupant; the
      // validators committed again after j registered, so the outdated mask (§3.5 step 3) keeps it, but
      // their commit of epoch 6 predates j and is still unrevealed: the commit-reveal mask drops it.
      const commitBlock = earliestCommitBlocks(s, new Float64Array(n));
      for (let i = 0; i < 3; i++) {
        expect(s.weights[i * s.capacity + j]).toBeGreaterThan(0);
        expect(s.neurons.lastUpdate[i]).toBeGreaterThan(replacedAt);
        expect(commitBlock[i]).toBeLessThan(replacedAt);
      }
      expect(r.result.incentive[j]).toBe(0);
      expect(r.result.incentive[j + 1]).toBeGreaterThan(0); // registered before: keeps its incentive

      // The same epoch input without commitBlock would pay j: the mask is what drops it.
      const at = (m: Float64Array | Uint8Array, i: number) => m.subarray(i * s.capacity, i * s.capacity + n);
      const weights = new Float64Array(n * n);
      const weightsPresent = new Uint8Array(n * n);
      const bonds = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        weights.set(at(s.weights, i), i * n);
        weightsPresent.set(at(s.weightsPresent, i), i * n);
      }
      const input = {
        n,
        block: r.block,
        tempo: TEMPO,
        lastEpochBlock: r.block - TEMPO,
        stake: r.stake.slice(0, n),
        weights,
        weightsPresent,
        bonds,
        lastUpdate: s.neurons.lastUpdate.slice(0, n),
        blockAtRegistration: s.neurons.blockAtRegistration.slice(0, n),
        validatorPermit: Uint8Array.from({ length: n }, (_, i) => (i < 3 ? 1 : 0)),
        ownerUid: -1,
        emission: 1e9,
      };
      const params = simulationConfig().subnets[0].yuma;
      const masked = runEpoch({ ...input, commitBlock }, params, createYumaWorkspace());
      const unmasked = runEpoch(input, params, createYumaWorkspace());
      expect(masked.incentive[j]).toBe(0);
      expect(unmasked.incentive[j]).toBeGreaterThan(0);
      checked = true;
    }
    expect(checked).toBe(true);
  });

  it('deregistering a validator drops its pending commits: nothing of it is revealed or masks later', () => {
    const p = 3;
    const run = runSimulation(config(p, {}, 12 * TEMPO));
    const after: number[][] = [];
    for (let step = run.next(); !step.done; step = run.next()) {
      const r = step.value;
      if (r.kind !== 'epoch') continue;
      const s = r.subnet;
      if (r.epoch === 5) {
        expect(earliestCommitBlocks(s, new Float64Array(r.n))[1]).toBeLessThan(r.block);
        replaceNeuron(s, 1, r.block + 1, 1000);
        expect(earliestCommitBlocks(s, new Float64Array(r.n))[1]).toBe(Number.POSITIVE_INFINITY);
        expect(row(s, 1).every((w) => w === 0)).toBe(true);
      }
      if (r.epoch > 5) after.push(row(s, 1));
    }
    // Epochs 6–8 would have revealed its commits of epochs 3–5; the uid (still seated as a validator in
    // this test) commits again from epoch 6, and that first shows at epoch 9.
    expect(after.slice(0, 3).every((w) => w.every((v) => v === 0))).toBe(true);
    expect(after[3].some((v) => v > 0)).toBe(true);
  });

  it('rings are allocated only for uids that commit, sized by the period', () => {
    const sim = runToEnd(config(4));
    const commits = sim.state.subnets[0].commits;
    expect(commits).not.toBeNull();
    expect(commits?.rows).toHaveLength(3);
    for (const r of commits?.rows ?? []) expect(r.length).toBe(4 * 12);
    expect(Array.from(commits?.ring ?? []).filter((k) => k >= 0)).toEqual([0, 1, 2]);
    expect(runToEnd(config(null)).state.subnets[0].commits).toBeNull();
  });
});

describe('commit-reveal: invariants', () => {
  const churn = (period: number) =>
    config(
      period,
      {
        maxUids: 10,
        immunityPeriod: 20,
        minNonImmuneUids: 2,
        validators: [
          validatorGroup({ count: 2 }),
          validatorGroup({ count: 1, behaviour: 'weight_copier' }),
          validatorGroup({ count: 1, behaviour: 'lazy', resubmitEveryEpochs: 3 }),
        ],
        miners: [minerGroup({ count: 6 })],
        registration: { perDay: 2000, miner: minerGroup({ count: 0 }) },
      },
      3000,
      9,
    );

  it.each([1, 2, 5])('period %i: alpha is conserved to the rao with registrations and pruning', (p) => {
    const cfg = churn(p);
    let pruned = 0;
    const sim = runToEnd(cfg, (r) => {
      pruned += r.pruned;
    });
    const l = ledgerOf(sim.state.subnets[0], cfg.subnets[0]);
    expect(l.balances + l.departed + l.owner + l.burned + l.pending).toBe(l.emitted);
    expect(l.emitted).toBe(3000n * 1_000_000_000n);
    expect(pruned).toBeGreaterThan(20);
  });

  it('is deterministic: the same config gives the same state, and the period changes it', () => {
    const snapshot = (cfg: SimulationConfig) => {
      const s = runToEnd(cfg).state.subnets[0];
      return {
        balance: Array.from(s.neurons.balance, String),
        weights: Array.from(s.weights),
        lastUpdate: Array.from(s.neurons.lastUpdate),
        commits: s.commits?.rows.map((r) => Array.from(r)),
      };
    };
    const a = snapshot(churn(2));
    expect(snapshot(churn(2))).toEqual(a);
    expect(snapshot(churn(3)).balance).not.toEqual(a.balance);
  });
});
