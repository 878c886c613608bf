import { describe, expect, it } from 'vitest';
import { checkPair } from '../../../src/engine/replay/check-pair.ts';
import type { ChainSnapshot } from '../../../src/engine/replay/snapshot.ts';
import { syntheticSnapshots } from '../../replay/synthetic-chain.ts';

/**
 * `replay check` on the synthetic subnet, whose every epoch output is what the chain's fixed point
 * gives: no difference where nothing changed, the right uid where something did, and the reason
 * where a pair cannot be checked.
 */

const clone = (s: ChainSnapshot): ChainSnapshot => structuredClone(s);

describe('checkPair', () => {
  const snapshots = syntheticSnapshots();

  it('finds no difference between our exact epoch and outputs the chain would store', () => {
    const check = checkPair(snapshots[0], snapshots[1], 'exact');
    expect(check.status).toBe('compared');
    if (check.status !== 'compared') return;
    expect(check.epochBlock).toBe(snapshots[1].metagraph.last_step);
    expect(check.inputAge).toBe(0);
    expect(check.diffs.map((d) => [d.quantity, d.maxAbs, d.meanAbs])).toEqual([
      ['incentive', 0, 0],
      ['dividends', 0, 0],
      ['bonds', 0, 0],
    ]);
    expect(check.diffs[2].entries).toBeGreaterThan(0);
    expect(check.assumed).toEqual([]);
  });

  it('names the uid whose stored incentive differs, by how much', () => {
    const after = clone(snapshots[1]);
    const incentives = after.metagraph.incentives as number[];
    const uid = incentives.findIndex((x) => x > 100);
    incentives[uid] += 3;
    const check = checkPair(snapshots[0], after, 'exact');
    if (check.status !== 'compared') throw new Error(check.reason);
    const incentive = check.diffs[0];
    expect(incentive.maxAbs).toBe(3);
    expect(incentive.meanAbs).toBeCloseTo(3 / 24, 12);
    expect(incentive.worst).toEqual([{ uid, ours: incentives[uid] - 3, chain: incentives[uid] }]);
  });

  it('finds bond differences per (validator, uid) entry', () => {
    const after = clone(snapshots[1]);
    const [row, entries] = after.bonds![1];
    entries[0][1] += 10;
    const check = checkPair(snapshots[0], after, 'exact');
    if (check.status !== 'compared') throw new Error(check.reason);
    expect(check.diffs[2].maxAbs).toBe(10);
    expect(check.diffs[2].worst[0]).toMatchObject({ uid: row, column: entries[0][0] });
  });

  it('another kappa on the input side shows up as differences', () => {
    const before = clone(snapshots[0]);
    before.metagraph.kappa = 60_000;
    const check = checkPair(before, snapshots[1], 'exact');
    if (check.status !== 'compared') throw new Error(check.reason);
    expect(check.diffs[0].maxAbs).toBeGreaterThan(0);
  });

  it('says which parameters it had to assume', () => {
    const before = clone(snapshots[0]);
    delete before.hyperparams;
    const check = checkPair(before, snapshots[1], 'exact');
    if (check.status !== 'compared') throw new Error(check.reason);
    expect(check.assumed.map((a) => a.split(' ')[0])).toEqual([
      'yuma3_on',
      'bonds_penalty',
      'alpha_sigmoid_steepness',
      'stake_threshold',
    ]);
    // The storage default (Yuma3 off) is not what produced these outputs: dividends differ.
    expect(check.diffs[1].maxAbs).toBeGreaterThan(0);
  });

  it('flags uids re-registered between the two snapshots', () => {
    const after = clone(snapshots[1]);
    (after.metagraph.hotkeys as string[])[20] = `0x${'11'.repeat(32)}`;
    const check = checkPair(snapshots[0], after, 'exact');
    if (check.status !== 'compared') throw new Error(check.reason);
    expect(check.notes.join(' ')).toMatch(/re-registered .*: 20$/);
  });

  it('skips, saying why, pairs it cannot check', () => {
    const noWeights = clone(snapshots[0]);
    delete noWeights.weights;
    delete noWeights.bonds;
    const reason = (a: ChainSnapshot, b: ChainSnapshot) => {
      const c = checkPair(a, b);
      return c.status === 'skipped' ? c.reason : 'compared';
    };
    expect(reason(noWeights, snapshots[1])).toBe(
      `block ${noWeights.block} lacks Weights, Bonds (fetch with --what all)`,
    );
    expect(reason(snapshots[0], snapshots[2])).toMatch(/^more than one epoch between/);
    expect(reason(snapshots[1], snapshots[1])).toMatch(/^no epoch between/);
    const noTempo = clone(snapshots[0]);
    delete noTempo.metagraph.tempo;
    expect(reason(noTempo, snapshots[1])).toMatch(/metagraph has no tempo/);
  });

  it('float arithmetic stays within a few u16 of the exact one', () => {
    const check = checkPair(snapshots[1], snapshots[2], 'float');
    if (check.status !== 'compared') throw new Error(check.reason);
    for (const d of check.diffs) expect(d.maxAbs).toBeLessThanOrEqual(2);
  });
});
