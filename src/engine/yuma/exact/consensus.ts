import { add, type I32F32, sub } from '../../fixed/i32f32.ts';
import { matmulCols, normalize, rowSum, type SparseMatrix, sum } from './sparse.ts';

/**
 * The chain's `weighted_median` (mid-pivot quick-select over a partition of indices): the smallest
 * score v with Σ_{score ≤ v} stake > minority, searched by stake intervals [lo, hi]. Empty → 0.
 */
export function weightedMedianExact(
  stake: readonly I32F32[],
  score: readonly I32F32[],
  minority: I32F32,
  stakeSum: I32F32,
): I32F32 {
  let idx = Array.from({ length: stake.length }, (_, i) => i);
  let lo: I32F32 = 0n;
  let hi: I32F32 = stakeSum;
  const limit = idx.length;
  for (let iter = 0; iter <= limit; iter++) {
    const len = idx.length;
    if (len === 0) return 0n;
    if (len === 1) return score[idx[0]];
    const pivot = score[idx[len >> 1]];
    let loStake: I32F32 = 0n;
    let hiStake: I32F32 = 0n;
    const lower: number[] = [];
    const upper: number[] = [];
    for (const i of idx) {
      const s = score[i];
      if (s === pivot) continue;
      if (s < pivot) {
        loStake = add(loStake, stake[i]);
        lower.push(i);
      } else {
        hiStake = add(hiStake, stake[i]);
        upper.push(i);
      }
    }
    if (minority < add(lo, loStake) && lower.length > 0) {
      idx = lower;
      hi = add(lo, loStake);
    } else if (sub(hi, hiStake) <= minority && upper.length > 0) {
      idx = upper;
      lo = sub(hi, hiStake);
    } else {
      return pivot;
    }
  }
  return 0n;
}

/**
 * §3.6 Consensus (exact, chain `weighted_median_col_sparse`): the stakes > 0 renormalised (I32F32),
 * minority = Σ − κ, and per column the weighted median of those validators' weights (absent = 0).
 */
export function consensusExact(
  activeStake: readonly I32F32[],
  w: SparseMatrix,
  n: number,
  kappa: I32F32,
): I32F32[] {
  const voters: number[] = [];
  for (let i = 0; i < activeStake.length; i++) if (activeStake[i] > 0n) voters.push(i);
  const useStake = normalize(voters.map((i) => activeStake[i]));
  const stakeSum = sum(useStake);
  const minority = sub(stakeSum, kappa);
  const scores: I32F32[][] = Array.from({ length: n }, () => new Array(voters.length).fill(0n));
  voters.forEach((i, k) => {
    const row = w[i];
    for (let e = 0; e < row.cols.length; e++) scores[row.cols[e]][k] = row.vals[e];
  });
  return scores.map((col) => weightedMedianExact(useStake, col, minority, stakeSum));
}

/** §3.7 Clipping (exact, `col_clip_sparse`): W̄ = min(W, C); an entry above C_j = 0 is removed. */
export function clipWeightsExact(w: SparseMatrix, consensus: readonly I32F32[]): SparseMatrix {
  return w.map((row) => {
    const out = { cols: [] as number[], vals: [] as I32F32[] };
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k];
      const th = consensus[j];
      const v = row.vals[k];
      if (th < v) {
        if (th > 0n) {
          out.cols.push(j);
          out.vals.push(th);
        }
      } else {
        out.cols.push(j);
        out.vals.push(v);
      }
    }
    return out;
  });
}

/** §3.8 Validator trust (exact): VT_i = Σ_j W̄_ij. */
export function validatorTrustExact(clipped: SparseMatrix): I32F32[] {
  return rowSum(clipped);
}

/** §3.9 Incentive (exact): R_j = Σ_i A_i·W̄_ij (floor products), I = normalise(R). */
export function incentiveExact(activeStake: readonly I32F32[], clipped: SparseMatrix, n: number): I32F32[] {
  return normalize(matmulCols(clipped, activeStake, n));
}
