import { normalizeInPlace } from '../math/normalize.ts';
import type { BondsContext } from './bonds.ts';
import { scatterRows } from './rows.ts';

/**
 * §3.11(b) step 3: D_i = A_i·Σ_j B̂_ij·I_j with B̂ = B (m×n, unnormalised) divided by its column sums
 * `bondSum`, then normalised over the n uids. Each column's I_j / Σ_i B_ij is taken once (g_j) rather
 * than dividing every entry: the same sum to within a few ulps, with one division per column.
 */
export function yuma3Dividends(ctx: BondsContext, bonds: Float64Array, bondSum: Float64Array): Float64Array {
  const { n, rows, activeRows, incentive } = ctx;
  const m = rows.length;
  // g_j = I_j / Σ_i B_ij (I_j where the column sum is 0: its entries are then 0 too).
  const g = new Float64Array(n);
  let finite = true; // every B_ij (B ≥ 0: a finite column sum says so) and I_j finite
  for (let j = 0; j < n; j++) {
    g[j] = bondSum[j] > 0 ? incentive[j] / bondSum[j] : incentive[j];
    if (!(bondSum[j] < Number.POSITIVE_INFINITY && Math.abs(incentive[j]) < Number.POSITIVE_INFINITY))
      finite = false;
  }
  const perRow = new Float64Array(m);
  if (!finite) {
    // Some B_ij or I_j is NaN or ∞: every term is added as the statement writes it.
    for (let r = 0, base = 0; r < m; r++, base += n) {
      let dot = 0;
      for (let j = 0; j < n; j++) {
        const b = bonds[base + j];
        dot += (bondSum[j] > 0 ? b / bondSum[j] : b) * incentive[j];
      }
      perRow[r] = dot * activeRows[r];
    }
    return normalizeInPlace(scatterRows(perRow, rows, n));
  }
  const dots = new Float64Array(2);
  let r = 0;
  for (; r + 1 < m; r += 2) {
    dotPair(bonds, g, dots, n, r * n);
    perRow[r] = dots[0] * activeRows[r];
    perRow[r + 1] = dots[1] * activeRows[r + 1];
  }
  if (r < m) {
    let dot = 0;
    for (let j = 0, base = r * n; j < n; j++) dot += bonds[base + j] * g[j];
    perRow[r] = dot * activeRows[r];
  }
  return normalizeInPlace(scatterRows(perRow, rows, n));
}

/**
 * Σ_j B_rj·g_j for the rows at `base` and `base + n` into dots[0], dots[1]: two columns per step, each
 * row summing its even and odd columns apart (four independent chains of additions, where one chain
 * per row would wait on the adder's latency at every column).
 */
function dotPair(bonds: Float64Array, g: Float64Array, dots: Float64Array, n: number, base: number): void {
  let a0 = 0;
  let a1 = 0;
  let b0 = 0;
  let b1 = 0;
  let j = 0;
  for (let k = base; j + 1 < n; j += 2, k += 2) {
    const g0 = g[j];
    const g1 = g[j + 1];
    a0 += bonds[k] * g0;
    a1 += bonds[k + 1] * g1;
    b0 += bonds[k + n] * g0;
    b1 += bonds[k + n + 1] * g1;
  }
  if (j < n) {
    a0 += bonds[base + j] * g[j];
    b0 += bonds[base + n + j] * g[j];
  }
  dots[0] = a0 + a1;
  dots[1] = b0 + b1;
}
