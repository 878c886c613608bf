import { runEpoch } from '../yuma/epoch.ts';
import { runEpochExact } from '../yuma/exact/epoch.ts';
import type { EpochResult } from '../yuma/types.ts';
import { chainParams } from './chain-params.ts';
import { compareWithChain, type QuantityDiff } from './compare.ts';
import { epochInputLacks, replayEpochInput } from './epoch-input.ts';
import { spansOneEpoch } from './epoch-schedule.ts';
import type { ChainSnapshot } from './snapshot.ts';
import { SnapshotFieldError, subnetView } from './subnet-view.ts';

/**
 * `replay check` on one pair of consecutive snapshots: when the epoch that produced the later one's
 * outputs (at its last_step) is the only epoch after the earlier one, our epoch runs on the earlier
 * state with the subnet's hyper-parameters and is compared with what the chain stored.
 */

export type Arithmetic = 'float' | 'exact';

export interface ComparedPair {
  status: 'compared';
  epochBlock: number;
  inputBlock: number;
  outputBlock: number;
  /** Blocks between the input snapshot and the epoch's block − 1 (0: the exact input state). */
  inputAge: number;
  diffs: QuantityDiff[];
  /** Parameters the snapshot lacked and the defaults used. */
  assumed: string[];
  /** Caveats: uids re-registered between the snapshots, bonds the later snapshot lacks, dropped entries. */
  notes: string[];
  result: EpochResult;
}

export interface SkippedPair {
  status: 'skipped';
  inputBlock: number;
  outputBlock: number;
  reason: string;
}

export type PairCheck = ComparedPair | SkippedPair;

const RUNNERS = { float: runEpoch, exact: runEpochExact } as const;

function replacedUids(before: string[], after: string[]): number[] {
  const out: number[] = [];
  for (let uid = 0; uid < Math.min(before.length, after.length); uid++)
    if (before[uid] !== after[uid]) out.push(uid);
  return out;
}

export function checkPair(a: ChainSnapshot, b: ChainSnapshot, arithmetic: Arithmetic = 'exact'): PairCheck {
  const skip = (reason: string): SkippedPair => ({
    status: 'skipped',
    inputBlock: a.block,
    outputBlock: b.block,
    reason,
  });
  if (a.netuid !== b.netuid || a.mechid !== b.mechid)
    return skip(`netuid ${a.netuid} then ${b.netuid}: not one subnet`);
  const lacks = epochInputLacks(a);
  if (a.source === 'none') lacks.unshift('the metagraph');
  if (lacks.length > 0) return skip(`block ${a.block} lacks ${lacks.join(', ')} (fetch with --what all)`);
  if (b.source === 'none') return skip(`block ${b.block} lacks the metagraph (fetch with --what all)`);
  try {
    const before = subnetView(a);
    const after = subnetView(b);
    const epochBlock = after.lastStep;
    if (!spansOneEpoch(a.block, before.lastStep, epochBlock, 2 * before.tempo - 1)) {
      return skip(
        epochBlock <= a.block
          ? `no epoch between blocks ${a.block} and ${b.block}`
          : `more than one epoch between blocks ${a.block} and ${b.block} (fetch with --every tempo)`,
      );
    }
    if (after.n !== before.n) return skip(`the subnet went from ${before.n} to ${after.n} uids`);
    const { params, ownerUid, assumed } = chainParams(a);
    let emission = 0;
    for (let uid = 0; uid < after.n; uid++) emission += after.emissionRao[uid];
    const { input, dropped } = replayEpochInput(
      a,
      { block: epochBlock, lastEpochBlock: before.lastStep, emission },
      ownerUid,
    );
    const result = RUNNERS[arithmetic](input, params);
    const notes: string[] = [];
    const replaced = replacedUids(before.hotkeys, after.hotkeys);
    if (replaced.length > 0)
      notes.push(
        `uids re-registered between the snapshots (their values cannot match): ${replaced.join(' ')}`,
      );
    if (b.bonds === undefined) notes.push(`block ${b.block} lacks Bonds: bonds not compared`);
    if (dropped > 0) notes.push(`${dropped} weight/bond entries at uids ≥ ${before.n} ignored`);
    return {
      status: 'compared',
      epochBlock,
      inputBlock: a.block,
      outputBlock: b.block,
      inputAge: epochBlock - 1 - a.block,
      diffs: compareWithChain(result, b, after),
      assumed,
      notes,
      result,
    };
  } catch (error) {
    if (error instanceof SnapshotFieldError) return skip(error.message);
    throw error;
  }
}
