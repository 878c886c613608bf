import { normalizeInPlace } from '../math/normalize.ts';
import { onDemand, type SparseDense } from './sparse-dense.ts';
import { scratchF64, scratchU8, type YumaWorkspace } from './workspace.ts';

// Matrices here are m×n over the rows in play (rows.ts); `activeRows` is A restricted to those rows,
// which loses nothing since A is 0 outside the permitted rows.

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
 * One pass per row (two rows at a time where both have A ≠ 0): VT_i adds its row in column order,
 * R_j its column in row order, as a pass per step would.
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
  const sums = new Float64Array(2);
  for (let r = 0, base = 0; base < size; r++, base += n) {
    const a = activeRows[r];
    if (wPresent !== undefined) {
      validatorTrust[rows[r]] = clipRowPattern(wValues, wPresent, consensus, values, rank, n, base, a);
    } else if (a !== 0 && base + n < size && activeRows[r + 1] !== 0) {
      clipRowPair(wValues, consensus, level, values, rank, sums, n, base, a, activeRows[r + 1]);
      validatorTrust[rows[r]] = sums[0];
      validatorTrust[rows[++r]] = sums[1];
      base += n;
    } else {
      validatorTrust[rows[r]] = clipRow(wValues, consensus, level, values, rank, n, base, a);
    }
  }
  return {
    clipped: {
      values,
      present: onDemand(() => clippedPattern(w, consensus, n, workspace)),
      absentZero: true,
    },
    validatorTrust,
    incentive: normalizeInPlace(rank),
  };
}

/**
 * Rows at `base` and `base + n`, both with A ≠ 0; their sums (VT) go to sums[0] and sums[1], and
 * each R_j adds the upper row's term first. "C < W ? level : W" is p·level + (1 − p)·W with
 * p = +(C < W) ∈ {0, 1}: the same value (the other term is +0: with p = 1, W is neither NaN nor ∞,
 * and W is never −0) without a branch — one mispredicts on ~40 % of the entries once the matrix is
 * too large for the predictor to learn, and any branch in a loop costs V8 more registers.
 */
function clipRowPair(
  w: Float64Array,
  consensus: Float64Array,
  level: Float64Array,
  out: Float64Array,
  rank: Float64Array,
  sums: Float64Array,
  n: number,
  base: number,
  a: number,
  b: number,
): void {
  // Each row sums its even and odd columns apart: independent chains of additions.
  let sumA0 = 0;
  let sumA1 = 0;
  let sumB0 = 0;
  let sumB1 = 0;
  let j = 0;
  for (let k = base; j + 1 < n; j += 2, k += 2) {
    const c0 = consensus[j];
    const c1 = consensus[j + 1];
    const l0 = level[j];
    const l1 = level[j + 1];
    const x0 = w[k];
    const x1 = w[k + 1];
    const y0 = w[k + n];
    const y1 = w[k + n + 1];
    const p0 = +(c0 < x0);
    const p1 = +(c1 < x1);
    const q0 = +(c0 < y0);
    const q1 = +(c1 < y1);
    const outA0 = p0 * l0 + (1 - p0) * x0;
    const outA1 = p1 * l1 + (1 - p1) * x1;
    const outB0 = q0 * l0 + (1 - q0) * y0;
    const outB1 = q1 * l1 + (1 - q1) * y1;
    out[k] = outA0;
    out[k + 1] = outA1;
    out[k + n] = outB0;
    out[k + n + 1] = outB1;
    sumA0 += outA0;
    sumA1 += outA1;
    sumB0 += outB0;
    sumB1 += outB1;
    rank[j] = rank[j] + a * outA0 + b * outB0;
    rank[j + 1] = rank[j + 1] + a * outA1 + b * outB1;
  }
  if (j < n) {
    const k = base + j;
    const p = +(consensus[j] < w[k]);
    const q = +(consensus[j] < w[k + n]);
    const outA = p * level[j] + (1 - p) * w[k];
    const outB = q * level[j] + (1 - q) * w[k + n];
    out[k] = outA;
    out[k + n] = outB;
    sumA0 += outA;
    sumB0 += outB;
    rank[j] = rank[j] + a * outA + b * outB;
  }
  sums[0] = sumA0 + sumA1;
  sums[1] = sumB0 + sumB1;
}

/** One row (A_i = a; a row with A_i = 0 adds nothing to the rank); returns its sum (VT). */
function clipRow(
  w: Float64Array,
  consensus: Float64Array,
  level: Float64Array,
  out: Float64Array,
  rank: Float64Array,
  n: number,
  base: number,
  a: number,
): number {
  let sum = 0;
  for (let j = 0, k = base; j < n; j++, k++) {
    const x = w[k];
    const p = +(consensus[j] < x);
    const v = p * level[j] + (1 - p) * x;
    out[k] = v;
    sum += v;
  }
  if (a !== 0) for (let j = 0, k = base; j < n; j++, k++) rank[j] += a * out[k];
  return sum;
}

/** One row when W's absent entries may hold NaN (a NaN row sum in §3.5): absent entries clip to 0. */
function clipRowPattern(
  w: Float64Array,
  present: Uint8Array,
  consensus: Float64Array,
  out: Float64Array,
  rank: Float64Array,
  n: number,
  base: number,
  a: number,
): number {
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const c = consensus[j];
    const v = w[base + j];
    const clipped = present[base + j] === 0 ? 0 : c < v ? (c > 0 ? c : 0) : v;
    out[base + j] = clipped;
    sum += clipped;
    if (a !== 0) rank[j] += a * clipped;
  }
  return sum;
}

/** W̄'s pattern: W's entries, less those clipped to C_j = 0 (C_j < W_ij with C_j not > 0). */
function clippedPattern(w: SparseDense, consensus: Float64Array, n: number, workspace?: YumaWorkspace) {
  const wPresent = w.present();
  const wValues = w.values;
  const size = wValues.length;
  const out = scratchU8(workspace, 'clippedPresent', size);
  for (let base = 0; base < size; base += n) {
    for (let j = 0; j < n; j++) {
      const c = consensus[j];
      out[base + j] = wPresent[base + j] === 1 && (c > 0 || !(c < wValues[base + j])) ? 1 : 0;
    }
  }
  return out;
}
