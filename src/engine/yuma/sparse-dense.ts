/**
 * A dense m×n matrix over the rows in play (see rows.ts) with its sparsity pattern: explicit zeros
 * are entries (spec §3.5), which matters for Yuma3 liquid alpha (§3.11, quirk Q1).
 */
export interface SparseDense {
  /** m×n values, 0 where absent. */
  values: Float64Array;
  /**
   * m×n → 1 where the entry exists (an entry may hold 0). Only Yuma3's liquid alpha reads the
   * pattern, so a stage derives it on the first call (then returns the same array): most epochs never
   * write it. Valid for as long as `values`.
   */
  present: () => Uint8Array;
  /**
   * Whether every absent entry's value is +0. Only a §3.5 row whose sum is NaN breaks it: its
   * normalisation divides every entry, absent ones too, by NaN (as the chain's dense path would).
   */
  absentZero: boolean;
  /**
   * Whether every value is known finite, ≥ +0 and not −0 (§3.5's weights when every row sum is
   * finite), which lets the κ-median skip its per-column checks. Absent: not known.
   */
  finite?: boolean;
}

/** A `present` that runs `build` on the first call only. */
export function onDemand(build: () => Uint8Array): () => Uint8Array {
  let built: Uint8Array | undefined;
  return () => {
    if (built === undefined) built = build();
    return built;
  };
}
