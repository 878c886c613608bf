/**
 * The two-row, branch-free kernels of §3.7–§3.9 (clip.ts) and of Yuma3's constant-α EMA
 * (bonds-yuma3-ema.ts) against entry-by-entry statements of those steps, on seeded random inputs with
 * NaN/∞/−3 weights, zero rows, inactive rows between active ones, masked columns, rows without a new
 * permit, NaN/∞/−0/negative stored bonds, n = 0 … 30, β ∈ {0, 0.3, ½, 1}.
 * Entries (W̄, B, the u16 storage) must be equal to the bit; sums over a row (VT) and down a column
 * (R, Σ_i B_ij) too when they add in the statement's order, which the kernels keep (columns in row
 * order); VT adds even and odd columns apart, so it is compared to 1e-15 relatively.
 */
import { describe, expect, it } from 'vitest';
import type { BondsContext } from '../../../src/engine/yuma/bonds.ts';
import { weightsForBonds } from '../../../src/engine/yuma/bonds-penalty.ts';
import { constantEmaBonds } from '../../../src/engine/yuma/bonds-yuma3-ema.ts';
import { clipTrustIncentive } from '../../../src/engine/yuma/clip.ts';
import { consensusOf } from '../../../src/engine/yuma/consensus.ts';
import { permitsForMasking } from '../../../src/engine/yuma/permits.ts';
import { rowsInPlay } from '../../../src/engine/yuma/rows.ts';
import type { EpochInput } from '../../../src/engine/yuma/types.ts';
import { maskWeights } from '../../../src/engine/yuma/weights.ts';
import { createYumaWorkspace } from '../../../src/engine/yuma/workspace.ts';
import { prng } from './random-script.ts';

const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((x, k) => Object.is(x, b[k]));
const close = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length &&
  Array.from(a).every((x, k) => Object.is(x, b[k]) || Math.abs(x - b[k]) <= 1e-15 * Math.abs(b[k]));

/** A random subnet of n uids: u16 weights with awkward values, zero rows, old bonds (some NaN/∞/−3). */
function randomCase(n: number, seed: number) {
  const { next, pick } = prng(seed);
  const awkward = next() < 0.3;
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
        ? pick([0, 1, 65535, Number.NaN, Number.POSITIVE_INFINITY, -0, -3])
        : pick([0, 0, 1, 30000, 65535]),
    ),
    lastUpdate: Float64Array.from({ length: n }, () => pick([30, 45, 49])),
    blockAtRegistration: Float64Array.from({ length: n }, () => pick([0, 10, 41, 44, 48])),
    validatorPermit: Uint8Array.from({ length: n }, () => (next() < 0.7 ? 1 : 0)),
    ownerUid: n === 0 ? -1 : Math.floor(next() * (n + 1)) - 1,
    emission: 1e9,
  };
  const beta = pick([0, 0.5, 1, 1, 0.3]);
  const alpha = pick([0.1, 0.025, 1, 0]);
  const kappa = pick([0.5, 32767 / 65535, 0, 1]);
  const newPermit = Uint8Array.from({ length: n }, () => (next() < 0.8 ? 1 : 0));
  return { x, beta, alpha, kappa, newPermit };
}

function stages(c: ReturnType<typeof randomCase>, workspace?: ReturnType<typeof createYumaWorkspace>) {
  const { x } = c;
  const permit = permitsForMasking(x.validatorPermit, x.ownerUid);
  const rows = rowsInPlay(permit, x.bonds, x.n);
  const w = maskWeights(x, permit, x.ownerUid, rows, workspace);
  // A for the rows in play: zero for some, so single rows sit between row pairs.
  const activeRows = Float64Array.from(rows, (i) => (permit[i] === 1 ? x.stake[i] : 0));
  const consensus = consensusOf(activeRows, w, x.n, c.kappa, workspace);
  return { rows, w, activeRows, consensus };
}

