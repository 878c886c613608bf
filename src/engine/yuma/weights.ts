import type { EpochInput } from './types.ts';
import { scratchF64, scratchU8, type YumaWorkspace } from './workspace.ts';

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
}

/** A `present` that runs `build` on the first call only. */
export function onDemand(build: () => Uint8Array): () => Uint8Array {
  let built: Uint8Array | undefined;
  return () => {
    if (built === undefined) built = build();
    return built;
  };
}

/**
 * §3.5 Weights: start from the stored u16 rows and
 * 1. delete rows of uids without a (previous-epoch) permit;
 * 2. delete the diagonal, except the owner's own self-weight;
 * 3. delete (i, j) if last_update[i] ≤ reg[j] (i has not re-submitted since j's occupant registered);
 * 4. with commit-reveal, delete (i, j) if i's earliest unexpired commit is older than reg[j];
 * 5. row-normalise (a zero-sum row stays as is; explicit zeros stay entries, which matters in §3.11).
 * An input entry whose weightsPresent is 0 is absent whatever its value. Returns the m×n matrix of
 * the rows in play (every permitted uid is one of them).
 */
export function maskWeights(
  input: EpochInput,
  permit: Uint8Array,
  ownerUid: number,
  rows: Int32Array,
  workspace?: YumaWorkspace,
): SparseDense {
  const { n, weights, weightsPresent, lastUpdate, blockAtRegistration: reg, commitBlock } = input;
  const m = rows.length;
  // Every entry is written: workspace buffers come back holding the previous epoch's values.
  const values = scratchF64(workspace, 'maskedValues', m * n);
  const late = lateColumns(input, permit, rows);
  let absentZero = true;
  for (let r = 0; r < m; r++) {
    const i = rows[r];
    const base = r * n;
    if (permit[i] !== 1) {
      values.fill(0, base, base + n); // 1. no permit → row deleted
      continue;
    }
    const updated = lastUpdate[i];
    const committed = commitBlock === undefined ? Number.POSITIVE_INFINITY : commitBlock[i];
    const self = i === ownerUid ? -1 : i; // 2. the column deleted as self-weight, if any
    const src = i * n;
    let sum = 0; // 5. the row sum, adding the entries in column order as rowNormalizeInPlace does
    // Runs of columns that only need the entry test (max(w, 0) = 0 deletes too; NaN stays), each
    // ended by a late column or the diagonal, which get every test.
    for (let j = 0, q = 0; ; j++) {
      let stop = q < late.length ? late[q] : n;
      if (self >= j && self < stop) stop = self;
      for (; j < stop; j++) {
        const w = weights[src + j];
        const v = weightsPresent[src + j] === 0 || w <= 0 ? 0 : w;
        values[base + j] = v;
        sum += v;
      }
      if (j === n) break;
      if (q < late.length && late[q] === j) q++;
      const rj = reg[j];
      const w = weights[src + j];
      // 3. and 4. as written, so that a NaN block keeps the entry.
      const v =
        weightsPresent[src + j] === 0 || j === self || updated <= rj || committed < rj || w <= 0 ? 0 : w;
      values[base + j] = v;
      sum += v;
    }
    if (sum === 0) continue; // 5. a zero-sum row stays as is
    // 0 / sum is +0 again for sum > 0 (entries are never −0), so zeros skip the division.
    if (sum > 0) {
      for (let k = base; k < base + n; k++) if (values[k] !== 0) values[k] /= sum;
    } else {
      for (let k = base; k < base + n; k++) values[k] /= sum;
      absentZero = false;
    }
  }
  const present = () => {
    const out = scratchU8(workspace, 'maskedPresent', m * n);
    for (let r = 0; r < m; r++) {
      const i = rows[r];
      const base = r * n;
      if (permit[i] !== 1) {
        out.fill(0, base, base + n);
        continue;
      }
      const updated = lastUpdate[i];
      const committed = commitBlock === undefined ? Number.POSITIVE_INFINITY : commitBlock[i];
      const self = i === ownerUid ? -1 : i;
      for (let j = 0, src = i * n; j < n; j++) {
        const rj = reg[j];
        const kept = weightsPresent[src + j] !== 0 && j !== self && !(updated <= rj) && !(committed < rj);
        out[base + j] = kept ? 1 : 0;
      }
    }
    return out;
  };
  return { values, present: onDemand(present), absentZero };
}

/**
 * Columns that steps 3 and 4 may delete in some permitted row (ascending): reg[j] ≥ the earliest
 * last_update or > the earliest commit among those rows. Every other column passes both tests in every
 * row, so the row loop skips them there; usually only the uids registered in the last tempo are late.
 */
function lateColumns(input: EpochInput, permit: Uint8Array, rows: Int32Array): Int32Array {
  const { n, lastUpdate, blockAtRegistration: reg, commitBlock } = input;
  let minUpdated = Number.POSITIVE_INFINITY;
  let minCommitted = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    if (permit[i] !== 1) continue;
    // NaN never deletes (the tests compare with ≤ and <), so it is left out of the minimum.
    if (lastUpdate[i] < minUpdated) minUpdated = lastUpdate[i];
    if (commitBlock !== undefined && commitBlock[i] < minCommitted) minCommitted = commitBlock[i];
  }
  let count = 0;
  for (let j = 0; j < n; j++) if (minUpdated <= reg[j] || minCommitted < reg[j]) count++;
  const late = new Int32Array(count);
  for (let j = 0, q = 0; j < n; j++) if (minUpdated <= reg[j] || minCommitted < reg[j]) late[q++] = j;
  return late;
}
