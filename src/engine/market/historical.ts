/**
 * A historical series (read from CSV by the shell, src/scenario/price-csv.ts) as a daily path: linear
 * between the two points around each day, the first price before the first point and the last price
 * after the last (the series is held flat beyond its ends).
 */
export function interpolatePoints(
  points: readonly { day: number; price: number }[],
  out: Float64Array,
): void {
  let k = 0;
  for (let d = 0; d < out.length; d++) {
    while (k + 1 < points.length && points[k + 1].day <= d) k++;
    const a = points[k];
    const b = points[k + 1];
    if (d <= a.day || b === undefined) out[d] = a.price;
    else out[d] = a.price + ((b.price - a.price) * (d - a.day)) / (b.day - a.day);
  }
}
