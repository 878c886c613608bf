/**
 * The fused §3.7–§3.11 Yuma3 pass (clip-yuma3-fused.ts) against the stages it replaces
 * (clipThroughBonds: clipTrustIncentive, weightsForBonds, yuma3Bonds), to the bit, on seeded random
 * inputs with NaN/∞ weights and bonds, zero rows, inactive rows between active ones, dropped columns,
 * rows without a new permit, β ∈ {0, ½, 1, 0.3}, n = 0 … 30 with one workspace reused as n shrinks and
 * grows; and its preconditions (Yuma3, liquid alpha not applying, W's absent entries +0).
 */
import { describe, expect, it } from 'vitest';
import {
  type ClipBondsContext,
  canFuseClipYuma3,
  clipYuma3Fused,
} from '../../../src/engine/yuma/clip-yuma3-fused.ts';
import { consensusOf } from '../../../src/engine/yuma/consensus.ts';
import { clipThroughBonds } from '../../../src/engine/yuma/epoch.ts';
import { permitsForMasking } from '../../../src/engine/yuma/permits.ts';
import { rowsInPlay } from '../../../src/engine/yuma/rows.ts';
import type { EpochInput } from '../../../src/engine/yuma/types.ts';
import { maskWeights } from '../../../src/engine/yuma/weights.ts';
import { createYumaWorkspace, type YumaWorkspace } from '../../../src/engine/yuma/workspace.ts';
import { params } from './build.ts';

const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((x, k) => Object.is(x, b[k]));

function rng(seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  return { next, pick };
}

/** A random subnet of n uids: u16 weights with awkward values, zero rows, old bonds (some NaN/∞). */
function randomCase(n: number, seed: number) {
  const { next, pick } = rng(seed);
  const awkward = next() < 0.3; // NaN/∞ weights (a NaN row sum keeps the reference path)
  const zeroRow = Uint8Array.from({ length: n }, () => (next() < 0.15 ? 1 : 0));
  const weights = Float64Array.from({ length: n * n }, (_, k) =>
    zeroRow[Math.floor(k / n)] === 1
      ? pick([0, -0])
      : awkward
        ? pick([0, -0, 1, 7, 65535, Number.NaN, Number.POSITIVE_INFINITY, -3])
        : pick([0, -0, 1, 7, 300, 65535, 65535, 12345, -3]),
  );
  const oddBonds = next() < 0.3;
  const x: EpochInput = {
    n,
    block: 50,
    tempo: 10,
    lastEpochBlock: 40,
    stake: Float64Array.from({ length: n }, () => pick([0, 0, 1, 5, 100, 1e6])),
    weights,
    weightsPresent: Uint8Array.from({ length: n * n }, () => (next() < 0.85 ? 1 : 0)),
    bonds: Float64Array.from({ length: n * n }, () =>
      oddBonds
        ? pick([0, 1, 65535, Number.NaN, Number.POSITIVE_INFINITY, -0])
        : pick([0, 0, 1, 30000, 65535]),
    ),
    lastUpdate: Float64Array.from({ length: n }, () => pick([30, 45, 49])),
    blockAtRegistration: Float64Array.from({ length: n }, () => pick([0, 10, 41, 44, 48])),
    validatorPermit: Uint8Array.from({ length: n }, () => (next() < 0.7 ? 1 : 0)),
    ownerUid: n === 0 ? -1 : Math.floor(next() * (n + 1)) - 1,
    emission: 1e9,
  };
  const p = params({
    version: 'yuma3',
    bondsPenalty: pick([0, 0.5, 1, 1, 0.3]),
    bondsMovingAverage: pick([900_000, 975_000, 0, 1_000_000]),
    kappa: pick([0.5, 32767 / 65535, 0, 1]),
  });
  const newPermit = Uint8Array.from({ length: n }, () => (next() < 0.8 ? 1 : 0));
  return { x, p, newPermit };
}

function stagesOf(x: EpochInput, newPermit: Uint8Array, kappa: number, workspace?: YumaWorkspace) {
  const { n } = x;
  const permit = permitsForMasking(x.validatorPermit, x.ownerUid);
  const rows = rowsInPlay(permit, x.bonds, n);
  const weights = maskWeights(x, permit, x.ownerUid, rows, workspace);
  // A for the rows in play: zero for some, so single rows sit between row pairs.
  const activeRows = Float64Array.from(rows, (i) => (permit[i] === 1 ? x.stake[i] : 0));
  const consensus = consensusOf(activeRows, weights, n, kappa, workspace);
  const ctx: ClipBondsContext = {
    n,
    rows,
    storedBonds: x.bonds,
    blockAtRegistration: x.blockAtRegistration,
    lastTempo: 42,
    activeRows,
    consensus,
    newPermit,
    workspace,
  };
  return { weights, consensus, ctx };
}

describe('clipYuma3Fused', () => {
  it('equals clipping, W̃ and Yuma3 bonds stage by stage, to the bit', () => {
    const wsFused = createYumaWorkspace();
    const wsStaged = createYumaWorkspace();
    let fused = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const n = (seed * 7) % 31; // 0 … 30, shrinking and growing under the same workspaces
      const { x, p, newPermit } = randomCase(n, seed);
      for (const ws of [undefined, 'reuse'] as const) {
        const a = stagesOf(x, newPermit, p.kappa, ws === undefined ? undefined : wsFused);
        const b = stagesOf(x, newPermit, p.kappa, ws === undefined ? undefined : wsStaged);
        if (!canFuseClipYuma3(p, a.weights, a.consensus)) continue;
        fused++;
        const got = clipYuma3Fused(a.weights, a.ctx, p);
        const want = clipThroughBonds(b.weights, b.ctx, p);
        for (const key of ['validatorTrust', 'incentive', 'dividends', 'storedBonds'] as const) {
          expect(sameBits(got[key], want[key]), `${key} seed ${seed} n ${n}`).toBe(true);
        }
      }
    }
    expect(fused).toBeGreaterThan(700); // most cases take the fused path
  });

  it('applies only to Yuma3 with the constant α and W’s absent entries +0', () => {
    const { x, p, newPermit } = randomCase(8, 3);
    const { weights, consensus } = stagesOf(x, newPermit, p.kappa);
    const nonZero = consensus.some((c) => c !== 0);
    expect(canFuseClipYuma3(p, { ...weights, absentZero: true }, consensus)).toBe(true);
    expect(canFuseClipYuma3({ ...p, version: 'yuma1' }, { ...weights, absentZero: true }, consensus)).toBe(
      false,
    );
    expect(canFuseClipYuma3(p, { ...weights, absentZero: false }, consensus)).toBe(false);
    const liquid = { ...p, liquidAlpha: { ...p.liquidAlpha, enabled: true } };
    expect(canFuseClipYuma3(liquid, { ...weights, absentZero: true }, consensus)).toBe(!nonZero);
    expect(canFuseClipYuma3(liquid, { ...weights, absentZero: true }, new Float64Array(8))).toBe(true);
  });
});
