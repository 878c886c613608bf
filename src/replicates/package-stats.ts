import type { PackageOutcome } from '../engine/compensation/outcome.ts';
import { mean, quantileSorted } from '../sweep/statistics.ts';

/**
 * Across Monte Carlo replicates, per package (compensation.md §1 "Outputs"): quantiles of the value
 * (realised + held at the end) and of the realised USD, the discounted values, the expected value of
 * what a leaver forfeits, the probabilities of leaving, of tax owed on vested tokens exceeding what they
 * fetch, of vests being under water, and the comparison with the cash twin and the unhedged twin.
 */

export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export interface PackageStats {
  contributor: string;
  package: string;
  holds: boolean;
  replicates: number;
  value: number[];
  valueMean: number;
  realised: number[];
  realisedMean: number;
  pvMean: number;
  pvMedian: number;
  netPvMean: number;
  forfeitedMean: number;
  pLeft: number;
  pTaxExceedsValue: number;
  taxMean: number;
  /** Per vest date (day any replicate vested): replicates vesting then, and the share of them under water. */
  vestDates: { day: number; vests: number; pUnderWater: number }[];
  /** Probability a vest (any date, any replicate) was under water. */
  pUnderWaterAtVest: number;
  cashTwinMean: number;
  cashTwinMedian: number;
  cashTwinPvMean: number;
  pBeatsCashTwin: number;
  vsCashTwinMean: number;
  unhedgedMean: number;
  unhedgedP5: number;
  pHedgeHelps: number;
}

const sorted = (xs: number[]) => Float64Array.from(xs).sort();
/** Better by more than half a cent: equal amounts summed in another order are not a win. */
const beats = (a: number, b: number) => a > b + 0.005;
const share = (xs: boolean[]) => (xs.length === 0 ? Number.NaN : xs.filter(Boolean).length / xs.length);

/** `runs[r]` holds replicate r's outcomes, in the same package order in every replicate. */
export function packageStats(runs: readonly PackageOutcome[][]): PackageStats[] {
  if (runs.length === 0) return [];
  return runs[0].map((first, i) => {
    const all = runs.map((r) => r[i]);
    const value = sorted(all.map((o) => o.value));
    const realised = sorted(all.map((o) => o.realised));
    const days = first.vestDays.length;
    const vestDates: PackageStats['vestDates'] = [];
    let vests = 0;
    let under = 0;
    for (let d = 0; d < days; d++) {
      let v = 0;
      let u = 0;
      for (const o of all) {
        v += o.vestDays[d];
        u += o.underWaterDays[d];
      }
      if (v === 0) continue;
      vestDates.push({ day: d, vests: v, pUnderWater: u / v });
      vests += v;
      under += u;
    }
    const hedged = all.filter((o) => !Number.isNaN(o.unhedgedValue));
    return {
      contributor: first.contributor,
      package: first.package,
      holds: first.holds,
      replicates: all.length,
      value: QUANTILES.map((q) => quantileSorted(value, q)),
      valueMean: mean(value),
      realised: QUANTILES.map((q) => quantileSorted(realised, q)),
      realisedMean: mean(realised),
      pvMean: mean(all.map((o) => o.pv)),
      pvMedian: quantileSorted(sorted(all.map((o) => o.pv)), 0.5),
      netPvMean: mean(all.map((o) => o.netPv)),
      forfeitedMean: mean(all.map((o) => o.forfeited)),
      pLeft: share(all.map((o) => o.leftDay >= 0)),
      pTaxExceedsValue: share(all.map((o) => o.taxExceedsValue)),
      taxMean: mean(all.map((o) => o.tax)),
      vestDates,
      pUnderWaterAtVest: vests > 0 ? under / vests : Number.NaN,
      cashTwinMean: mean(all.map((o) => o.cashTwin)),
      cashTwinMedian: quantileSorted(sorted(all.map((o) => o.cashTwin)), 0.5),
      cashTwinPvMean: mean(all.map((o) => o.cashTwinPv)),
      pBeatsCashTwin: share(all.map((o) => beats(o.value, o.cashTwin))),
      vsCashTwinMean: mean(all.map((o) => o.value - o.cashTwin)),
      unhedgedMean: hedged.length > 0 ? mean(hedged.map((o) => o.unhedgedValue)) : Number.NaN,
      unhedgedP5:
        hedged.length > 0 ? quantileSorted(sorted(hedged.map((o) => o.unhedgedValue)), 0.05) : Number.NaN,
      pHedgeHelps: hedged.length > 0 ? share(hedged.map((o) => beats(o.value, o.unhedgedValue))) : Number.NaN,
    };
  });
}