describe('clipTrustIncentive (two-row kernel)', () => {
  it('clips every entry as §3.7 states, and sums VT and R as §3.8–§3.9 do', () => {
    const ws = createYumaWorkspace();
    for (let seed = 1; seed <= 500; seed++) {
      const n = (seed * 7) % 31;
      const c = randomCase(n, seed);
      const { rows, w, activeRows, consensus } = stages(c, seed % 2 === 0 ? ws : undefined);
      const got = clipTrustIncentive(w, consensus, activeRows, rows, n, seed % 2 === 0 ? ws : undefined);
      const m = rows.length;
      const present = w.present();
      const clipped = new Float64Array(m * n);
      const vt = new Float64Array(n);
      const rank = new Float64Array(n);
      for (let r = 0; r < m; r++) {
        let sum = 0;
        for (let j = 0; j < n; j++) {
          const k = r * n + j;
          const v = w.values[k];
          const cj = consensus[j];
          const out = present[k] === 0 && !w.absentZero ? 0 : cj < v ? (cj > 0 ? cj : 0) : v;
          clipped[k] = out;
          sum += out;
        }
        vt[rows[r]] = sum;
      }
      for (let r = 0; r < m; r++) {
        if (activeRows[r] === 0) continue;
        for (let j = 0; j < n; j++) rank[j] += activeRows[r] * clipped[r * n + j];
      }
      let total = 0;
      for (const v of rank) total += v;
      const incentive = total === 0 ? rank : rank.map((v) => v / total);
      expect(sameBits(got.clipped.values, clipped), `W̄ seed ${seed}`).toBe(true);
      expect(close(got.validatorTrust, vt), `VT seed ${seed}`).toBe(true);
      expect(sameBits(got.incentive, incentive), `I seed ${seed}`).toBe(true);
    }
  });
});

describe('constantEmaBonds (two-row kernel, checked fallback)', () => {
  it('equals B = max(α·W̃ + (1−α)·B⁰, 0), its column sums and ⌊clamp(B)·65535⌋ entry by entry', () => {
    let fallbacks = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const n = (seed * 11) % 31;
      const c = randomCase(n, seed);
      const { x, alpha, newPermit } = c;
      const { rows, w, activeRows, consensus } = stages(c);
      const { clipped, incentive } = clipTrustIncentive(w, consensus, activeRows, rows, n);
      const wTilde = weightsForBonds(w, clipped, c.beta);
      const ctx: BondsContext = {
        n,
        rows,
        storedBonds: x.bonds,
        blockAtRegistration: x.blockAtRegistration,
        lastTempo: 42,
        activeRows,
        weightsForBonds: wTilde,
        consensus,
        incentive,
        newPermit,
      };
      const kept = Uint8Array.from(x.blockAtRegistration, (reg) => (42 <= reg ? 0 : 1));
      const m = rows.length;
      const bonds = new Float64Array(m * n);
      const bondSum = new Float64Array(n);
      const stored = new Float64Array(n * n);
      constantEmaBonds(ctx, alpha, kept, bonds, bondSum, stored);
      const wantBonds = new Float64Array(m * n);
      const wantSum = new Float64Array(n);
      const wantStored = new Float64Array(n * n);
      let negative = false;
      for (let r = 0; r < m; r++) {
        const i = rows[r];
        for (let j = 0; j < n; j++) {
          const prev = kept[j] === 1 ? x.bonds[i * n + j] * (1 / 65535) : 0;
          const e = alpha * wTilde.values[r * n + j] + (1 - alpha) * prev;
          if (!(e >= 0)) negative = true;
          const b = e <= 0 ? 0 : e;
          wantBonds[r * n + j] = b;
          wantSum[j] += b;
          if (newPermit[i] === 1) wantStored[i * n + j] = Math.floor((b > 0 ? (b >= 1 ? 1 : b) : 0) * 65535);
        }
      }
      if (negative) fallbacks++;
      expect(sameBits(bonds, wantBonds), `B seed ${seed}`).toBe(true);
      expect(sameBits(bondSum, wantSum), `ΣB seed ${seed}`).toBe(true);
      expect(sameBits(stored, wantStored), `storage seed ${seed}`).toBe(true);
    }
    // Both the kernels and the checked fallback (negative, NaN B) are exercised.
    expect(fallbacks).toBeGreaterThan(50);
    expect(fallbacks).toBeLessThan(450);
  });
});
