import { normalizeInPlace } from '../math/normalize.ts';
import { weightedMedianCol } from '../math/weighted-median.ts';
import { onDemand, type SparseDense } from './sparse-dense.ts';
import { scratchF64, scratchU8, type YumaWorkspace } from './workspace.ts';

// Matrices here are m×n over the rows in play (rows.ts); `activeRows` is A restricted to those rows,
// which loses nothing since A is 0 outside the permitted rows.

/**
 * §3.6 Consensus: per column, the κ stake-weighted median of the weights of validators with A > 0
 * (a missing entry votes 0, so permitted active validators without weights pull consensus down, Q3).
 */
export function consensusOf(
  activeRows: Float64Array,
  w: SparseDense,
  n: number,
  kappa: number,
  workspace?: YumaWorkspace,
): Float64Array {
  const scratch = workspace === undefined ? undefined : scratchF64(workspace, 'medianT', w.values.length);
  return weightedMedianCol(activeRows, w.values, activeRows.length, n, kappa, new Float64Array(n), scratch);
}

/** What §3.7–§3.9 hand on. */
export interface ClipOutcome {
  clipped: SparseDense;
  validatorTrust: Float64Array;
  incentive: Float64Array;
}

/**
 * §3.7 Clipping: W̄_ij = min(W_ij, C_j). As in the chain's sparse path, an entry with W_ij > C_j = 0 is
 * removed (not kept as an explicit 0); an explicit zero entry (0 ≤ C_j) stays.
 * §3.8 Validator trust: VT_i = Σ_j W̄_ij (1 = nothing clipped), as a per-uid vector of length n.
 * §3.9 Rank and incentive: R_j = Σ_i A_i·W̄_ij, I = normalise(R) (all zero → all zero).
 * One pass per row: each sum adds the same terms in the same order as a pass per step would.
 */
export function clipTrustIncentive(
  w: SparseDense,
  consensus: Float64Array,
  activeRows: Float64Array,
  rows: Int32Array,
  n: number,
  workspace?: YumaWorkspace,
): ClipOutcome {
  const wValues = w.values;
  const size = wValues.length;
  // Every entry is written: workspace buffers come back holding the previous epoch's values.
  const values = scratchF64(workspace, 'clippedValues', size);
  const validatorTrust = new Float64Array(n);
  const rank = new Float64Array(n);
  // W ≥ +0 or NaN, never −0, and so is C (a median of W's entries, or +0): min(W, C) is then "C < W ?
  // C : W" with C > 0 or the entry gone (+0 either way), and an absent entry (+0) stays +0. Only
  // when an absent entry may hold NaN (w.absentZero) does the pattern have to be read.
  const wPresent = w.absentZero ? undefined : w.present();
  const level = new Float64Array(n); // what a clipped entry of column j becomes
  for (let j = 0; j < n; j++) level[j] = consensus[j] > 0 ? consensus[j] : 0;
  for (let r = 0, base = 0; base < size; r++, base += n) {
    const a = activeRows[r];
    if (wPresent === undefined && a !== 0 && base + n < size && activeRows[r + 1] !== 0) {
      clipRowPair(
        wValues,
        consensus,
        level,
        base,
        n,
        a,
        activeRows[r + 1],
        values,
        rank,
        validatorTrust,
        rows[r],
        rows[r + 1],
      );
      r++;
      base += n;
      continue;
    }
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const c = consensus[j];
      const v = wValues[base + j];
      const out = wPresent !== undefined && wPresent[base + j] === 0 ? 0 : c < v ? (c > 0 ? c : 0) : v;
      values[base + j] = out;
      sum += out;
      if (a !== 0) rank[j] += a * out; // a row with A_i = 0 adds nothing to the rank
    }
    validatorTrust[rows[r]] = sum;
  }
  // The pattern: W's entries, less those clipped to C_j = 0 (C_j < W_ij with C_j not > 0).
  const present = () => {
    const wPresent = w.present();
    const out = scratchU8(workspace, 'clippedPresent', size);
    for (let base = 0; base < size; base += n) {
      for (let j = 0; j < n; j++) {
        const c = consensus[j];
        out[base + j] = wPresent[base + j] === 1 && (c > 0 || !(c < wValues[base + j])) ? 1 : 0;
      }
    }
    return out;
  };
  return {
    clipped: { values, present: onDemand(present), absentZero: true },
    validatorTrust,
    incentive: normalizeInPlace(rank),
  };
}

/**
 * Rows `base` and `base + n` (uids u and v, both with A ≠ 0) of the loop above at once: the two row
 * sums are independent chains of additions the CPU overlaps, and each R_j still adds the upper row's
 * term first. "C < W ? level : W" is computed as p·level + (1 − p)·W with p = +(C < W) ∈ {0, 1}: the
 * same value (the other term is +0; with p = 1, W is neither NaN nor ∞, and W is never −0, as §3.5
 * divides finite entries by their sum) without a branch, which mispredicts on ~40 % of the entries
 * once the matrix is too large for the branch predictor to learn (3× slower at 128×1024).
 */
function clipRowPair(
  w: Float64Array,
  consensus: Float64Array,
  level: Float64Array,
  base: number,
  n: number,
  a: number,
  b: number,
  values: Float64Array,
  rank: Float64Array,
  validatorTrust: Float64Array,
  u: number,
  v: number,
): void {
  let sumA = 0;
  let sumB = 0;
  for (let j = 0, k = base; j < n; j++, k++) {
    const c = consensus[j];
    const l = level[j];
    const x = w[k];
    const y = w[k + n];
    const p = +(c < x);
    const q = +(c < y);
    const outA = p * l + (1 - p) * x;
    const outB = q * l + (1 - q) * y;
    values[k] = outA;
    values[k + n] = outB;
    sumA += outA;
    sumB += outB;
    rank[j] = rank[j] + a * outA + b * outB;
  }
  validatorTrust[u] = sumA;
  validatorTrust[v] = sumB;
}
