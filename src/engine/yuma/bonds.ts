import type { SparseDense } from './sparse-dense.ts';
import type { YumaParams } from './types.ts';
import { scratchF64, scratchU8, type YumaWorkspace } from './workspace.ts';

// §3.11 Bonds and dividends: what both versions share. Each version (bonds-yuma1.ts; bonds-yuma3.ts
// with bonds-yuma3-ema.ts and dividends-yuma3.ts) runs as a few passes over the m×n rows in play
// rather than one per spec step (previous bonds, column normalisations, EMA, row dot, max-upscale,
// storage), with one m×n buffer instead of three or four: B⁰ and ΔB are recomputed from their inputs
// where needed rather than stored. Column sums add in row order, as the step-by-step statement does.

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
export function keptColumns(
  ctx: Pick<BondsContext, 'n' | 'blockAtRegistration' | 'lastTempo' | 'workspace'>,
): Uint8Array {
  const { n, blockAtRegistration: reg, lastTempo } = ctx;
  const kept = scratchU8(ctx.workspace, 'keptColumns', n);
  for (let j = 0; j < n; j++) kept[j] = lastTempo <= reg[j] ? 0 : 1;
  return kept;
}

/** A zeroed per-column accumulator. */
export const zeroed = (ctx: Pick<BondsContext, 'n' | 'workspace'>, key: string) =>
  scratchF64(ctx.workspace, key, ctx.n).fill(0);
