import { describe, expect, it } from 'vitest';
import { Counterfactual } from '../../../src/engine/replay/counterfactual.ts';
import { type YumaPatch, yumaPatch } from '../../../src/engine/replay/yuma-overrides.ts';
import { syntheticSnapshots } from '../../replay/synthetic-chain.ts';

const patch = (path: string, value: unknown): YumaPatch => {
  const p = yumaPatch(path, value);
  if (typeof p === 'string') throw new Error(p);
  return p;
};

describe('counterfactual replay', () => {
  const snapshots = syntheticSnapshots();

  it('with the chain’s own parameters it reproduces the chain’s outputs, epoch after epoch', () => {
    const cf = new Counterfactual([], 'exact');
    for (let k = 0; k + 1 < snapshots.length; k++) {
      const e = cf.run(snapshots[k], snapshots[k + 1]);
      if (e.status !== 'ran') throw new Error(e.reason);
      expect(e.block).toBe(snapshots[k + 1].metagraph.last_step);
      const chain = snapshots[k + 1].metagraph.dividends as number[];
      expect(Array.from(e.result.dividends, (d) => Math.floor(d * 65535))).toEqual(chain);
    }
    expect(cf.epochsRun()).toBe(snapshots.length - 1);
  });

  it('under yuma1 the dividends move and its own bonds are carried to the next epoch', () => {
    const cf = new Counterfactual([patch('yuma.version', 'yuma1')], 'exact');
    const first = cf.run(snapshots[0], snapshots[1]);
    const second = cf.run(snapshots[1], snapshots[2]);
    if (first.status !== 'ran' || second.status !== 'ran') throw new Error('skipped');
    expect(first.params.version).toBe('yuma1');
    const chain = snapshots[1].metagraph.dividends as number[];
    expect(Array.from(first.result.dividends, (d) => Math.floor(d * 65535))).not.toEqual(chain);
    // A fresh counterfactual started at the second snapshot would use the chain's (Yuma3) bonds instead.
    const fresh = new Counterfactual([patch('yuma.version', 'yuma1')], 'exact').run(
      snapshots[1],
      snapshots[2],
    );
    if (fresh.status !== 'ran') throw new Error('skipped');
    expect(Array.from(second.result.bonds)).not.toEqual(Array.from(fresh.result.bonds));
  });

  it('empties the carried bonds of a uid re-registered between snapshots', () => {
    const miner = (snapshots[1].bonds![0][1] as [number, number][])[0][0];
    const other = (snapshots[1].bonds![0][1] as [number, number][])[1][0];
    const run = (replaced: boolean) => {
      const cf = new Counterfactual([], 'exact');
      cf.run(snapshots[0], snapshots[1]);
      const next = structuredClone(snapshots[1]);
      if (replaced) (next.metagraph.hotkeys as string[])[miner] = `0x${'22'.repeat(32)}`;
      const e = cf.run(next, snapshots[2]);
      if (e.status !== 'ran') throw new Error('skipped');
      return (uid: number) => e.result.bonds[0 * e.view.n + uid];
    };
    const kept = run(false);
    const emptied = run(true);
    // Yuma3's EMA from an emptied bond is one α step of the new weight, far below the carried level.
    expect(emptied(miner)).toBeGreaterThan(0);
    expect(emptied(miner)).toBeLessThan(kept(miner) / 3);
    expect(emptied(other)).toBe(kept(other));
  });

  it('reads overrides in the scenario file’s units and refuses what it cannot apply', () => {
    const cf = new Counterfactual([patch('yuma.kappa', 0.3), patch('yuma.bonds_moving_average', 0.975)]);
    const e = cf.run(snapshots[0], snapshots[1]);
    if (e.status !== 'ran') throw new Error('skipped');
    expect(e.params.kappa).toBe(0.3);
    expect(e.params.bondsMovingAverage).toBe(975_000);
    expect(yumaPatch('yuma.kappa', 1.5)).toBe('yuma.kappa: found 1.5; allowed: a number from 0 to 1');
    expect(yumaPatch('yuma.version', 'yuma2')).toMatch(/allowed: yuma1 or yuma3/);
    expect(yumaPatch('kappa', 0.3)).toMatch(/^unknown parameter kappa/);
  });
});
