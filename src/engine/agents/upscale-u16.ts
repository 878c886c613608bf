import { upscaledU16 } from '../yuma/set-weights.ts';

/**
 * Max-upscales values[0 … n−1] (≤ 0 and NaN count as 0) into row[offset …], which must be zero on
 * entry; false if the row is all zero.
 */
export function upscaleRow(values: Float64Array, n: number, row: Uint16Array, offset: number): boolean {
  let max = 0;
  for (let j = 0; j < n; j++) if (values[j] > max) max = values[j];
  if (!(max > 0)) return false;
  for (let j = 0; j < n; j++) if (values[j] > 0) row[offset + j] = upscaledU16(values[j], max);
  return true;
}
