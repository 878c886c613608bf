/**
 * The epoch's shortcuts against the straightforward statement they replace, on seeded random inputs
 * with the awkward values (NaN blocks and weights, −0, explicit zeros, no permits, n = 0 and 1):
 * the bond-rows hint (rows.ts), maskWeights' late columns and on-demand pattern (weights.ts), the
 * clipped pattern (clip.ts) and W̃'s (bonds-penalty.ts). Equality is to the bit (Object.is), except
 * §3.5's normalised weights: the epoch multiplies by 1/sum where the statement divides by the sum,
 * and adds a row in runs; both change the last bits only (a few ulps), so they are compared to 1e-15
 * relatively, with zeros, signs and NaN exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightsForBonds } from '../../../src/engine/yuma/bonds-penalty.ts';
import { clipTrustIncentive } from '../../../src/engine/yuma/clip.ts';
import { consensusOf } from '../../../src/engine/yuma/consensus.ts';
import { runEpoch } from '../../../src/engine/yuma/epoch.ts';
import { permitsForMasking } from '../../../src/engine/yuma/permits.ts';
import { rowsInPlay } from '../../../src/engine/yuma/rows.ts';
import type { EpochInput, EpochResult } from '../../../src/engine/yuma/types.ts';
import { maskWeights } from '../../../src/engine/yuma/weights.ts';
import { createYumaWorkspace } from '../../../src/engine/yuma/workspace.ts';
import { arbSubnet } from './random-input.ts';

const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((x, k) => Object.is(x, b[k]));

/** Equal to the bit where either is 0, NaN or ∞; else the same sign and within 1e-15 relatively. */
const withinUlps = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length &&
  Array.from(a).every((x, k) => {
    const y = b[k];
    if (Object.is(x, y)) return true;
    if (x === 0 || y === 0 || !Number.isFinite(x) || !Number.isFinite(y)) return false;
    return Math.sign(x) === Math.sign(y) && Math.abs(x - y) <= 1e-15 * Math.abs(y);
  });

function expectSameResult(a: EpochResult, b: EpochResult): void {
  for (const key of Object.keys(a) as (keyof EpochResult)[]) {
    expect(sameBits(a[key], b[key]), key).toBe(true);
  }
}

/** A seeded generator of awkward block numbers and weights. */
function rng(seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  return { next, pick };
}

/** A random input of n uids with NaN/∞ blocks, negative and NaN weights, and optional commit blocks. */
function awkwardInput(n: number, seed: number): EpochInput {
  const { next, pick } = rng(seed);
  const block = () => pick([0, 5, 10, 10, 20, 30, 40, Number.NaN, Number.POSITIVE_INFINITY]);
  const x: EpochInput = {
    n,
    block: 50,
    tempo: 10,
    lastEpochBlock: 40,
    stake: Float64Array.from({ length: n }, () => pick([0, 1, 5, 100])),
    weights: Float64Array.from({ length: n * n }, () =>
      pick([0, 0, -0, 1, 7, 65535, -3, Number.NaN, Number.POSITIVE_INFINITY, 1e308]),
    ),
    weightsPresent: Uint8Array.from({ length: n * n }, () => (next() < 0.8 ? 1 : 0)),
    bonds: new Float64Array(n * n),
    lastUpdate: Float64Array.from({ length: n }, block),
    blockAtRegistration: Float64Array.from({ length: n }, block),
    validatorPermit: Uint8Array.from({ length: n }, () => (next() < 0.6 ? 1 : 0)),
    ownerUid: n === 0 ? -1 : Math.floor(next() * (n + 1)) - 1,
    emission: 1e9,
  };
  if (next() < 0.5) x.commitBlock = Float64Array.from({ length: n }, block);
  return x;
}

/** §3.5 stated directly: every test on every entry, then the row normalisation. */
function naiveMask(x: EpochInput, permit: Uint8Array, rows: Int32Array) {
  const { n } = x;
  const values = new Float64Array(rows.length * n);
  const present = new Uint8Array(rows.length * n);
  rows.forEach((i, r) => {
    if (permit[i] !== 1) return;
    const committed = x.commitBlock === undefined ? Number.POSITIVE_INFINITY : x.commitBlock[i];
    for (let j = 0; j < n; j++) {
      const reg = x.blockAtRegistration[j];
      const kept =
        x.weightsPresent[i * n + j] !== 0 &&
        !(i === j && i !== x.ownerUid) &&
        !(x.lastUpdate[i] <= reg) &&
        !(committed < reg);
      values[r * n + j] = kept ? Math.max(x.weights[i * n + j], 0) : 0;
      present[r * n + j] = kept ? 1 : 0;
    }
    let sum = 0;
    for (let j = 0; j < n; j++) sum += values[r * n + j];
    if (sum !== 0) for (let j = 0; j < n; j++) values[r * n + j] /= sum;
  });
  return { values, present };
}

