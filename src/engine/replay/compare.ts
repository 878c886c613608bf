import { proportionToU16 } from '../math/u16.ts';
import type { EpochResult } from '../yuma/types.ts';
import { denseRows } from './chain-units.ts';
import type { ChainSnapshot } from './snapshot.ts';
import type { SubnetView } from './subnet-view.ts';

/**
 * Our epoch's outputs against the values the chain stored after the same epoch, in u16 units (the
 * chain stores ⌊x·65535⌋, yuma.md §3.13): incentive and dividends per uid, bonds per (validator, uid).
 */

export type ComparedQuantity = 'incentive' | 'dividends' | 'bonds';

export interface Discrepancy {
  /** uid (incentive, dividends) or validator uid (bonds). */
  uid: number;
  /** Bonds only: the column uid. */
  column?: number;
  ours: number;
  chain: number;
}

export interface QuantityDiff {
  quantity: ComparedQuantity;
  /** Entries compared: n for incentive and dividends; bond entries non-zero on either side. */
  entries: number;
  maxAbs: number;
  meanAbs: number;
  /** Entries that differ, largest |difference| first (ties by uid), at most `worst` of them. */
  worst: Discrepancy[];
}

function summarise(
  quantity: ComparedQuantity,
  diffs: Discrepancy[],
  entries: number,
  worst: number,
): QuantityDiff {
  let sum = 0;
  let max = 0;
  for (const d of diffs) {
    const abs = Math.abs(d.ours - d.chain);
    sum += abs;
    if (abs > max) max = abs;
  }
  const differing = diffs.filter((d) => d.ours !== d.chain);
  differing.sort(
    (a, b) =>
      Math.abs(b.ours - b.chain) - Math.abs(a.ours - a.chain) ||
      a.uid - b.uid ||
      (a.column ?? 0) - (b.column ?? 0),
  );
  return {
    quantity,
    entries,
    maxAbs: max,
    meanAbs: entries > 0 ? sum / entries : 0,
    worst: differing.slice(0, worst),
  };
}

function perUid(
  quantity: ComparedQuantity,
  ours: Float64Array,
  chain: Float64Array,
  worst: number,
): QuantityDiff {
  const diffs: Discrepancy[] = [];
  for (let uid = 0; uid < chain.length; uid++) {
    diffs.push({ uid, ours: proportionToU16(ours[uid]), chain: chain[uid] });
  }
  return summarise(quantity, diffs, chain.length, worst);
}

/** Bond entries non-zero on either side (a bond the chain dropped and we kept counts, and vice versa). */
function bondDiffs(ours: Float64Array, chain: ChainSnapshot, n: number, worst: number): QuantityDiff {
  const stored = denseRows(chain.bonds ?? [], n).values;
  const diffs: Discrepancy[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const k = i * n + j;
      const mine = Math.round(ours[k]);
      if (mine !== 0 || stored[k] !== 0) diffs.push({ uid: i, column: j, ours: mine, chain: stored[k] });
    }
  }
  return summarise('bonds', diffs, diffs.length, worst);
}

/**
 * Compares `result` (an epoch on the earlier snapshot's state) with `after`, the snapshot holding the
 * chain's outputs of that epoch. Bonds are compared only when `after` has them.
 */
export function compareWithChain(
  result: EpochResult,
  after: ChainSnapshot,
  afterView: SubnetView,
  worst = 5,
): QuantityDiff[] {
  const out = [
    perUid('incentive', result.incentive, afterView.incentiveU16, worst),
    perUid('dividends', result.dividends, afterView.dividendsU16, worst),
  ];
  if (after.bonds !== undefined) out.push(bondDiffs(result.bonds, after, afterView.n, worst));
  return out;
}
