import { describe, expect, it } from 'vitest';
import {
  epochPeriod,
  nextEpochBlock,
  nextSampleBlock,
  spansOneEpoch,
} from '../../../src/engine/replay/epoch-schedule.ts';
import { estimateSnapshots, nextFetchBlock } from '../../../src/engine/replay/fetch-plan.ts';
import { type ChainSnapshot, SNAPSHOT_FORMAT } from '../../../src/engine/replay/snapshot.ts';

describe('epoch schedule', () => {
  it('modulo rule: the recorded netuid 1 (tempo 99) stepped at 6 852 597 and steps next at 6 852 697', () => {
    // The recording at block 6 852 690 has last_step 6 852 597, blocks_since_last_step 93.
    expect(nextEpochBlock('modulo', 1, 99, 0, 6_852_596)).toBe(6_852_597);
    expect(nextEpochBlock('modulo', 1, 99, 6_852_597, 6_852_690)).toBe(6_852_697);
    expect(nextEpochBlock('modulo', 1, 99, 0, 6_852_697)).toBe(6_852_797);
    expect(epochPeriod('modulo', 99)).toBe(100);
  });

  it('dynamic rule: tempo blocks after the last epoch, or the next block when overdue', () => {
    expect(nextEpochBlock('dynamic', 1, 360, 1000, 1100)).toBe(1360);
    expect(nextEpochBlock('dynamic', 1, 360, 1000, 2000)).toBe(2001);
    expect(nextEpochBlock('modulo', 1, 0, 0, 5)).toBe(Number.POSITIVE_INFINITY);
  });

  it('samples the last block before each epoch', () => {
    expect(nextSampleBlock('modulo', 1, 99, 6_852_597, 6_852_690)).toBe(6_852_696);
    expect(nextSampleBlock('modulo', 1, 99, 6_852_597, 6_852_696)).toBe(6_852_796);
    expect(nextSampleBlock('dynamic', 1, 360, 1000, 1359)).toBe(1719);
  });

  it('a pair spans one epoch when its later epoch ran after the first block and within two tempos', () => {
    expect(spansOneEpoch(6_852_696, 6_852_597, 6_852_697, 197)).toBe(true);
    expect(spansOneEpoch(6_852_697, 6_852_697, 6_852_697, 197)).toBe(false);
    expect(spansOneEpoch(6_852_690, 6_852_597, 6_852_797, 197)).toBe(false);
  });
});

function snapshotAt(block: number, tempo: number, lastStep: number): ChainSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    block,
    hash: '0x',
    spec_version: 1,
    netuid: 1,
    mechid: 0,
    source: 'synthetic',
    epoch_rule: 'modulo',
    metagraph: { tempo, last_step: lastStep },
  };
}

describe('fetch plan', () => {
  it('--every N: from, from + N, … up to --to, and resumes on the same grid', () => {
    const range = { from: 100, to: 130, every: { kind: 'blocks' as const, step: 10 } };
    expect(nextFetchBlock(range, null)).toBe(100);
    expect(nextFetchBlock(range, snapshotAt(120, 99, 0))).toBe(130);
    expect(nextFetchBlock(range, snapshotAt(125, 99, 0))).toBe(130);
    expect(nextFetchBlock(range, snapshotAt(130, 99, 0))).toBeNull();
    expect(estimateSnapshots(range, null)).toBe(4);
  });

  it('--every tempo: from, then the block before each predicted epoch', () => {
    const range = { from: 6_852_690, to: 6_853_000, every: { kind: 'tempo' as const } };
    expect(nextFetchBlock(range, null)).toBe(6_852_690);
    expect(nextFetchBlock(range, snapshotAt(6_852_690, 99, 6_852_597))).toBe(6_852_696);
    expect(nextFetchBlock(range, snapshotAt(6_852_896, 99, 6_852_797))).toBe(6_852_996);
    expect(nextFetchBlock(range, snapshotAt(6_852_996, 99, 6_852_897))).toBeNull();
    expect(estimateSnapshots(range, snapshotAt(6_852_690, 99, 6_852_597))).toBe(4);
  });
});
