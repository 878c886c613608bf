/**
 * What `set_weights` stores (spec §2): the submitted row max-upscaled so its largest entry is 65535,
 * each value round-half-away-from-zero(v·65535/max). Explicit zeros stay (as zeros).
 * Rules: all-zero or empty row → zeros; negative or NaN values count as 0.
 */
export function maxUpscaleU16(values: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(values.length);
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  if (!(max > 0)) return out;
  for (let i = 0; i < values.length; i++) if (values[i] > 0) out[i] = upscaledU16(values[i], max);
  return out;
}

/**
 * One entry of maxUpscaleU16: round-half-away-from-zero(v·65535/max) for 0 < v ≤ max. v·65535 is
 * exact for u16 inputs, so quotient and remainder are exact and a true half (e.g.
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
