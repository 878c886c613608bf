import type { TimelineState } from '../timeline.ts';
import { finalValues } from './summary.ts';

/**
 * One run's result for each package, as Monte Carlo replicates collect them (src/replicates/): the
 * final USD figures and, per day, whether the package vested and whether those vests were under water.
 */
export interface PackageOutcome {
  contributor: string;
  package: string;
  holds: boolean;
  value: number;
  realised: number;
  pv: number;
  netPv: number;
  forfeited: number;
  tax: number;
  taxExceedsValue: boolean;
  /** Day the contributor left under this package, or −1. */
  leftDay: number;
  cashTwin: number;
  cashTwinPv: number;
  /** The unhedged twin's value, or NaN for a package without hedges. */
  unhedgedValue: number;
  vestDays: Uint8Array;
  underWaterDays: Uint8Array;
}

export function packageOutcomes(t: TimelineState): PackageOutcome[] {
  if (t.compensation === null) return [];
  const lastDay = t.path.usd.length - 1;
  return t.compensation.contributors.flatMap((c) =>
    c.packages.flatMap((p, i): PackageOutcome[] => {
      if (p.twinOf >= 0) return [];
      const v = finalValues(p, lastDay, c.config.discountRate);
      const twin = c.packages.find((q) => q.twinOf === i);
      return [
        {
          contributor: c.config.name,
          package: p.name,
          holds: p.real,
          value: v.value,
          realised: v.realised,
          pv: v.pv,
          netPv: v.netPv,
          forfeited: v.forfeited,
          tax: v.tax,
          taxExceedsValue: v.taxExceedsValue,
          leftDay: p.left ? p.leftDay : -1,
          cashTwin: p.cashTwinUsd,
          cashTwinPv: p.cashTwinPvUsd,
          unhedgedValue:
            twin === undefined ? Number.NaN : finalValues(twin, lastDay, c.config.discountRate).value,
          vestDays: p.vestDays,
          underWaterDays: p.underWaterDays,
        },
      ];
    }),
  );
}
