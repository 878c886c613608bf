import { normalizeInPlace } from '../math/normalize.ts';
import { type BondsContext, droppedColumns, keptColumns, zeroed } from './bonds.ts';
import { yuma3Dividends } from './bonds-yuma3.ts';
import {
  bondWeight,
  clipOf,
  type Ema,
  emaEntry,
  fusedRow,
  fusedRowPair,
  type Place,
  type Rows,
} from './clip-yuma3-rows.ts';
import { liquidAlphaApplies } from './liquid-alpha.ts';
import type { SparseDense } from './sparse-dense.ts';
import type { YumaParams } from './types.ts';
import { bondOutput, scratchF64 } from './workspace.ts';

/**
 * A fused fast path for §3.7 clipping, §3.8 validator trust, §3.9 rank and incentive, §3.10 W̃ and
 * pass 1 of Yuma3's §3.11 (the constant-α EMA, its column sums and storage): one pass over the m×n
 * rows in play instead of three, and neither W̄ nor W̃ is written (only this EMA read them).
 *
 * Why the numbers are the same: every entry goes through the reference's own expressions
 * (clipTrustIncentive, weightsForBonds, constantEmaRow), and every sum adds the same terms in the same
 * order — VT_i along its row, R_j and the bond column sums down their column in row order (rows two at
 * a time add the upper row's term first). The EMA does not read the incentive, so it can run before
 * the rank is complete; the dividends (pass 2) run afterwards, as in yuma3Bonds.
 * test/engine/yuma/clip-yuma3-fused.test.ts compares it with the stages on random inputs.
 */
export interface ClipYuma3Outcome {
  validatorTrust: Float64Array;
  incentive: Float64Array;
  dividends: Float64Array;
  storedBonds: Float64Array;
}

/** What the fused path reads: §3.11's context less the two things it computes itself. */
export type ClipBondsContext = Omit<BondsContext, 'weightsForBonds' | 'incentive'>;

/**
 * Preconditions: Yuma3 with the constant α (liquid alpha off or not applying: the sigmoid reads W̃'s
 * pattern), and W's absent entries all +0, so that clipping need not read W's pattern either.
 */
export function canFuseClipYuma3(params: YumaParams, w: SparseDense, consensus: Float64Array): boolean {
  return params.version === 'yuma3' && w.absentZero && !liquidAlphaApplies(params, consensus);
}

export function clipYuma3Fused(w: SparseDense, ctx: ClipBondsContext, params: YumaParams): ClipYuma3Outcome {
  const { n, rows, storedBonds, consensus, activeRows, newPermit, workspace } = ctx;
  const m = rows.length;
  const wv = w.values;
  const validatorTrust = new Float64Array(n);
  const rank = new Float64Array(n);
  const level = new Float64Array(n); // what a clipped entry of column j becomes
  for (let j = 0; j < n; j++) level[j] = consensus[j] > 0 ? consensus[j] : 0;
  const kept = keptColumns(ctx);
  const dropped = droppedColumns(kept);
  const saved = new Float64Array(dropped.length);
  const bonds = scratchF64(workspace, 'bonds', m * n);
  const bondSum = zeroed(ctx, 'bondSum');
  const stored = bondOutput(workspace, n, rows, newPermit);
  const out: Rows = {
    w: wv,
    consensus,
    level,
    rank,
    bonds,
    bondSum,
    storedBonds,
    stored,
    sums: new Float64Array(2),
  };
  const ema: Ema = {
    beta: params.bondsPenalty,
    alpha: 1 - params.bondsMovingAverage / 1_000_000, // constantAlpha
  };
  for (let r = 0; r < m; r++) {
    const a = activeRows[r];
    // Two rows at once when both add to the rank (as clipRowPair): independent sums overlap.
    const pair = a !== 0 && r + 1 < m && activeRows[r + 1] !== 0;
    const u = rows[r];
    const v = pair ? rows[r + 1] : -1;
    for (let q = 0; q < dropped.length; q++) saved[q] = bondSum[dropped[q]];
    const at: Place = {
      n,
      base: r * n,
      a,
      b: pair ? activeRows[r + 1] : 0,
      srcA: u * n,
      srcB: v * n,
      // A validator without a new permit loses its bonds: its row is not stored.
      dstA: newPermit[u] === 1 ? u * n : -1,
      dstB: pair && newPermit[v] === 1 ? v * n : -1,
    };
    if (pair) fusedRowPair(out, at, ema);
    else fusedRow(out, at, ema);
    validatorTrust[u] = out.sums[0];
    if (pair) validatorTrust[v] = out.sums[1];
    // The dropped columns (B⁰ read as 0), redone with their sums restored: each adds B_ij once.
    for (let q = 0; q < dropped.length; q++) {
      const j = dropped[q];
      let sum = saved[q];
      for (let k = at.base + j, row = 0; row < (pair ? 2 : 1); row++, k += n) {
        const b = emaEntry(
          bondWeight(wv[k], clipOf(wv[k], consensus[j], level[j], pair), ema.beta),
          ema.alpha,
        );
        bonds[k] = b;
        sum += b;
        const dst = row === 0 ? at.dstA : at.dstB;
        if (dst >= 0) stored[dst + j] = Math.floor((b > 0 ? (b >= 1 ? 1 : b) : 0) * 65535);
      }
      bondSum[j] = sum;
    }
    if (pair) r++;
  }
  const incentive = normalizeInPlace(rank);
  const dividends = yuma3Dividends({ ...ctx, incentive, weightsForBonds: w }, bonds, bondSum);
  return { validatorTrust, incentive, dividends, storedBonds: stored };
}
