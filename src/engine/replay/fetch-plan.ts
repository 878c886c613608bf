import { epochPeriod, nextSampleBlock } from './epoch-schedule.ts';
import type { ChainSnapshot } from './snapshot.ts';
import { subnetViewNumbers } from './subnet-view.ts';

/**
 * Which blocks `replay fetch --from --to --every` samples: every N blocks from --from, or (`tempo`)
 * --from and then the last block before each epoch, predicted from the previous snapshot's tempo and
 * last epoch. A resumed fetch continues after the last snapshot of its file.
 */

export type Every = { kind: 'blocks'; step: number } | { kind: 'tempo' };

export interface FetchRange {
  from: number;
  to: number;
  every: Every;
}

/** The block after `previous` (null: the first), or null when the range is done. */
export function nextFetchBlock(range: FetchRange, previous: ChainSnapshot | null): number | null {
  let next: number;
  if (previous === null) next = range.from;
  else if (range.every.kind === 'blocks') {
    const step = range.every.step;
    next = range.from + (Math.floor((previous.block - range.from) / step) + 1) * step;
  } else {
    const { tempo, lastStep } = subnetViewNumbers(previous);
    next = nextSampleBlock(previous.epoch_rule ?? 'modulo', previous.netuid, tempo, lastStep, previous.block);
  }
  return next <= range.to ? next : null;
}

/** How many snapshots the range holds (an estimate for `tempo`: one per epoch period from `from`). */
export function estimateSnapshots(range: FetchRange, sample: ChainSnapshot | null): number {
  const span = range.to - range.from;
  if (range.every.kind === 'blocks') return Math.floor(span / range.every.step) + 1;
  if (sample === null) return 1;
  const { tempo } = subnetViewNumbers(sample);
  return Math.floor(span / epochPeriod(sample.epoch_rule ?? 'modulo', tempo)) + 1;
}
