/**
 * The u16 value set_weights stores for weight v in a row whose largest weight is max:
 * round-half-away-from-zero(v·65535/max), as yuma/set-weights.ts maxUpscaleU16, for one entry.
 * v·65535 is exact for u16 inputs, so quotient and remainder are exact and a true half (e.g.
 * 21845·65535/43690 = 32767.5) rounds up as the chain's `.round()` does.
 */
export function upscaledU16(v: number, max: number): number {
  const scaled = v * 65535;
  let q = Math.floor(scaled / max);
  let r = scaled - q * max;
  // The float quotient may land one off an exact integer boundary; fix q so 0 ≤ r < max.
  if (r < 0) {
    q -= 1;
    r += max;
  } else if (r >= max) {
    q += 1;
    r -= max;
  }
  return Math.min(65535, 2 * r >= max ? q + 1 : q);
}

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
