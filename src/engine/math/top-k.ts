/**
 * Top-K of the non-zero entries (spec §3.3, chain `is_topk_nonzero_i32f32`): every entry ≠ 0 starts
 * selected; if n ≥ K the entries are sorted ascending with a stable sort (ties keep index order) and the
 * first n − K are deselected, so among equal values the lower index loses.
 * Rule: K ≥ n + 1 → just the non-zero mask; K = 0 → nothing selected.
 */
export function isTopKNonzero(values: ArrayLike<number>, k: number): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = values[i] !== 0 ? 1 : 0;
  if (n < k) return out;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Explicit index tie-break makes the order independent of the engine's sort stability.
  order.sort((a, b) => values[a] - values[b] || a - b);
  const drop = n - Math.max(0, k);
  for (let r = 0; r < drop; r++) out[order[r]] = 0;
  return out;
}
