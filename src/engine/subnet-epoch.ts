import { advanceMiners } from './agents/advance-miners.ts';
import { createWeightScratch, submitEpochWeights, type WeightScratch } from './agents/validator-weights.ts';
import { earliestCommitBlocks, revealCommits } from './agents/weight-commits.ts';
import type { SubnetConfig } from './config.ts';
import {
  type DrainedBuckets,
  inheritedStake,
  type PayoutRules,
  parentOf,
  payEpoch,
} from './network/epoch-payout.ts';
import type { NetworkLedger, SubnetMarket } from './network/state.ts';
import type { SubnetState } from './state.ts';
import type { SubnetStreams } from './streams.ts';
import { RAO_PER_ALPHA } from './units.ts';
import { runEpoch } from './yuma/epoch.ts';
import { runEpochExact } from './yuma/exact/epoch.ts';
import type { EpochInput, EpochResult } from './yuma/types.ts';
import { createYumaWorkspace, type YumaWorkspace } from './yuma/workspace.ts';

/**
 * What one subnet epoch produced. Arrays are length n and valid only until the runner goes on (the
 * next event): `result` lives in Yuma scratch shared by every subnet, the rest in the subnet's buffers.
 * Copy what must outlive the event.
 */
export interface EpochRecord {
  kind: 'epoch';
  netuid: number;
  /** 0-based index of this subnet's epoch. */
  epoch: number;
  block: number;
  n: number;
  /** Rao drained from the pending buckets and distributed by Yuma (owner cut excluded). */
  distributed: number;
  /** Owner cut drained this epoch, rao. */
  ownerCut: number;
  /** Rao of `distributed` paid to nobody (floor dust, or all of it when no uid has stake). */
  dust: number;
  registrations: number;
  pruned: number;
  /** Per uid → alpha credited to the neuron by this epoch, rao (network/epoch-payout.ts). */
  paid: Float64Array;
  /** Per uid → stake the epoch saw, alpha. */
  stake: Float64Array;
  result: EpochResult;
  subnet: SubnetState;
}

/** The subnet's market and the payout rules an epoch needs from the economy. */
export interface EpochEconomy {
  market: SubnetMarket;
  ledger: NetworkLedger;
  rules: PayoutRules;
}

/**
 * Scratch shared by every subnet's epochs, which run one at a time: one set stays in cache, where 128
 * subnets' own sets (~1 MB each at 256 uids) would each come from memory cold at every epoch.
 */
export interface EpochScratch {
  weights: WeightScratch;
  /** Yuma scratch of the full subnets, by capacity (a subnet still filling up has its own). */
  yuma: Map<number, YumaWorkspace>;
}

/** Scratch for subnets of up to `capacity` uids. */
export function createEpochScratch(capacity: number): EpochScratch {
  return { weights: createWeightScratch(capacity), yuma: new Map() };
}

/** A subnet's buffers reused from epoch to epoch: its epoch input (re-made when the uid count changes). */
export interface EpochWorkspace {
  scratch: EpochScratch;
  input: EpochInput | null;
  /** Yuma scratch while the subnet is not full (its n×n buffers follow its uid count). */
  own: YumaWorkspace | null;
}

export function createEpochWorkspace(scratch: EpochScratch): EpochWorkspace {
  return { scratch, input: null, own: null };
}

/**
 * The Yuma scratch for this epoch: shared by the full subnets of one capacity (all the same size, so
 * nothing is re-made), the subnet's own while it fills up: shared, the n×n bond output would be re-made
 * whenever two subnets' uid counts differ, and keyed by n a growing subnet would leave a set per count.
 */
function yumaWorkspace(subnet: SubnetState, workspace: EpochWorkspace): YumaWorkspace {
  if (subnet.n !== subnet.capacity) {
    workspace.own ??= createYumaWorkspace();
    return workspace.own;
  }
  workspace.own = null;
  const shared = workspace.scratch.yuma;
  let ws = shared.get(subnet.capacity);
  if (ws === undefined) {
    ws = createYumaWorkspace();
    shared.set(subnet.capacity, ws);
  }
  return ws;
}

