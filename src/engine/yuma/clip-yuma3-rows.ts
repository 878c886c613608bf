// The row kernels of clip-yuma3-fused.ts (see there for why they give the stages' numbers).

export interface Rows {
  w: Float64Array;
  consensus: Float64Array;
  level: Float64Array;
  rank: Float64Array;
  bonds: Float64Array;
  bondSum: Float64Array;
  storedBonds: Float64Array;
  stored: Float64Array;
  /** Out: the row sums (VT) of the upper and lower row. */
  sums: Float64Array;
}
export interface Place {
  n: number;
  /** r·n: the (upper) row in the m×n matrices; the lower row is base + n. */
  base: number;
  a: number;
  b: number;
  /** uid·n of each row in the stored n×n bonds; dst −1 when the row is not stored. */
  srcA: number;
  srcB: number;
  dstA: number;
  dstB: number;
}
export interface Ema {
  beta: number;
  alpha: number;
}

/** min(W, C) as clipTrustIncentive computes it for a single row or for a row pair (clipRowPair). */
export function clipOf(x: number, c: number, l: number, pair: boolean): number {
  if (!pair) return c < x ? l : x;
  const p = +(c < x);
  return p * l + (1 - p) * x;
}

/** W̃ from W and W̄ as weightsForBonds (β = 0 → W, β = 1 → W̄). */
export function bondWeight(x: number, clipped: number, beta: number): number {
  if (beta === 1) return clipped;
  if (beta === 0) return x;
  const v = x + beta * (clipped - x);
  return v > 0 ? v : 0;
}

/** constantEmaRow's entry for a dropped column (B⁰ = 0). */
export function emaEntry(wt: number, alpha: number): number {
  const x = alpha * wt + (1 - alpha) * 0;
  return x <= 0 ? 0 : x;
}

/** One row (A_i may be 0: then it adds nothing to the rank), as clipTrustIncentive + constantEmaRow. */
export function fusedRow(o: Rows, at: Place, ema: Ema): void {
  const { w, consensus, level, rank, bonds, bondSum, storedBonds, stored } = o;
  const { n, base, a, srcA: src, dstA: dst } = at;
  const { beta, alpha } = ema;
  const keep = 1 - alpha;
  const scale = 1 / 65535;
  let sum = 0;
  for (let j = 0, k = base; j < n; j++, k++) {
    const x = w[k];
    const clipped = consensus[j] < x ? level[j] : x;
    sum += clipped;
    if (a !== 0) rank[j] += a * clipped;
    const e = alpha * bondWeight(x, clipped, beta) + keep * (storedBonds[src + j] * scale);
    const b = e <= 0 ? 0 : e;
    bonds[k] = b;
    bondSum[j] += b;
    if (dst >= 0) stored[dst + j] = Math.floor((b > 0 ? (b >= 1 ? 1 : b) : 0) * 65535);
  }
  o.sums[0] = sum;
}

/**
 * Two rows, both with A ≠ 0, as clipRowPair (its branch-free clip: see there) + constantEmaRow twice;
 * R_j and the bond column sums add the upper row's term first.
 */
export function fusedRowPair(o: Rows, at: Place, ema: Ema): void {
  const { w, consensus, level, rank, bonds, bondSum, storedBonds, stored } = o;
  const { n, base, a, b: bStake, srcA, srcB, dstA, dstB } = at;
  const { beta, alpha } = ema;
  const keep = 1 - alpha;
  const scale = 1 / 65535;
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
    sumA += outA;
    sumB += outB;
    rank[j] = rank[j] + a * outA + bStake * outB;
    const eA = alpha * bondWeight(x, outA, beta) + keep * (storedBonds[srcA + j] * scale);
    const eB = alpha * bondWeight(y, outB, beta) + keep * (storedBonds[srcB + j] * scale);
    const bA = eA <= 0 ? 0 : eA;
    const bB = eB <= 0 ? 0 : eB;
    bonds[k] = bA;
    bonds[k + n] = bB;
    bondSum[j] = bondSum[j] + bA + bB;
    if (dstA >= 0) stored[dstA + j] = Math.floor((bA > 0 ? (bA >= 1 ? 1 : bA) : 0) * 65535);
    if (dstB >= 0) stored[dstB + j] = Math.floor((bB > 0 ? (bB >= 1 ? 1 : bB) : 0) * 65535);
  }
  o.sums[0] = sumA;
  o.sums[1] = sumB;
}
