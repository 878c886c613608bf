import { rangeLength } from './checks.ts';
import type { Distribution, SweepParameter } from './schema.ts';

/** A parameter's values: the list for grid and zip, and a quantile function for the sampled designs. */

/** Rounded to 12 significant digits, so a range of 0.1 steps gives 0.3 and not 0.30000000000000004. */
const tidy = (x: number) => Number(x.toPrecision(12));

/** The listed values of a `values` or `range` parameter. */
export function listedValues(p: SweepParameter): unknown[] {
  if (p.values !== undefined) return p.values;
  if (p.range !== undefined) {
    const { from, step } = p.range;
    return Array.from({ length: rangeLength(p.range) }, (_, k) => tidy(from + k * step));
  }
  throw new Error('a distribution has no listed values');
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9).
 * Reference: P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function".
 */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    return p < low ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

function distributionQuantile(d: Distribution, u: number): unknown {
  switch (d.kind) {
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'loguniform':
      return Math.exp(Math.log(d.min) + u * (Math.log(d.max) - Math.log(d.min)));
    case 'normal':
      return d.mean + d.sd * normalQuantile(u);
    case 'choice':
      return d.values[Math.min(d.values.length - 1, Math.floor(u * d.values.length))];
  }
}

/** The value at quantile u ∈ [0, 1): a distribution's inverse CDF, or an equally likely pick of a list. */
export function quantile(p: SweepParameter, u: number): unknown {
  if (p.distribution !== undefined) return distributionQuantile(p.distribution, u);
  const list = listedValues(p);
  return list[Math.min(list.length - 1, Math.floor(u * list.length))];
}
