import { emaCappedEntry } from '../math/ema.ts';
import { proportionToU16, u16ToProportion } from '../math/u16.ts';
import { type BondsContext, type BondsOutcome, constantAlpha, keptColumns, zeroed } from './bonds.ts';
import { constantEmaBonds } from './bonds-yuma3-ema.ts';
import { yuma3Dividends } from './dividends-yuma3.ts';
import { liquidAlphaApplies, pairAlpha } from './liquid-alpha.ts';
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
  const liquid = liquidAlphaApplies(params, consensus);
  // Pass 1: B (kept unnormalised for the dividends) with its column sums, and its storage ⌊B·65535⌋.
  const bonds = scratchF64(workspace, 'bonds', m * n);
  const bondSum = zeroed(ctx, 'bondSum');
  const stored = bondOutput(workspace, n, rows, newPermit);
  if (!liquid) constantEmaBonds(ctx, constantAlpha(params), kept, bonds, bondSum, stored);
  else {
    for (let r = 0; r < m; r++) {
      const i = rows[r];
      // A validator without a new permit loses its bonds: its row is not stored.
      const dst = newPermit[i] === 1 ? i * n : -1;
      const row: EmaRow = { w, storedBonds, kept, base: r * n, src: i * n, n, bonds, bondSum, stored, dst };
      liquidEmaRow(row, ctx, params);
    }
  }
  return { dividends: yuma3Dividends(ctx, bonds, bondSum), storedBonds: stored };
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
