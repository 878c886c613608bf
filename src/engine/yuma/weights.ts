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
  const { n, weightsPresent, lastUpdate, blockAtRegistration: reg, commitBlock } = input;
  const m = rows.length;
  // Every entry is written: workspace buffers come back holding the previous epoch's values.
  const values = scratchF64(workspace, 'maskedValues', m * n);
  const late = lateColumns(input, permit, rows);
  let absentZero = true;
  const sums = new Float64Array(2);
  const rowAt = (r: number): MaskRow => {
    const i = rows[r];
    return {
      src: i * n,
      base: r * n,
      updated: lastUpdate[i],
      committed: commitBlock === undefined ? Number.POSITIVE_INFINITY : commitBlock[i],
      self: i === ownerUid ? -1 : i, // 2. the column deleted as self-weight, if any
    };
  };
  for (let r = 0; r < m; r++) {
    if (permit[rows[r]] !== 1) {
      values.fill(0, r * n, r * n + n); // 1. no permit → row deleted
      continue;
    }
    // Two permitted rows at once where possible: their sums are independent chains the CPU overlaps.
    const pair = r + 1 < m && permit[rows[r + 1]] === 1;
    const rowA = rowAt(r);
    const rowB = pair ? rowAt(++r) : undefined;
    maskRows(input, late, rowA, rowB, values, sums);
    for (const [row, sum] of rowB === undefined
      ? [[rowA, sums[0]] as const]
      : [[rowA, sums[0]] as const, [rowB, sums[1]] as const]) {
      if (sum === 0) continue; // 5. a zero-sum row stays as is
      const { base } = row;
      // 0 / sum is +0 again for sum > 0 (entries are never −0), so zeros skip the division.
      if (sum > 0) {
        for (let k = base; k < base + n; k++) if (values[k] !== 0) values[k] /= sum;
      } else {
        for (let k = base; k < base + n; k++) values[k] /= sum;
        absentZero = false;
      }
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

/** A permitted row r (uid i) of §3.5: where it reads (i·n) and writes (r·n), and its row's tests. */
interface MaskRow {
  src: number;
  base: number;
  updated: number;
  committed: number;
  self: number;
}

/**
 * Steps 2–4 and max(w, 0) on row A and, if given, row B, into `values`; sums[0] and sums[1] get their
 * row sums (5.), each adding its entries in column order. Runs of columns need only the entry test
 * (max(w, 0) = 0 deletes too; NaN stays); each run ends at a late column or a diagonal, which get
 * every test (3. and 4. as written, so that a NaN block keeps the entry).
 */
function maskRows(
  input: EpochInput,
  late: Int32Array,
  a: MaskRow,
  b: MaskRow | undefined,
  values: Float64Array,
  sums: Float64Array,
): void {
  const { n, weights, weightsPresent, blockAtRegistration: reg } = input;
  const { src: srcA, base: baseA, self: selfA } = a;
  const srcB = b === undefined ? -1 : b.src;
  const baseB = b === undefined ? -1 : b.base;
  const selfB = b === undefined ? -1 : b.self;
  let sumA = 0;
  let sumB = 0;
  for (let j = 0, q = 0; ; j++) {
    let stop = q < late.length ? late[q] : n;
    if (selfA >= j && selfA < stop) stop = selfA;
    if (selfB >= j && selfB < stop) stop = selfB;
    if (b === undefined) {
      for (; j < stop; j++) {
        const x = weights[srcA + j];
        const v = weightsPresent[srcA + j] === 0 || x <= 0 ? 0 : x;
        values[baseA + j] = v;
        sumA += v;
      }
    } else {
      for (; j < stop; j++) {
        const x = weights[srcA + j];
        const y = weights[srcB + j];
        const v = weightsPresent[srcA + j] === 0 || x <= 0 ? 0 : x;
        const u = weightsPresent[srcB + j] === 0 || y <= 0 ? 0 : y;
        values[baseA + j] = v;
        values[baseB + j] = u;
        sumA += v;
        sumB += u;
      }
    }
    if (j === n) break;
    if (q < late.length && late[q] === j) q++;
    const rj = reg[j];
    for (const row of b === undefined ? [a] : [a, b]) {
      const x = weights[row.src + j];
      const v =
        weightsPresent[row.src + j] === 0 ||
        j === row.self ||
        row.updated <= rj ||
        row.committed < rj ||
        x <= 0
          ? 0
          : x;
      values[row.base + j] = v;
      if (row === a) sumA += v;
      else sumB += v;
    }
  }
  sums[0] = sumA;
  sums[1] = sumB;
}
