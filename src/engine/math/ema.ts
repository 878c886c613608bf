/**
 * Exponential moving averages of dense matrices (spec §3.11; chain `mat_ema_sparse`,
 * `mat_ema_alpha_sparse` and `mat_ema_alpha`). `next` is the new observation, `prev` the old value.
 */

/**
 * out = α·next + (1 − α)·prev entrywise over the union of entries; results ≤ 0 are dropped (0), as the
 * sparse chain keeps only positive entries. `out` may alias `prev` or `next`. Returns out.
 */
export function emaInto(
  next: Float64Array,
  prev: Float64Array,
  alpha: number,
  out: Float64Array = new Float64Array(next.length),
): Float64Array {
  const keep = 1 - alpha;
  for (let k = 0; k < next.length; k++) out[k] = emaEntry(next[k], prev[k], alpha, keep);
  return out;
}

/** One entry of emaInto (keep = 1 − α, passed in so it is computed once per matrix). */
export function emaEntry(next: number, prev: number, alpha: number, keep: number): number {
  return Math.max(alpha * next + keep * prev, 0);
}

/**
 * Per-entry α: out = min(1, (1 − α)·prev + max(0, α·next)), results ≤ 0 dropped.
 * With `present`, only entries with present = 1 are evaluated and every other entry becomes 0 — the
 * chain's sparse path, which emits only columns present in the new row (quirk Q1); without it every
 * entry decays (the dense path). `out` may alias `prev` or `next`. Returns out.
 */
export function emaAlphaCappedInto(
  next: Float64Array,
  prev: Float64Array,
  alpha: Float64Array,
  out: Float64Array = new Float64Array(next.length),
  present?: Uint8Array,
): Float64Array {
  for (let k = 0; k < next.length; k++) {
    if (present !== undefined && present[k] === 0) {
      out[k] = 0;
      continue;
    }
    out[k] = emaCappedEntry(next[k], prev[k], alpha[k]);
  }
  return out;
}

/** One evaluated entry of emaAlphaCappedInto with its own α. */
export function emaCappedEntry(next: number, prev: number, alpha: number): number {
  const v = (1 - alpha) * prev + Math.max(alpha * next, 0);
  return v > 1 ? 1 : Math.max(v, 0);
}
