/** Small descriptive statistics over typed arrays. Degenerate input gives 0, never NaN or a throw. */

/** Gini coefficient of non-negative values (0 = equal, → 1 = one holds all); empty or all-zero → 0. */
export function gini(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    sum += sorted[i];
    weighted += (i + 1) * sorted[i];
  }
  if (n === 0 || sum <= 0) return 0;
  return (2 * weighted) / (n * sum) - (n + 1) / n;
}

/** Average ranks (ties share the mean rank), 1-based. */
function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let k = i;
    while (k + 1 < n && values[order[k + 1]] === values[order[i]]) k++;
    const rank = (i + k) / 2 + 1;
    for (let m = i; m <= k; m++) out[order[m]] = rank;
    i = k + 1;
  }
  return out;
}

/** Pearson correlation; fewer than 2 points or zero variance → 0. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Spearman rank correlation (Pearson on average ranks). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(ranks(x), ranks(y));
}
