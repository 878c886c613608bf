import { onDemand, type SparseDense } from './sparse-dense.ts';
import type { EpochInput } from './types.ts';
import { scratchF64, scratchU8, type YumaWorkspace } from './workspace.ts';

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
  const { n, lastUpdate, commitBlock } = input;
  const m = rows.length;
  // Every entry is written: workspace buffers come back holding the previous epoch's values.
  const values = scratchF64(workspace, 'maskedValues', m * n);
  const late = lateColumns(input, permit, rows);
  let absentZero = true;
  let finite = true;
  for (let r = 0; r < m; r++) {
    const i = rows[r];
    const base = r * n;
    if (permit[i] !== 1) {
      values.fill(0, base, base + n); // 1. no permit → row deleted
      continue;
    }
    const row: MaskRow = {
      src: i * n,
      base,
      updated: lastUpdate[i],
      committed: commitBlock === undefined ? Number.POSITIVE_INFINITY : commitBlock[i],
      self: i === ownerUid ? -1 : i, // 2. the column deleted as self-weight, if any
    };
    const sum = maskRow(input, late, row, values);
    // Entries are max(w, 0) ≥ +0 and at most their sum: a finite sum makes them, and W's row, finite.
    if (!(sum < Number.POSITIVE_INFINITY)) finite = false;
    if (sum === 0) continue; // 5. a zero-sum row stays as is
    // A multiply by 1/sum is within an ulp of the division and half its cost; NaN and ∞ sums give
    // what the division gives (NaN entries, resp. finite/∞ = 0 and ∞/∞ = NaN). A row sum so small
    // that 1/sum overflows (only with subnormal weights) keeps the division.
    const scale = 1 / sum;
    if (sum > 0 && scale < Number.POSITIVE_INFINITY) scaleRun(values, base, base + n, scale);
    else {
      for (let k = base; k < base + n; k++) values[k] /= sum;
      if (!(sum > 0)) absentZero = false;
    }
  }
  // (An arrow passed inline: a named one would be wrapped by the loader's keepNames on every call.)
  const present = onDemand(() => maskedPattern(input, permit, ownerUid, rows, workspace));
  return { values, present, absentZero, finite };
}

/** The pattern of §3.5's weights (1 where an entry survives steps 1–4), built on demand. */
function maskedPattern(
  input: EpochInput,
  permit: Uint8Array,
  ownerUid: number,
  rows: Int32Array,
  workspace: YumaWorkspace | undefined,
): Uint8Array {
  const { n, weightsPresent, lastUpdate, blockAtRegistration: reg, commitBlock } = input;
  const m = rows.length;
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

/** A permitted row r (uid i) of §3.5: where it reads (i·n) and writes (r·n), and its row's tests. */
interface MaskRow {
  src: number;
  base: number;
  updated: number;
  committed: number;
  self: number;
}

/**
 * Steps 2–4 and max(w, 0) on one row into `values`; returns its sum (for 5.). Runs of columns need
 * only the entry test (max(w, 0) = 0 deletes too; NaN stays); each run ends at a late column or the
 * diagonal, which get every test (3. and 4. as written, so that a NaN block keeps the entry).
 */
function maskRow(input: EpochInput, late: Int32Array, row: MaskRow, values: Float64Array): number {
  const { n, weights, weightsPresent, blockAtRegistration: reg } = input;
  const { src, base, self } = row;
  let sum = 0;
  for (let j = 0, q = 0; ; j++) {
    let stop = q < late.length ? late[q] : n;
    if (self >= j && self < stop) stop = self;
    sum += maskRun(weights, weightsPresent, values, src, base, j, stop);
    j = stop;
    if (j === n) break;
    if (q < late.length && late[q] === j) q++;
    const rj = reg[j];
    const x = weights[src + j];
    const deleted =
      weightsPresent[src + j] === 0 || j === self || row.updated <= rj || row.committed < rj || x <= 0;
    values[base + j] = deleted ? 0 : x;
    sum += values[base + j];
  }
  return sum;
}

/**
 * Entries [from, to) of a row: present and > 0 (or NaN) kept, else 0; returns their sum. Four at a
 * time with four partial sums: V8 checks each typed array once per iteration rather than per access,
 * and the sums are independent chains of additions.
 */
function maskRun(
  w: Float64Array,
  p: Uint8Array,
  out: Float64Array,
  src: number,
  dst: number,
  from: number,
  to: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = from;
  for (; j + 3 < to; j += 4) {
    const x0 = w[src + j];
    const x1 = w[src + j + 1];
    const x2 = w[src + j + 2];
    const x3 = w[src + j + 3];
    const v0 = p[src + j] === 0 || x0 <= 0 ? 0 : x0;
    const v1 = p[src + j + 1] === 0 || x1 <= 0 ? 0 : x1;
    const v2 = p[src + j + 2] === 0 || x2 <= 0 ? 0 : x2;
    const v3 = p[src + j + 3] === 0 || x3 <= 0 ? 0 : x3;
    out[dst + j] = v0;
    out[dst + j + 1] = v1;
    out[dst + j + 2] = v2;
    out[dst + j + 3] = v3;
    s0 += v0;
    s1 += v1;
    s2 += v2;
    s3 += v3;
  }
  for (; j < to; j++) {
    const x = w[src + j];
    const v = p[src + j] === 0 || x <= 0 ? 0 : x;
    out[dst + j] = v;
    s0 += v;
  }
  return s0 + s1 + (s2 + s3);
}

/** out[from, to) *= s, four at a time. */
function scaleRun(out: Float64Array, from: number, to: number, s: number): void {
  let k = from;
  for (; k + 3 < to; k += 4) {
    out[k] *= s;
    out[k + 1] *= s;
    out[k + 2] *= s;
    out[k + 3] *= s;
  }
  for (; k < to; k++) out[k] *= s;
}
