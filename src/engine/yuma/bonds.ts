import { emaCappedEntry, emaEntry } from '../math/ema.ts';
import { normalizeInPlace } from '../math/normalize.ts';
import { proportionToU16, u16ToProportion } from '../math/u16.ts';
import { liquidAlphaApplies, pairAlpha } from './liquid-alpha.ts';
import { scatterRows } from './rows.ts';
import type { YumaParams } from './types.ts';
import type { SparseDense } from './weights.ts';
import { markBondRow, scratchF64, scratchU8, type YumaWorkspace, zeroBondMatrix } from './workspace.ts';

// Each version runs as a few fused passes over the m×n rows in play instead of one pass per spec
// step (previous bonds, column normalisations, EMA, row dot, max-upscale, storage): the per-entry
// operations and, for every column sum, the order of the additions are those of the step-by-step
// statement, so the results are the same to the bit, with one m×n buffer instead of three or four.
// B⁰ and ΔB are recomputed from their inputs where needed rather than stored.

/** What §3.11 hands on: dividends and the n×n u16 bonds to store. */
export interface BondsOutcome {
  dividends: Float64Array;
  storedBonds: Float64Array;
}

/**
 * Everything §3.11 reads, computed by the earlier stages. Bond matrices are m×n over the rows in
 * play (rows.ts): a row outside them has neither weights nor stored bonds, so its bonds stay 0.
 */
export interface BondsContext {
  n: number;
  /** The rows in play (uids), ascending. */
  rows: Int32Array;
  /** n×n stored u16 bonds left by the previous epoch. */
  storedBonds: Float64Array;
  blockAtRegistration: ArrayLike<number>;
  /** First block after the previous epoch (see lastTempoBlock). */
  lastTempo: number;
  /** A restricted to the rows in play. */
  activeRows: Float64Array;
  /** W̃ of §3.10 (m×n). */
  weightsForBonds: SparseDense;
  consensus: Float64Array;
  incentive: Float64Array;
  newPermit: Uint8Array;
  /** Scratch and the storage buffer (see runEpoch); undefined → fresh arrays. */
  workspace?: YumaWorkspace;
}

/** §3.11(a)/(b) α = 1 − BondsMovingAverage/10⁶ (constant EMA coefficient). */
export function constantAlpha(params: YumaParams): number {
  return 1 - params.bondsMovingAverage / 1_000_000;
}

/**
 * §3.11 Recently-registered mask: 0 for every column j with last_tempo ≤ reg[j] (uid j re-occupied
 * since the previous epoch, Q5), whose stored bonds are read as 0. Deregistration alone does not clear
 * bond columns; this mask does.
 */
function keptColumns(ctx: BondsContext): Uint8Array {
  const { n, blockAtRegistration: reg, lastTempo } = ctx;
  const kept = scratchU8(ctx.workspace, 'keptColumns', n);
  for (let j = 0; j < n; j++) kept[j] = lastTempo <= reg[j] ? 0 : 1;
  return kept;
}

/** A zeroed per-column accumulator. */
const zeroed = (ctx: BondsContext, key: string) => scratchF64(ctx.workspace, key, ctx.n).fill(0);

/**
 * §3.11(a) Original Yuma (Yuma3On = false): B⁰ (masked stored bonds) column-normalised;
 * ΔB = A_i·W̃_ij column-normalised; B = α·ΔB + (1−α)·B⁰ (entries ≤ 0 dropped) column-normalised;
 * D = normalise(B·I). Storage: each column divided by its max, then ⌊x·65535⌋. A column nobody bonds
 * this epoch keeps its old bonds (Q8). Liquid alpha has no effect here (Q7).
 */
export function originalYumaBonds(ctx: BondsContext, params: YumaParams): BondsOutcome {
  const { n, rows, storedBonds, activeRows, incentive, newPermit, workspace } = ctx;
  const w = ctx.weightsForBonds.values;
  const m = rows.length;
  const kept = keptColumns(ctx);
  // Pass 1: column sums of B⁰ and ΔB (row order, as a column normalisation sums).
  const prevSum = zeroed(ctx, 'prevSum');
  const deltaSum = zeroed(ctx, 'deltaSum');
  for (let r = 0; r < m; r++) {
    const src = rows[r] * n;
    for (let j = 0; j < n; j++) if (kept[j] === 1) prevSum[j] += storedBonds[src + j];
    const a = activeRows[r];
    if (a === 0) continue; // ΔB row of zeros: adding +0 would change no sum
    for (let j = 0, base = r * n; j < n; j++) deltaSum[j] += a * w[base + j];
  }
  // Pass 2: B = EMA of the normalised ΔB and B⁰, with its column sums.
  const alpha = constantAlpha(params);
  const keep = 1 - alpha;
  const bonds = scratchF64(workspace, 'bonds', m * n);
  const bondSum = zeroed(ctx, 'bondSum');
  for (let r = 0; r < m; r++) {
    const src = rows[r] * n;
    const base = r * n;
    const a = activeRows[r];
    for (let j = 0; j < n; j++) {
      // x / s for s > 0 leaves a ±0 as it is, so zeros skip the division (here and below).
      let prev = kept[j] === 1 ? storedBonds[src + j] : 0;
      if (prev !== 0 && prevSum[j] > 0) prev /= prevSum[j];
      let delta = a === 0 ? 0 : a * w[base + j];
      if (delta !== 0 && deltaSum[j] > 0) delta /= deltaSum[j];
      const b = emaEntry(delta, prev, alpha, keep);
      bonds[base + j] = b;
      bondSum[j] += b;
    }
  }
  // Pass 3: normalise B's columns, read the dividends, find each column's max for storage.
  const perRow = new Float64Array(m);
  const colMax = zeroed(ctx, 'colMax');
  for (let r = 0; r < m; r++) {
    const base = r * n;
    let dot = 0;
    for (let j = 0; j < n; j++) {
      let b = bonds[base + j];
      if (b !== 0 && bondSum[j] > 0) {
        b /= bondSum[j];
        bonds[base + j] = b;
      }
      dot += b * incentive[j];
      if (b > colMax[j]) colMax[j] = b;
    }
    perRow[r] = dot;
  }
  const dividends = normalizeInPlace(scatterRows(perRow, rows, n));
  // Pass 4: storage, each column max-upscaled (a true division: x/x must stay exactly 1 → 65535).
  const stored = zeroBondMatrix(workspace, n);
  for (let r = 0; r < m; r++) {
    const i = rows[r];
    if (newPermit[i] !== 1) continue; // a validator without a new permit loses its bonds
    markBondRow(workspace, i);
    for (let j = 0, base = r * n, dst = i * n; j < n; j++) {
      const b = bonds[base + j];
      stored[dst + j] = proportionToU16(b !== 0 && colMax[j] > 0 ? b / colMax[j] : b);
    }
  }
  return { dividends, storedBonds: stored };
}

