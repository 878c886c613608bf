import { emaCappedEntry } from '../math/ema.ts';
import { normalizeInPlace } from '../math/normalize.ts';
import { proportionToU16, u16ToProportion } from '../math/u16.ts';
import { type BondsContext, type BondsOutcome, droppedColumns, keptColumns, zeroed } from './bonds.ts';
import { liquidAlphaApplies, pairAlpha } from './liquid-alpha.ts';
import { scatterRows } from './rows.ts';
import type { YumaParams } from './types.ts';
import { bondOutput, scratchF64 } from './workspace.ts';

/**
 * §3.11(b) Yuma3 (Yuma3On = true): B⁰ = u16/65535 (absolute levels, masked); per entry EMA with the
 * constant α, or with per-pair liquid alphas capped at 1 — evaluated only on W̃'s entries when
 * `params.sparseLiquidAlpha` (chain, Q1), else decaying every bond. D_i = A_i·Σ_j B̂_ij·I_j with B̂
 * the column-normalised B, then normalised. Storage: ⌊B·65535⌋.
 */
export function yuma3Bonds(ctx: BondsContext, params: YumaParams): BondsOutcome {
  const { n, rows, storedBonds, consensus, newPermit, workspace } = ctx;
  const w = ctx.weightsForBonds.values;
  const m = rows.length;
  const kept = keptColumns(ctx);
  const dropped = droppedColumns(kept);
  const saved = new Float64Array(dropped.length);
  const liquid = liquidAlphaApplies(params, consensus);
  // Pass 1: B (kept unnormalised for the dividends) with its column sums, and its storage ⌊B·65535⌋.
  const bonds = scratchF64(workspace, 'bonds', m * n);
  const bondSum = zeroed(ctx, 'bondSum');
  const stored = bondOutput(workspace, n, rows, newPermit);
  for (let r = 0; r < m; r++) {
    const i = rows[r];
    // A validator without a new permit loses its bonds: its row is not stored.
    const dst = newPermit[i] === 1 ? i * n : -1;
    const row: EmaRow = { w, storedBonds, kept, base: r * n, src: i * n, n, bonds, bondSum, stored, dst };
    if (liquid) liquidEmaRow(row, ctx, params);
    else constantEmaRow(row, params, dropped, saved);
  }
  return { dividends: yuma3Dividends(ctx, bonds, bondSum), storedBonds: stored };
}

/**
 * Pass 2: D_i = A_i·Σ_j B̂_ij·I_j with B̂ = B (m×n, unnormalised) divided by its column sums `bondSum`,
 * then normalised over the n uids.
 */
export function yuma3Dividends(ctx: BondsContext, bonds: Float64Array, bondSum: Float64Array): Float64Array {
  const { n, rows, activeRows, incentive } = ctx;
  const m = rows.length;
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
  for (let r = 0; r < m; r++) {
    const base = r * n;
    let dot = 0;
    if (finite && r + 1 < m) {
      // Two rows at once: two independent chains of additions (each in column order) overlap.
      let dotB = 0;
      for (let q = 0; q < nz; q++) {
        const j = incCols[q];
        const s = bondSum[j];
        const inc = incentive[j];
        const b = bonds[base + j];
        const c = bonds[base + n + j];
        if (b !== 0) dot += (s > 0 ? b / s : b) * inc;
        if (c !== 0) dotB += (s > 0 ? c / s : c) * inc;
      }
      perRow[r] = dot * activeRows[r];
      perRow[++r] = dotB * activeRows[r];
      continue;
    }
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
  }
  return normalizeInPlace(scatterRows(perRow, rows, n));
}

/** One row r (uid i) of pass 1: where it reads and writes. */
interface EmaRow {
  w: Float64Array;
  storedBonds: Float64Array;
  kept: Uint8Array;
  /** r·n: the row in the m×n matrices. */
  base: number;
  /** i·n: the row in the stored n×n bonds. */
  src: number;
  n: number;
  bonds: Float64Array;
  bondSum: Float64Array;
  stored: Float64Array;
  /** i·n, or −1 when the row is not stored. */
  dst: number;
}

/**
 * Pass 1 with the constant α: B_ij = max(α·W̃_ij + (1−α)·B⁰_ij, 0) (emaEntry), stored as ⌊B·65535⌋
 * (proportionToU16, as ⌊clamp(B, 0, 1)·65535⌋ with NaN → 0: no integer constant among the results,
 * which would make V8 convert each one to an integer and back). Written out rather than calling those helpers, with every array and scalar a
 * local: V8 re-checks an imported function or constant, and re-reads an object's field or a number
 * parameter, on every iteration of a loop that uses it. The loop reads every B⁰ as kept; the few
 * `dropped` columns (B⁰ = 0) are then redone, their column sums restored from `saved` first, so each
 * sum still adds this row's B_ij once, in row order.
 */
function constantEmaRow(row: EmaRow, params: YumaParams, dropped: Int32Array, saved: Float64Array): void {
  const { w, storedBonds, base, src, n, bonds, bondSum, stored, dst } = row;
  const alpha = 1 - params.bondsMovingAverage / 1_000_000; // constantAlpha
  const keep = 1 - alpha;
  const scale = 1 / 65535; // u16ToProportion(1)
  for (let q = 0; q < dropped.length; q++) saved[q] = bondSum[dropped[q]];
  for (let j = 0; j < n; j++) {
    const x = alpha * w[base + j] + keep * (storedBonds[src + j] * scale);
    const b = x <= 0 ? 0 : x; // Math.max(x, 0): NaN stays, −0 → +0
    bonds[base + j] = b;
    bondSum[j] += b;
    if (dst >= 0) stored[dst + j] = Math.floor((b > 0 ? (b >= 1 ? 1 : b) : 0) * 65535);
  }
  for (let q = 0; q < dropped.length; q++) {
    const j = dropped[q];
    const x = alpha * w[base + j] + keep * 0;
    const b = x <= 0 ? 0 : x;
    bonds[base + j] = b;
    bondSum[j] = saved[q] + b;
    if (dst >= 0) stored[dst + j] = Math.floor((b > 0 ? (b >= 1 ? 1 : b) : 0) * 65535);
  }
}

/**
 * Pass 1 with liquid alpha: per-pair α (pairAlpha) and the capped EMA; with `sparseLiquidAlpha`
 * (chain, Q1) a bond to a column absent from W̃'s row drops to 0.
 */
function liquidEmaRow(row: EmaRow, ctx: BondsContext, params: YumaParams): void {
  const { w, storedBonds, kept, base, src, n, bonds, bondSum, stored, dst } = row;
  const { consensus } = ctx;
  const present = ctx.weightsForBonds.present();
  const sparse = params.sparseLiquidAlpha;
  const { alphaLow, alphaHigh } = params.liquidAlpha;
  const slope = -params.liquidAlpha.steepness / 100;
  const scale = u16ToProportion(1);
  for (let j = 0; j < n; j++) {
    const k = base + j;
    const prev = kept[j] === 1 ? storedBonds[src + j] * scale : 0;
    const b =
      sparse && present[k] === 0
        ? 0
        : emaCappedEntry(
            w[k],
            prev,
            pairAlpha(present[k], w[k], prev, consensus[j], slope, alphaLow, alphaHigh),
          );
    bonds[k] = b;
    bondSum[j] += b;
    if (dst >= 0) stored[dst + j] = proportionToU16(b);
  }
}
