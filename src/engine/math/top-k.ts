/**
 * Top-K of the non-zero entries (spec §3.3, chain `is_topk_nonzero_i32f32`): every entry ≠ 0 starts
 * selected; if n ≥ K the entries are sorted ascending with a stable sort (ties keep index order) and the
 * first n − K are deselected, so among equal values the lower index loses.
 * Rule: K ≥ n + 1 → just the non-zero mask; K = 0 → nothing selected.
 */
export function isTopKNonzero(values: ArrayLike<number>, k: number): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  let finite = true;
  for (let i = 0; i < n; i++) {
    out[i] = values[i] !== 0 ? 1 : 0;
    if (!Number.isFinite(values[i])) finite = false;
  }
  if (n < k) return out;
  const drop = n - Math.max(0, k);
  if (finite) {
    dropLowest(values, drop, out);
    return out;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Explicit index tie-break makes the order independent of the engine's sort stability.
  order.sort((a, b) => values[a] - values[b] || a - b);
  for (let r = 0; r < drop; r++) out[order[r]] = 0;
  return out;
}

/**
 * The same deselection without sorting indices, for finite values only: there the order (value, then
 * index) is total, so the first `drop` are every value below x = the drop-th smallest value and, among
 * the values equal to x (±0 alike), the lowest indices.
 */
function dropLowest(values: ArrayLike<number>, drop: number, out: Uint8Array): void {
  if (drop <= 0) return;
  const n = values.length;
  const x = kthSmallest(Float64Array.from(values), drop);
  let left = drop;
  for (let i = 0; i < n; i++) {
    if (values[i] < x) {
      out[i] = 0;
      left--;
    }
  }
  for (let i = 0; i < n && left > 0; i++) {
    if (values[i] === x) {
      out[i] = 0;
      left--;
    }
  }
}

/**
 * The k-th smallest (1-based) of finite values, by a three-way quick-select that permutes `v`: linear
 * on average where a sort is n·log n. ±0 count as equal, as the callers' comparisons do.
 */
function kthSmallest(v: Float64Array, k: number): number {
  let lo = 0;
  let hi = v.length;
  let want = k - 1; // index within [lo, hi)
  for (;;) {
    const pivot = v[lo + ((hi - lo) >> 1)];
    // [lo, lt) < pivot, [lt, gt) = pivot, [gt, hi) > pivot
    let lt = lo;
    let gt = hi;
    for (let i = lo; i < gt; ) {
      const x = v[i];
      if (x < pivot) {
        v[i++] = v[lt];
        v[lt++] = x;
      } else if (x > pivot) {
        v[i] = v[--gt];
        v[gt] = x;
      } else i++;
    }
    if (want < lt - lo) hi = lt;
    else if (want < gt - lo) return pivot;
    else {
      want -= gt - lo;
      lo = gt;
    }
  }
}