/**
 * §3.11(b) Yuma3 (Yuma3On = true): B⁰ = u16/65535 (absolute levels, masked); per entry EMA with the
 * constant α, or with per-pair liquid alphas capped at 1 — evaluated only on W̃'s entries when
 * `params.sparseLiquidAlpha` (chain, Q1), else decaying every bond. D_i = A_i·Σ_j B̂_ij·I_j with B̂
 * the column-normalised B, then normalised. Storage: ⌊B·65535⌋.
 */
export function yuma3Bonds(ctx: BondsContext, params: YumaParams): BondsOutcome {
  const { n, rows, storedBonds, activeRows, consensus, incentive, newPermit, workspace } = ctx;
  const { values: w, present } = ctx.weightsForBonds;
  const m = rows.length;
  const kept = keptColumns(ctx);
  const scale = u16ToProportion(1);
  const liquid = liquidAlphaApplies(params, consensus);
  const sparse = params.sparseLiquidAlpha;
  const { alphaLow, alphaHigh } = params.liquidAlpha;
  const slope = -params.liquidAlpha.steepness / 100;
  const alpha = constantAlpha(params);
  const keep = 1 - alpha;
  // Pass 1: B (kept unnormalised for storage) and its column sums.
  const bonds = scratchF64(workspace, 'bonds', m * n);
  const bondSum = zeroed(ctx, 'bondSum');
  for (let r = 0; r < m; r++) {
    const src = rows[r] * n;
    const base = r * n;
    for (let j = 0; j < n; j++) {
      const k = base + j;
      const prev = kept[j] === 1 ? storedBonds[src + j] * scale : 0;
      let b: number;
      if (!liquid) b = emaEntry(w[k], prev, alpha, keep);
      else if (sparse && present[k] === 0) b = 0;
      else
        b = emaCappedEntry(
          w[k],
          prev,
          pairAlpha(present[k], w[k], prev, consensus[j], slope, alphaLow, alphaHigh),
        );
      bonds[k] = b;
      bondSum[j] += b;
    }
  }
  // Pass 2: dividends from the column-normalised B; storage of B itself.
  let finite = true; // every B_ij finite (B ≥ 0, so a finite column sum says so)
  for (let j = 0; j < n; j++) if (!(bondSum[j] < Number.POSITIVE_INFINITY)) finite = false;
  const incCols = new Int32Array(n); // columns with I_j ≠ 0 (NaN included)
  let nz = 0;
  for (let j = 0; j < n; j++) {
    if (incentive[j] === 0) continue;
    incCols[nz++] = j;
    if (!(Math.abs(incentive[j]) < Number.POSITIVE_INFINITY)) finite = false; // 0·NaN must be added
  }
  const perRow = new Float64Array(m);
  const stored = zeroBondMatrix(workspace, n);
  for (let r = 0; r < m; r++) {
    const base = r * n;
    let dot = 0;
    if (finite) {
      // Finite b ≥ 0 and I_j: a term with b = 0 or I_j = 0 is ±0 and adding it changes nothing.
      for (let q = 0; q < nz; q++) {
        const j = incCols[q];
        const b = bonds[base + j];
        if (b !== 0) dot += (bondSum[j] > 0 ? b / bondSum[j] : b) * incentive[j];
      }
    } else {
      for (let j = 0; j < n; j++) {
        const b = bonds[base + j];
        dot += (bondSum[j] > 0 ? b / bondSum[j] : b) * incentive[j];
      }
    }
    perRow[r] = dot * activeRows[r];
    const i = rows[r];
    if (newPermit[i] !== 1) continue; // a validator without a new permit loses its bonds
    markBondRow(workspace, i);
    for (let j = 0, dst = i * n; j < n; j++) stored[dst + j] = proportionToU16(bonds[base + j]);
  }
  return { dividends: normalizeInPlace(scatterRows(perRow, rows, n)), storedBonds: stored };
}