describe('maskWeights (late columns, pattern on demand)', () => {
  it('equals the direct statement of §3.5, NaN and infinite blocks and weights included', () => {
    const ws = createYumaWorkspace();
    for (let seed = 1; seed <= 300; seed++) {
      const n = seed % 23; // 0 … 22, and the workspace sees n shrink and grow
      const x = awkwardInput(n, seed);
      const permit = permitsForMasking(x.validatorPermit, x.ownerUid);
      const rows = rowsInPlay(permit, x.bonds, n);
      const want = naiveMask(x, permit, rows);
      for (const got of [
        maskWeights(x, permit, x.ownerUid, rows),
        maskWeights(x, permit, x.ownerUid, rows, ws),
      ]) {
        expect(withinUlps(got.values, want.values)).toBe(true);
        expect(sameBits(got.present(), want.present)).toBe(true);
        expect(got.present()).toBe(got.present()); // built once
      }
    }
  });
});

describe('clipped and W̃ patterns on demand', () => {
  it('match the entry-by-entry rules of §3.7 and §3.10', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const n = 1 + (seed % 16);
      const x = awkwardInput(n, seed);
      const permit = permitsForMasking(x.validatorPermit, x.ownerUid);
      const rows = rowsInPlay(permit, x.bonds, n);
      const w = maskWeights(x, permit, x.ownerUid, rows);
      const active = Float64Array.from(rows, (i) => x.stake[i]);
      const c = consensusOf(active, w, n, 0.5);
      const { clipped } = clipTrustIncentive(w, c, active, rows, n);
      const wp = w.present();
      const cp = clipped.present();
      for (let k = 0; k < wp.length; k++) {
        const v = w.values[k];
        const cj = c[k % n];
        const want = wp[k] === 0 ? 0 : cj < v ? (cj > 0 ? 1 : 0) : 1;
        expect(cp[k]).toBe(want);
        expect(Object.is(clipped.values[k], wp[k] === 0 ? 0 : cj < v ? (cj > 0 ? cj : 0) : v)).toBe(true);
      }
      for (const beta of [0, 0.5, 1]) {
        const t = weightsForBonds(w, clipped, beta);
        const tp = t.present();
        for (let k = 0; k < tp.length; k++) {
          const v = w.values[k] + beta * (clipped.values[k] - w.values[k]);
          const want = beta === 0 ? wp[k] : beta === 1 ? cp[k] : v > 0 ? 1 : 0;
          expect(tp[k]).toBe(want);
        }
      }
    }
  });
});

describe('bondsInPermittedRows hint', () => {
  it('gives the same epochs as scanning the bonds when they are the previous epoch’s outputs', () => {
    const ws = createYumaWorkspace();
    fc.assert(
      fc.property(arbSubnet(12), fc.integer({ min: 0, max: 2 ** 31 - 1 }), ({ x, p }, seed) => {
        const { next } = rng(seed);
        let input: EpochInput = { ...x, bonds: new Float64Array(x.n * x.n) };
        for (let e = 0; e < 3; e++) {
          const plain = runEpoch(input, p);
          const hinted = { ...input, bondsInPermittedRows: true };
          expectSameResult(runEpoch(hinted, p), plain);
          expectSameResult(runEpoch(hinted, p, ws), plain);
          // Next epoch: this one's bonds and permits, some bonds zeroed (a replaced uid's row).
          const bonds = plain.bonds.slice();
          for (let k = 0; k < bonds.length; k++) if (next() < 0.1) bonds[k] = 0;
          input = {
            ...input,
            bonds,
            validatorPermit: plain.validatorPermit.slice(),
            lastEpochBlock: input.block,
          };
          input.block += 10;
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
  it('rowsInPlay: with the hint, the permitted rows, without reading the bonds', () => {
    const permit = Uint8Array.from([1, 0, 1, 0]);
    const bonds = new Float64Array(16).fill(Number.NaN);
    expect(Array.from(rowsInPlay(permit, bonds, 4, true))).toEqual([0, 2]);
    expect(Array.from(rowsInPlay(permit, bonds, 4))).toEqual([0, 1, 2, 3]);
    expect(Array.from(rowsInPlay(new Uint8Array(0), new Float64Array(0), 0, true))).toEqual([]);
  });
});
