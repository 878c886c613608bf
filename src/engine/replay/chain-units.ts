import { RAO_PER_ALPHA, U16_MAX } from '../units.ts';
import type { ChainInt, SparseRows } from './snapshot.ts';

/**
 * The one place where a snapshot's raw chain integers become the simulator's units (replay.md §0):
 * u16 fractions → u16/65535, rao → alpha (rao/1e9), weight rows → fractions summing to 1. Snapshots keep
 * the raw integers; everything that reads them goes through here.
 */

/** Mechanism storage index (replay.md §1.1): Weights/Bonds/Incentive/LastUpdate are keyed by it. */
export const GLOBAL_MAX_SUBNET_COUNT = 4096;

export function storageIndex(netuid: number, mechid: number): number {
  return mechid * GLOBAL_MAX_SUBNET_COUNT + netuid;
}

/** A raw chain integer (JSON number or decimal text) as a number; exact up to 2⁵³, nearest beyond. */
export function chainNumber(value: ChainInt | unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return Number.NaN;
}

/** A stored u16 fraction (incentive, dividends, consensus, kappa, …) as a fraction in [0, 1]. */
export function u16ToFraction(value: ChainInt | unknown): number {
  return chainNumber(value) / U16_MAX;
}

/** A rao amount (stake, emission, burn) in whole alpha or TAO. */
export function raoToAlpha(value: ChainInt | unknown): number {
  return chainNumber(value) / RAO_PER_ALPHA;
}

/**
 * A weights row as fractions of its sum, as the epoch reads it (yuma.md §3.5 step 5) and as the SDK
 * shows it; a row summing to 0 stays all zeros.
 */
export function normaliseWeightRow(entries: readonly [number, number][]): [number, number][] {
  let sum = 0;
  for (const [, w] of entries) sum += w;
  return entries.map(([uid, w]) => [uid, sum > 0 ? w / sum : 0]);
}

/** Every row of a Weights map normalised (normaliseWeightRow). */
export function normaliseWeightRows(rows: SparseRows): SparseRows {
  return rows.map(([uid, entries]) => [uid, normaliseWeightRow(entries)]);
}

/**
 * Sparse rows → a dense n×n matrix of their raw values (row-major, entry (i, j) at i·n + j), and which
 * entries exist (an explicit 0 is an entry, yuma.md §3.5). Rows or columns ≥ n (left by uids the
 * subnet no longer has) are dropped and counted.
 */
export function denseRows(
  rows: SparseRows,
  n: number,
): { values: Float64Array; present: Uint8Array; dropped: number } {
  const values = new Float64Array(n * n);
  const present = new Uint8Array(n * n);
  let dropped = 0;
  for (const [i, entries] of rows) {
    if (!(i >= 0 && i < n)) {
      dropped += entries.length;
      continue;
    }
    for (const [j, v] of entries) {
      if (!(j >= 0 && j < n)) {
        dropped++;
        continue;
      }
      values[i * n + j] = v;
      present[i * n + j] = 1;
    }
  }
  return { values, present, dropped };
}
