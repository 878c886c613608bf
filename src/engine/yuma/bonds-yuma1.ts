import { normalizeInPlace } from '../math/normalize.ts';
import { type BondsContext, type BondsOutcome, constantAlpha, keptColumns, zeroed } from './bonds.ts';
import { scatterRows } from './rows.ts';
import type { YumaParams } from './types.ts';
import { bondOutput, scratchF64 } from './workspace.ts';

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
      const x = alpha * delta + keep * prev; // emaEntry, written out (a call in a hot loop costs V8 more)
      const b = x <= 0 ? 0 : x;
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
  const stored = bondOutput(workspace, n, rows, newPermit);
  for (let r = 0; r < m; r++) {
    const i = rows[r];
    if (newPermit[i] !== 1) continue; // a validator without a new permit loses its bonds
    for (let j = 0, base = r * n, dst = i * n; j < n; j++) {
      const b = bonds[base + j];
      const x = b !== 0 && colMax[j] > 0 ? b / colMax[j] : b;
      stored[dst + j] = !(x > 0) ? 0 : x >= 1 ? 65535 : Math.floor(x * 65535); // proportionToU16
    }
  }
  return { dividends, storedBonds: stored };
}
