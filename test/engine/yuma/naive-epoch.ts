/**
 * A deliberately naive, dense re-statement of spec §3 used only to cross-check runEpoch on random
 * inputs: plain number[][] matrices over all n rows, the κ-median by sorting, no shared code with
 * src/engine beyond the types.
 */
import type { EpochInput, YumaParams } from '../../../src/engine/yuma/types.ts';

type M = number[][];
const norm = (v: number[]) => {
  const s = v.reduce((a, b) => a + b, 0);
  return s === 0 ? v : v.map((x) => x / s);
};
const colNorm = (m: M, n: number) => {
  const s = Array.from({ length: n }, (_, j) => m.reduce((a, r) => a + r[j], 0));
  return m.map((r) => r.map((x, j) => (s[j] === 0 ? x : x / s[j])));
};

export function naiveEpoch(x: EpochInput, p: YumaParams) {
  const { n } = x;
  const N = [...Array(n).keys()];
  const at = (a: ArrayLike<number>, i: number, j: number) => a[i * n + j];
  const active = N.map((i) => x.lastUpdate[i] + p.activityCutoff >= x.block);
  const S = norm(N.map((i) => (i !== x.ownerUid && x.stake[i] < p.stakeThreshold ? 0 : x.stake[i])));
  const permit = N.map((i) => x.validatorPermit[i] === 1 || i === x.ownerUid);
  const byStake = [...N].sort((a, b) => S[a] - S[b] || a - b);
  const newPermit = N.map(
    (i) => S[i] !== 0 && (n < p.maxAllowedValidators || byStake.indexOf(i) >= n - p.maxAllowedValidators),
  );
  if (x.ownerUid >= 0) newPermit[x.ownerUid] = true;
  const A = norm(N.map((i) => (active[i] && permit[i] ? S[i] : 0)));
  const has: boolean[][] = N.map((i) =>
    N.map(
      (j) =>
        permit[i] &&
        at(x.weightsPresent, i, j) === 1 &&
        (i !== j || i === x.ownerUid) &&
        !(x.lastUpdate[i] <= x.blockAtRegistration[j]) &&
        !(x.commitBlock !== undefined && x.commitBlock[i] < x.blockAtRegistration[j]),
    ),
  );
  const W = N.map((i) => norm(N.map((j) => (has[i][j] ? at(x.weights, i, j) : 0))));
  const T = N.filter((i) => A[i] > 0).reduce(
    (a, i) => a + A[i] / A.filter((v) => v > 0).reduce((s, v) => s + v, 0),
    0,
  );
  const C = N.map((j) => {
    const voters = N.filter((i) => A[i] > 0);
    if (voters.length === 0) return 0;
    const tot = voters.reduce((a, i) => a + A[i], 0);
    const scores = [...new Set(voters.map((i) => W[i][j]))].sort((a, b) => a - b);
    for (const v of scores) {
      const F = voters.filter((i) => W[i][j] <= v).reduce((a, i) => a + A[i] / tot, 0);
      if (F > T - p.kappa) return v;
    }
    return scores[scores.length - 1];
  });
  const hasClip = N.map((i) => N.map((j) => has[i][j] && !(W[i][j] > C[j] && C[j] <= 0)));
  const Wc = N.map((i) => N.map((j) => (hasClip[i][j] ? Math.min(W[i][j], C[j]) : 0)));
  const VT = N.map((i) => Wc[i].reduce((a, b) => a + b, 0));
  const I = norm(N.map((j) => N.reduce((a, i) => a + A[i] * Wc[i][j], 0)));
  const beta = p.bondsPenalty;
  let Wt = Wc;
  let hasT = hasClip;
  if (beta === 0) {
    Wt = W;
    hasT = has;
  } else if (beta !== 1) {
    Wt = N.map((i) => N.map((j) => Math.max(0, W[i][j] + beta * (Wc[i][j] - W[i][j]))));
    hasT = Wt.map((r) => r.map((v) => v > 0));
  }
  const lastTempo = x.lastEpochBlock < 0 ? Math.max(0, x.block - x.tempo) : x.lastEpochBlock + 1;
  const B0 = N.map((i) => N.map((j) => (lastTempo <= x.blockAtRegistration[j] ? 0 : at(x.bonds, i, j))));
  const alpha = 1 - p.bondsMovingAverage / 1e6;
  let D: number[];
  let stored: M;
  if (p.version === 'yuma1') {
    const b0 = colNorm(B0, n);
    const dB = colNorm(
      N.map((i) => N.map((j) => A[i] * Wt[i][j])),
      n,
    );
    const B = colNorm(
      N.map((i) => N.map((j) => Math.max(0, alpha * dB[i][j] + (1 - alpha) * b0[i][j]))),
      n,
    );
    D = norm(N.map((i) => N.reduce((a, j) => a + B[i][j] * I[j], 0)));
    const mx = N.map((j) => Math.max(0, ...N.map((i) => B[i][j])));
    stored = B.map((r) => r.map((v, j) => (mx[j] > 0 ? v / mx[j] : v)));
  } else {
    const b0 = B0.map((r) => r.map((v) => v / 65535));
    const liquid = p.liquidAlpha.enabled && C.some((c) => c !== 0);
    const { alphaLow: lo, alphaHigh: hi, steepness } = p.liquidAlpha;
    const B = N.map((i) =>
      N.map((j) => {
        const w = Wt[i][j];
        const b = b0[i][j];
        if (!liquid) return Math.max(0, alpha * w + (1 - alpha) * b);
        if (p.sparseLiquidAlpha && !hasT[i][j]) return 0;
        const d = Math.min(1, Math.max(0, w >= b ? w - C[j] : b - w));
        const e = Math.min(20, Math.max(-20, (-steepness / 100) * (d - 0.5)));
        const a = Math.min(hi, Math.max(lo, lo + (hi - lo) / (1 + Math.exp(e))));
        return Math.min(1, Math.max(0, (1 - a) * b + Math.max(0, a * w)));
      }),
    );
    const Bh = colNorm(B, n);
    D = norm(N.map((i) => A[i] * N.reduce((a, j) => a + Bh[i][j] * I[j], 0)));
    stored = B;
  }
  const bonds = N.flatMap((i) =>
    N.map((j) => (newPermit[i] ? Math.floor(Math.min(1, Math.max(0, stored[i][j])) * 65535) : 0)),
  );
  const Z = N.reduce((a, i) => a + I[i] + D[i], 0);
  const E = x.emission;
  const fallback = A.some((v) => v > 0) ? A : S;
  const emission = N.map((i) => Math.floor((Z === 0 ? fallback[i] : (I[i] + D[i]) / Z) * E));
  return { S, A, C, VT, I, D, emission, newPermit, bonds };
}
