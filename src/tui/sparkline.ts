/** Eight-level bars, lowest first. */
const BARS = '▁▂▃▄▅▆▇█';

/**
 * A sparkline of the last `width` values, right-aligned (padded with spaces while the history is short),
 * scaled from their minimum to their maximum, or from 0 with `fromZero` (shares, where the level
 * matters more than the wiggle). A flat series draws at the bottom if it is 0, mid-height otherwise;
 * non-finite values draw as spaces.
 */
export function sparkline(values: readonly number[], width: number, fromZero = false): string {
  if (width <= 0) return '';
  const shown = values.slice(-width);
  let min = fromZero ? 0 : Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of shown) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const bar = (v: number): string => {
    if (!Number.isFinite(v)) return ' ';
    if (max === min) return v === 0 ? BARS[0] : BARS[3];
    return BARS[Math.min(BARS.length - 1, Math.floor(((v - min) / (max - min)) * BARS.length))];
  };
  return shown.map(bar).join('').padStart(width, ' ');
}
