import type { BondsContext } from './bonds.ts';

/**
 * §3.11(b) step 2 with the constant α = 1 − BondsMovingAverage/10⁶, for every row in play:
 * B_ij = max(α·W̃_ij + (1−α)·B⁰_ij, 0) with B⁰ = u16/65535 (0 in a `dropped` column, §3.11 mask),
 * written to `bonds` (m×n), added to `bondSum` (zeroed by the caller) in row order, and stored as
 * ⌊clamp(B, 0, 1)·65535⌋ (NaN → 0) in the rows of `stored` whose uid keeps a permit.
 *
 * When every B_ij comes out ≥ 0 (always, unless the stored bonds hold negative or NaN entries or W̃
 * NaN ones), max(·, 0) and the clamp's lower end change nothing, and branch-free two-row kernels
 * compute the same numbers. Otherwise the pass is redone entry by entry with every test.
 */
export function constantEmaBonds(
  ctx: BondsContext,
  alpha: number,
  kept: Uint8Array,
  bonds: Float64Array,
  bondSum: Float64Array,
  stored: Float64Array,
): void {
  const { n, rows, newPermit, storedBonds } = ctx;
  const w = ctx.weightsForBonds.values;
  const m = rows.length;
  const unstored = new Float64Array(n); // where the rows without a new permit write their storage
  let bad = 0;
  let r = 0;
  for (; r + 1 < m; r += 2) {
    const u = rows[r];
    const v = rows[r + 1];
    const du = storedAt(newPermit, n, u);
    const dv = storedAt(newPermit, n, v);
    bad += emaRowPair(
      w,
      storedBonds,
      bonds,
      bondSum,
      du < 0 ? unstored : stored,
      dv < 0 ? unstored : stored,
      n,
      r * n,
      u * n,
      v * n,
      Math.max(du, 0),
      Math.max(dv, 0),
      alpha,
    );
  }
  if (r < m) {
    const d = storedAt(newPermit, n, rows[r]);
    if (!emaRowChecked(w, storedBonds, bonds, bondSum, stored, n, r * n, rows[r] * n, d, alpha)) bad++;
  }
  if (bad > 0) {
    bondSum.fill(0);
    for (let r = 0; r < m; r++)
      emaRowChecked(
        w,
        storedBonds,
        bonds,
        bondSum,
        stored,
        n,
        r * n,
        rows[r] * n,
        storedAt(newPermit, n, rows[r]),
        alpha,
      );
  }
  // The masked columns (B⁰ read as 0), redone: each column sum loses its rows' terms and gains the
  // new ones in row order — recomputed whole, so the order is that of the statement.
  for (let j = 0; j < n; j++) {
    if (kept[j] === 1) continue;
    let sum = 0;
    for (let r = 0; r < m; r++) {
      const k = r * n + j;
      const e = alpha * w[k] + (1 - alpha) * 0;
      const b = e <= 0 ? 0 : e;
      bonds[k] = b;
      sum += b;
      const d = storedAt(newPermit, n, rows[r]);
      if (d >= 0) stored[d + j] = Math.floor((b > 0 ? (b >= 1 ? 1 : b) : 0) * 65535);
    }
    bondSum[j] = sum;
  }
}

/**
 * Rows at `base` and `base + n` (uids at srcA, srcB of the n×n stored bonds) for B⁰ ≥ 0 inputs: no
 * branch in the loop (V8 keeps a branch-free loop's values in registers; each typed array is checked
 * once per iteration for both rows). Returns how many B_ij were not ≥ 0 (then the caller redoes the
 * pass with every test).
 */
function emaRowPair(
  w: Float64Array,
  prev: Float64Array,
  bonds: Float64Array,
  bondSum: Float64Array,
  outA: Float64Array,
  outB: Float64Array,
  n: number,
  base: number,
  srcA: number,
  srcB: number,
  dstA: number,
  dstB: number,
  alpha: number,
): number {
  const keep = 1 - alpha;
  const scale = 1 / 65535;
  let bad = 0;
  for (let j = 0, k = base; j < n; j++, k++) {
    const bA = alpha * w[k] + keep * (prev[srcA + j] * scale);
    const bB = alpha * w[k + n] + keep * (prev[srcB + j] * scale);
    bad += +!(bA >= 0) + +!(bB >= 0);
    bonds[k] = bA;
    bonds[k + n] = bB;
    bondSum[j] = bondSum[j] + bA + bB;
    outA[dstA + j] = Math.floor(Math.min(bA, 1) * 65535);
    outB[dstB + j] = Math.floor(Math.min(bB, 1) * 65535);
  }
  return bad;
}

/**
 * One row entry by entry with every test (dst −1: not stored); returns whether every B_ij was ≥ 0.
 */
function emaRowChecked(
  w: Float64Array,
  prev: Float64Array,
  bonds: Float64Array,
  bondSum: Float64Array,
  out: Float64Array,
  n: number,
  base: number,
  src: number,
  dst: number,
  alpha: number,
): boolean {
  const keep = 1 - alpha;
  const scale = 1 / 65535;
  let ok = true;
  for (let j = 0; j < n; j++) {
    const x = alpha * w[base + j] + keep * (prev[src + j] * scale);
    if (!(x >= 0)) ok = false;
    const b = x <= 0 ? 0 : x; // max(x, 0): NaN stays, −0 → +0
    bonds[base + j] = b;
    bondSum[j] += b;
    if (dst >= 0) out[dst + j] = Math.floor((b > 0 ? (b >= 1 ? 1 : b) : 0) * 65535);
  }
  return ok;
}

/** Where uid i's storage row starts in the n×n bonds, or −1 without a new permit (row not stored). */
function storedAt(newPermit: Uint8Array, n: number, i: number): number {
  return newPermit[i] === 1 ? i * n : -1;
}
