/**
 * Property tests of runEpoch (issue 3) against what spec §3 implies, on random subnets of up to 10
 * uids (random-input.ts): both versions, liquid alpha on/off (sparse and dense), β ∈ {0, ½, 1},
 * registrations, stale and unpermitted validators, explicit zeros, old bonds, owner, commit-reveal.
 * Every property runs RUNS cases from a fixed seed; each also counts the cases that exercise it, so a
 * generator drifting into degenerate subnets fails instead of passing vacuously.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEpoch } from '../../../src/engine/yuma/epoch.ts';
import type { EpochResult } from '../../../src/engine/yuma/types.ts';
import {
  arbAgreeingSubnet,
  arbSubnet,
  arbSubnetWithPermutation,
  PER_UID_OUTPUTS,
  permuteInput,
  permuteMatrix,
  permuteVector,
} from './random-input.ts';

const RUNS = 300;
const SEED = 20260703;
const opts = { numRuns: RUNS, seed: SEED };
const sum = (v: ArrayLike<number>) => Array.from(v).reduce((a, b) => a + b, 0);
const count = (v: ArrayLike<number>, pred: (x: number) => boolean) => Array.from(v).filter(pred).length;

describe('Yuma epoch properties (spec §3)', () => {
  // §3.9: I = normalise(R). If some C_j > 0, validators holding ≥ κ of the active stake weight j at
  // ≥ C_j > 0, so W̄_ij = C_j > 0 with A_i > 0, R_j > 0 and ΣI = 1. If every C_j = 0, every clipped
  // entry is 0 (§3.7), R = 0 and I stays all zero.
  it('Σ incentive = 1 (±1e-9) when any consensus is non-zero, else incentive is all zero', () => {
    let withConsensus = 0;
    fc.assert(
      fc.property(arbSubnet(), ({ x, p }) => {
        const r = runEpoch(x, p);
        if (r.consensus.some((c) => c > 0)) {
          withConsensus++;
          expect(Math.abs(sum(r.incentive) - 1)).toBeLessThanOrEqual(1e-9);
        } else {
          expect(Array.from(r.incentive).every((i) => i === 0)).toBe(true);
        }
      }),
      opts,
    );
    expect(withConsensus).toBeGreaterThan(RUNS / 2);
  });

  // Nothing in §3 refers to a uid's number except the permit tie-break (equal stakes: the lower uid
  // loses, §3.3), and the median is order independent (§3.6). The generator makes non-zero stakes
  // distinct, so relabelling must permute every output. Float sums are taken in another order after
  // relabelling, so fractions are compared to 1e-12 and floored integers (rao, u16 bonds) to ±1.
  it('relabelling uids permutes every output the same way', () => {
    let withBonds = 0;
    let withIncentive = 0;
    fc.assert(
      fc.property(arbSubnetWithPermutation(), ({ x, p, perm }) => {
        const r = runEpoch(x, p);
        const q = runEpoch(permuteInput(x, perm), p);
        for (const key of PER_UID_OUTPUTS) {
          const expected = Array.from(permuteVector(r[key], perm));
          const got = Array.from(q[key]);
          const tol = key.endsWith('mission') ? 1 : key === 'active' || key === 'validatorPermit' ? 0 : 1e-12;
          got.forEach((g, i) => {
            if (Math.abs(g - expected[i]) > tol) {
              throw new Error(`${key}[${i}]: ${g} vs ${expected[i]} (perm ${perm})`);
            }
          });
        }
        const expectedBonds = permuteMatrix(r.bonds, perm);
        q.bonds.forEach((b, k) => {
          if (Math.abs(b - expectedBonds[k]) > 1) throw new Error(`bonds[${k}]: ${b} vs ${expectedBonds[k]}`);
        });
        if (r.bonds.some((b) => b > 0)) withBonds++;
        if (r.incentive.some((i) => i > 0)) withIncentive++;
      }),
      opts,
    );
    expect(withBonds).toBeGreaterThan(RUNS / 3);
    expect(withIncentive).toBeGreaterThan(RUNS / 2);
  });

  // Formulation (what §3 implies, not the general slogan). Take a subnet where every active validator
  // agrees: all masking-permitted uids store the same weight row, so C = that row and nothing is
  // clipped (W̄ = W̃ = W); old bonds, stakes, activity, permits, β, liquid alpha and version are random.
  // Raise the raw stake of any one uid v by δ > 0. Then D_v does not decrease. Why:
  // * C is unchanged (a median of identical rows), hence so are W̄, W̃ and liquid alpha's α_ij; and
  //   R = (ΣA)·w, so I = w/Σw is unchanged.
  // * yuma1: ΔB_ij = A_i·w_j / Σ_k A_k·w_j = A_i — v's share rises, every column of ΔB and of B⁰
  //   still sums to 1 (or 0), so B_vj rises for every j while D = B·I / Σ_j I_j (col sums fixed).
  // * yuma3: B does not depend on stake at all; D_v = A_v·T_v / Σ_k A_k·T_k with T fixed and A_v/A_k
  //   rising.
  // Not implied in general: with dissenting validators, raising the on-consensus validator's stake
  // moves R (hence I) toward its row; yuma1's B⁰ and yuma3's B are inherited history, so if v's old
  // bonds sit on columns whose incentive share falls, D_v can fall. Hence the agreement restriction.
  it('more stake for an on-consensus validator never lowers its dividends (one epoch)', () => {
    let raised = 0;
    fc.assert(
      fc.property(arbAgreeingSubnet(), ({ x, p, v, delta }) => {
        const before = runEpoch(x, p);
        const stake = Float64Array.from(x.stake);
        stake[v] += delta;
        const after = runEpoch({ ...x, stake }, p);
        // With no active stake before (v brings the first), C goes from 0 to w; otherwise C is fixed.
        if (before.activeStake.some((a) => a > 0)) expect(after.consensus).toEqual(before.consensus);
        expect(after.dividends[v]).toBeGreaterThanOrEqual(before.dividends[v] - 1e-12);
        if (after.dividends[v] > before.dividends[v] + 1e-9) raised++;
      }),
      opts,
    );
    expect(raised).toBeGreaterThan(RUNS / 5);
  });

  // §3.12: with Z > 0 the shares I_i/Z and D_i/Z sum to 1, so Σ server + Σ validator = E − Σ frac(x_k)
  // over the positive shares x_k: 0 ≤ dust < number of positive shares. That is ≤ n only when no uid
  // has both I > 0 and D > 0; in general a uid can be both (a validator others weight, the owner's
  // self-weight), so the implied bound is #(I > 0) + #(D > 0) ≤ 2n. Combined `emission` floors one
  // share per uid: dust < #(positive shares) ≤ n. With Z = 0 the fallback pays ⌊A_i·E⌋ (ΣA > 0) or
  // ⌊S_i·E⌋ (ΣS > 0), same bound. With no stake at all every share is 0 and nothing is paid.
  it('emissions sum to E up to the floor dust (0 ≤ E − Σ ≤ number of floored positive shares)', () => {
    let normal = 0;
    let fallback = 0;
    let splitAboveN = 0;
    fc.assert(
      fc.property(arbSubnet(), ({ x, p }) => {
        const r = runEpoch(x, p);
        const E = x.emission;
        const split = sum(r.serverEmission) + sum(r.validatorEmission);
        const combined = sum(r.emission);
        const z = sum(r.incentive) + sum(r.dividends);
        if (z > 0) {
          normal++;
          const terms = count(r.incentive, (i) => i > 0) + count(r.dividends, (d) => d > 0);
          expect(E - split).toBeGreaterThanOrEqual(0);
          expect(E - split).toBeLessThanOrEqual(terms);
          if (E - split > x.n) splitAboveN++;
          expect(E - combined).toBeGreaterThanOrEqual(0);
          expect(E - combined).toBeLessThanOrEqual(
            count(
              r.incentive.map((i, k) => i + r.dividends[k]),
              (s) => s > 0,
            ),
          );
          expect(E - combined).toBeLessThanOrEqual(x.n);
        } else if (sum(r.activeStake) > 0 || sum(r.stake) > 0) {
          fallback++;
          const share = sum(r.activeStake) > 0 ? r.activeStake : r.stake;
          expect(sum(r.serverEmission)).toBe(0);
          for (const total of [split, combined]) {
            expect(E - total).toBeGreaterThanOrEqual(0);
            expect(E - total).toBeLessThanOrEqual(count(share, (s) => s > 0));
          }
        } else {
          expect(split + combined).toBe(0);
        }
      }),
      opts,
    );
    expect(normal).toBeGreaterThan(RUNS / 2);
    expect(fallback).toBeGreaterThan(5);
    // Informational: how often the per-uid split's dust exceeded n (allowed, see above).
    expect(splitAboveN).toBeGreaterThanOrEqual(0);
  });

  // §3.11(a) step 6: every column is divided by its max over the bonds matrix, then floored, so its
  // max entry becomes ⌊1·65535⌋ = 65535 — but only rows with a new permit are written (§3.11 "Permits
  // and bond storage"), and the column max is taken before that. So the property holds when every
  // row in play (masking permit or a stored bond) keeps a new permit; otherwise the max may be in a
  // row that was just wiped and only max ≤ 65535 is implied.
  it('yuma1: each stored bond column has max 65535 or is all zero (when no row in play loses its permit)', () => {
    let checked = 0;
    let nonZeroColumns = 0;
    fc.assert(
      fc.property(arbSubnet(), ({ x, p }) => {
        const q = { ...p, version: 'yuma1' as const };
        const r = runEpoch(x, q);
        const { n } = x;
        const inPlay = (i: number) =>
          x.validatorPermit[i] === 1 ||
          i === x.ownerUid ||
          x.bonds.subarray(i * n, i * n + n).some((b) => b > 0);
        const allKeep = Array.from({ length: n }, (_, i) => i).every(
          (i) => !inPlay(i) || r.validatorPermit[i] === 1,
        );
        for (let j = 0; j < n; j++) {
          let max = 0;
          for (let i = 0; i < n; i++) max = Math.max(max, r.bonds[i * n + j]);
          expect(max).toBeLessThanOrEqual(65535);
          if (allKeep) {
            expect(max === 0 || max === 65535).toBe(true);
            if (max > 0) nonZeroColumns++;
          }
        }
        if (allKeep) checked++;
      }),
      opts,
    );
    expect(checked).toBeGreaterThan(RUNS / 5);
    expect(nonZeroColumns).toBeGreaterThan(RUNS / 4);
  });

  // §3.11(b) step 4: ⌊B·65535⌋ with B = EMA of values in [0, 1] (capped at 1 with liquid alpha).
  it('yuma3: stored bonds are integers in [0, 65535]', () => {
    let atMax = 0;
    fc.assert(
      fc.property(arbSubnet(), ({ x, p }) => {
        const r = runEpoch(x, { ...p, version: 'yuma3' });
        for (const b of r.bonds) {
          expect(Number.isInteger(b) && b >= 0 && b <= 65535).toBe(true);
          if (b === 65535) atMax++;
        }
      }),
      opts,
    );
    expect(atMax).toBeGreaterThan(0);
  });

  it('outputs are finite; fractions in [0, 1]; rao and u16 outputs are integers in range', () => {
    const fractions = [
      'stake',
      'activeStake',
      'consensus',
      'validatorTrust',
      'incentive',
      'dividends',
    ] as const;
    const rao = ['serverEmission', 'validatorEmission', 'emission'] as const;
    fc.assert(
      fc.property(arbSubnet(), ({ x, p }) => {
        const r: EpochResult = runEpoch(x, p);
        for (const key of fractions) {
          for (const v of r[key]) {
            // VT_i = Σ_j min(W_ij, C_j) ≤ Σ_j W_ij = 1 up to the rounding of a row sum.
            if (!(Number.isFinite(v) && v >= 0 && v <= 1 + 1e-12)) throw new Error(`${key}: ${v}`);
          }
          if (key !== 'validatorTrust' && key !== 'consensus') {
            const s = sum(r[key]);
            expect(s === 0 || Math.abs(s - 1) <= 1e-9).toBe(true);
          }
        }
        for (const key of rao) {
          for (const v of r[key]) expect(Number.isInteger(v) && v >= 0 && v <= x.emission).toBe(true);
        }
        for (const key of ['active', 'validatorPermit'] as const) {
          for (const v of r[key]) expect(v === 0 || v === 1).toBe(true);
        }
        for (const b of r.bonds) expect(Number.isInteger(b) && b >= 0 && b <= 65535).toBe(true);
      }),
      opts,
    );
  });
});
