import { emaAlphaCappedInto, emaInto } from '../math/ema.ts';
import { colMaxUpscaleInPlace, colNormalizeInPlace, normalizeInPlace } from '../math/normalize.ts';
import { proportionToU16, u16ToProportion } from '../math/u16.ts';
import { liquidAlphaApplies, liquidAlphaMatrix } from './liquid-alpha.ts';
import { scatterRows } from './rows.ts';
import type { YumaParams } from './types.ts';
import type { SparseDense } from './weights.ts';

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
}

/** §3.11(a)/(b) α = 1 − BondsMovingAverage/10⁶ (constant EMA coefficient). */
export function constantAlpha(params: YumaParams): number {
  return 1 - params.bondsMovingAverage / 1_000_000;
}

/**
 * §3.11 Recently-registered mask: stored bonds read with `scale` (1 for original Yuma, 1/65535 for
 * Yuma3), with every column j dropped where last_tempo ≤ reg[j] (uid j re-occupied since the
 * previous epoch, Q5). Deregistration alone does not clear bond columns; this mask does.
 */
export function previousBonds(ctx: BondsContext, scale: number): Float64Array {
  const { n, rows, storedBonds, blockAtRegistration: reg, lastTempo } = ctx;
  const out = new Float64Array(rows.length * n);
  for (let r = 0; r < rows.length; r++) {
    const src = rows[r] * n;
    const base = r * n;
    for (let j = 0; j < n; j++) {
      if (lastTempo <= reg[j]) continue;
      out[base + j] = storedBonds[src + j] * scale;
    }
  }
  return out;
}

/**
 * §3.11(a) Original Yuma (Yuma3On = false): B⁰ column-normalised; ΔB = A_i·W̃_ij column-normalised;
 * B = α·ΔB + (1−α)·B⁰ (entries ≤ 0 dropped) column-normalised; D = normalise(B·I). Storage: each
 * column divided by its max, then ⌊x·65535⌋. A column nobody bonds this epoch keeps its old bonds (Q8).
 * Liquid alpha has no effect here (Q7).
 */
export function originalYumaBonds(ctx: BondsContext, params: YumaParams): BondsOutcome {
  const { n, rows, activeRows, weightsForBonds, incentive } = ctx;
  const m = rows.length;
  const prev = colNormalizeInPlace(previousBonds(ctx, 1), m, n);
  const delta = new Float64Array(m * n);
  for (let r = 0; r < m; r++) {
    const a = activeRows[r];
    if (a === 0) continue;
    const base = r * n;
    for (let j = 0; j < n; j++) delta[base + j] = a * weightsForBonds.values[base + j];
  }
  colNormalizeInPlace(delta, m, n);
  const ema = colNormalizeInPlace(emaInto(delta, prev, constantAlpha(params), delta), m, n);
  const dividends = normalizeInPlace(scatterRows(rowDot(ema, incentive, n), rows, n));
  // Storage happens after the dividends have been read from the unscaled bonds.
  colMaxUpscaleInPlace(ema, m, n);
  return { dividends, storedBonds: encodeRows(ema, ctx) };
}

/**
 * §3.11(b) Yuma3 (Yuma3On = true): B⁰ = u16/65535 (absolute levels); per entry EMA with the constant α,
 * or with per-pair liquid alphas capped at 1 — evaluated only on W̃'s entries when
 * `params.sparseLiquidAlpha` (chain, Q1), else decaying every bond. D_i = A_i·Σ_j B̂_ij·I_j with B̂ the
 * column-normalised B, then normalised. Storage: ⌊B·65535⌋.
 */
export function yuma3Bonds(ctx: BondsContext, params: YumaParams): BondsOutcome {
  const { n, rows, activeRows, weightsForBonds, consensus, incentive } = ctx;
  const m = rows.length;
  const prev = previousBonds(ctx, u16ToProportion(1));
  let ema: Float64Array;
  if (liquidAlphaApplies(params, consensus)) {
    const alphas = liquidAlphaMatrix(weightsForBonds, prev, consensus, params.liquidAlpha);
    const mask = params.sparseLiquidAlpha ? weightsForBonds.present : undefined;
    ema = emaAlphaCappedInto(weightsForBonds.values, prev, alphas, prev, mask);
  } else {
    ema = emaInto(weightsForBonds.values, prev, constantAlpha(params), prev);
  }
  const normalized = colNormalizeInPlace(Float64Array.from(ema), m, n);
  const perRow = rowDot(normalized, incentive, n);
  for (let r = 0; r < m; r++) perRow[r] *= activeRows[r];
  const dividends = normalizeInPlace(scatterRows(perRow, rows, n));
  return { dividends, storedBonds: encodeRows(ema, ctx) };
}

/** d_r = Σ_j mat_rj·v_j for a (rows × n) matrix. */
function rowDot(mat: Float64Array, v: Float64Array, n: number): Float64Array {
  const out = new Float64Array(mat.length / n);
  for (let r = 0; r < out.length; r++) {
    const base = r * n;
    let sum = 0;
    for (let j = 0; j < n; j++) sum += mat[base + j] * v[j];
    out[r] = sum;
  }
  return out;
}

/**
 * §3.11 "Permits and bond storage": ⌊x·65535⌋ for the rows of uids holding a new permit; every
 * other row is written empty (a validator that loses its permit loses all its bonds).
 */
function encodeRows(mat: Float64Array, ctx: BondsContext): Float64Array {
  const { n, rows, newPermit } = ctx;
  const out = new Float64Array(n * n);
  for (let r = 0; r < rows.length; r++) {
    if (newPermit[rows[r]] !== 1) continue;
    const src = r * n;
    const base = rows[r] * n;
    for (let j = 0; j < n; j++) out[base + j] = proportionToU16(mat[src + j]);
  }
  return out;
}