/** Copies the registered n×n corner of the state into the epoch's input. */
function epochInput(
  subnet: SubnetState,
  config: SubnetConfig,
  block: number,
  workspace: EpochWorkspace,
  emission: number,
  taoWeight: number,
) {
  const { n, capacity, neurons } = subnet;
  let input = workspace.input;
  if (input === null || input.n !== n) {
    input = {
      n,
      block,
      tempo: config.tempo,
      lastEpochBlock: -1,
      stake: new Float64Array(n),
      // A full subnet's matrices are already n×n: the epoch reads them in place (it never writes its input).
      weights: n === capacity ? subnet.weights : new Float64Array(n * n),
      weightsPresent: n === capacity ? subnet.weightsPresent : new Uint8Array(n * n),
      bonds: n === capacity ? subnet.bonds : new Float64Array(n * n),
      // Bonds are the last epoch's, which stores them only in the rows it permits (replaceNeuron
      // clears a row as it drops the permit), so the epoch need not scan the other rows.
      bondsInPermittedRows: true,
      lastUpdate: new Float64Array(n),
      blockAtRegistration: new Float64Array(n),
      validatorPermit: new Uint8Array(n),
      ...(subnet.commits === null ? {} : { commitBlock: new Float64Array(n) }),
      ownerUid: -1,
      emission,
    };
    workspace.input = input;
  }
  input.block = block;
  input.emission = emission;
  input.lastEpochBlock = subnet.epochsRun > 0 ? subnet.lastEpochBlock : -1;
  for (let i = 0; i < n; i++) {
    // Stake weight: the hotkey's alpha plus TaoWeight × its root stake, and what a parent lends it (§5).
    const lent = inheritedStake(parentOf(subnet, config.validators, i), taoWeight);
    input.stake[i] = (neurons.stakeAlpha[i] + taoWeight * neurons.rootStake[i] + lent) / RAO_PER_ALPHA;
    input.lastUpdate[i] = neurons.lastUpdate[i];
    input.blockAtRegistration[i] = neurons.blockAtRegistration[i];
    input.validatorPermit[i] = neurons.validatorPermit[i];
    if (n === capacity) continue;
    // Row i's first n entries, copied element by element: a subarray view per row and matrix was a
    // seventh of a growing subnet's garbage.
    const from = i * capacity;
    const to = i * n;
    for (let j = 0; j < n; j++) {
      input.weights[to + j] = subnet.weights[from + j];
      input.weightsPresent[to + j] = subnet.weightsPresent[from + j];
      input.bonds[to + j] = subnet.bonds[from + j];
    }
  }
  if (input.commitBlock !== undefined) earliestCommitBlocks(subnet, input.commitBlock);
  return input;
}

/**
 * Stores what the epoch persists: bonds, permits, emission (pruning reads it) and consensus. The float
 * epoch stores bonds only in the rows it permits, and the stored bonds are non-zero only in the rows
 * the last epoch permitted, so only rows permitted then or now are copied (~K of n: 64 of 256 rows).
 */
function persistEpoch(subnet: SubnetState, result: EpochResult, permittedRowsOnly: boolean): void {
  const { n, capacity, neurons, bonds } = subnet;
  const from = result.bonds;
  // A full subnet's every row, n×n like the stored matrix: one copy (row by row costs 2–10× more).
  const whole = !permittedRowsOnly && n === capacity;
  if (whole) bonds.set(from);
  for (let i = 0; i < n; i++) {
    if (
      !whole &&
      (!permittedRowsOnly || neurons.validatorPermit[i] === 1 || result.validatorPermit[i] === 1)
    ) {
      const to = i * capacity;
      const at = i * n;
      for (let j = 0; j < n; j++) bonds[to + j] = from[at + j];
    }
    neurons.validatorPermit[i] = result.validatorPermit[i];
    neurons.emission[i] = result.emission[i];
    subnet.lastConsensus[i] = result.consensus[i];
  }
}

/**
 * One epoch of one subnet at `block`: miners evolve, validators set weights (stamped one block earlier,
 * as extrinsics of the tempo run before the epoch hook), the pending buckets are drained and Yuma
 * distributes them. With commit-reveal on, the commits made `period` epochs ago are revealed first (the
 * chain reveals early in the window), the validators then commit instead of setting, and Yuma masks
 * weights by each validator's earliest unrevealed commit (yuma.md §3.5 step 4, §3.15).
 */
export function runSubnetEpoch(
  subnet: SubnetState,
  config: SubnetConfig,
  block: number,
  streams: SubnetStreams,
  workspace: EpochWorkspace,
  economy: EpochEconomy,
): EpochRecord {
  const epoch = subnet.epochsRun;
  advanceMiners(subnet, config, epoch, block, streams);
  revealCommits(subnet, epoch);
  const weights = workspace.scratch.weights;
  submitEpochWeights(subnet, config, epoch, Math.max(0, block - 1), streams.evaluation, weights);
  const { market } = economy;
  const buckets: DrainedBuckets = {
    server: subnet.pendingServer,
    validator: subnet.pendingValidator,
    root: market.pendingRoot,
    owner: subnet.pendingOwner,
  };
  subnet.pendingServer = 0;
  subnet.pendingValidator = 0;
  subnet.pendingOwner = 0;
  market.pendingRoot = 0;
  // 2025-02 era: root alpha was sold as emitted; its TAO goes to root stakers now.
  economy.ledger.rootStake += market.pendingRootTao;
  market.pendingRootTao = 0;
  const distributed = buckets.server + buckets.validator + buckets.root;
  const ownerCut = buckets.owner;
  const input = epochInput(subnet, config, block, workspace, distributed, economy.rules.taoWeight);
  const exact = config.arithmetic === 'exact';
  const result = exact
    ? runEpochExact(input, config.yuma)
    : runEpoch(input, config.yuma, yumaWorkspace(subnet, workspace));
  persistEpoch(subnet, result, !exact);
  const burnedBefore = subnet.burned;
  payEpoch(subnet, market, result, buckets, economy.rules);
  const dust = Number(subnet.burned - burnedBefore);
  const record: EpochRecord = {
    kind: 'epoch',
    netuid: subnet.netuid,
    epoch,
    block,
    n: subnet.n,
    distributed,
    ownerCut,
    dust,
    registrations: subnet.registrationsSinceEpoch,
    pruned: subnet.prunedSinceEpoch,
    paid: subnet.lastPaid,
    stake: input.stake,
    result,
    subnet,
  };
  subnet.registrationsSinceEpoch = 0;
  subnet.prunedSinceEpoch = 0;
  subnet.lastEpochBlock = block;
  subnet.epochsRun++;
  return record;
}
