import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackageOutcome } from '../engine/compensation/outcome.ts';
import type { PackageDayRow } from '../replicates/package-days.ts';
import type { PackageStats } from '../replicates/package-stats.ts';
import { relocateSnapshots } from '../scenario/resolve.ts';
import { writeFileAtomic } from './atomic-file.ts';
import { type CsvCell, createCsvSink } from './csv-sink.ts';
import { usd } from './rows.ts';

/**
 * The files of `run --replicates N`: replicates.csv (a row per replicate and package, written as each
 * replicate finishes), then packages.csv (per package across replicates), vest-dates.csv (per package
 * and vest date), package-days.csv (per package and day across replicates) and scenario.resolved.yaml.
 * Each appears atomically, complete or not at all.
 */

const p = (x: number): CsvCell => (Number.isFinite(x) ? Number(x.toFixed(4)) : '');
const Q = ['p5', 'p25', 'p50', 'p75', 'p95'];

export const REPLICATE_COLUMNS = [
  'replicate',
  'seed',
  'contributor',
  'package',
  'holds',
  'value_usd',
  'realised_usd',
  'pv_usd',
  'net_pv_usd',
  'forfeited_usd',
  'tax_usd',
  'tax_exceeds_value',
  'left_day',
  'cash_twin_usd',
  'unhedged_value_usd',
] as const;

export function replicateRow(replicate: number, seed: number, o: PackageOutcome): CsvCell[] {
  return [
    replicate,
    seed,
    o.contributor,
    o.package,
    o.holds,
    usd(o.value),
    usd(o.realised),
    usd(o.pv),
    usd(o.netPv),
    usd(o.forfeited),
    usd(o.tax),
    o.taxExceedsValue,
    o.leftDay >= 0 ? o.leftDay : '',
    usd(o.cashTwin),
    usd(o.unhedgedValue),
  ];
}

export const PACKAGE_COLUMNS = [
  'contributor',
  'package',
  'holds',
  'replicates',
  ...Q.map((q) => `value_usd_${q}`),
  'value_usd_mean',
  ...Q.map((q) => `realised_usd_${q}`),
  'realised_usd_mean',
  'pv_usd_mean',
  'pv_usd_p50',
  'net_pv_usd_mean',
  'expected_forfeited_usd',
  'p_left',
  'p_tax_exceeds_value',
  'tax_usd_mean',
  'p_under_water_at_vest',
  'cash_twin_usd_mean',
  'cash_twin_usd_p50',
  'cash_twin_pv_usd_mean',
  'vs_cash_twin_usd_mean',
  'p_beats_cash_twin',
  'unhedged_value_usd_mean',
  'unhedged_value_usd_p5',
  'p_hedge_helps',
] as const;

function packageRow(s: PackageStats): CsvCell[] {
  return [
    s.contributor,
    s.package,
    s.holds,
    s.replicates,
    ...s.value.map(usd),
    usd(s.valueMean),
    ...s.realised.map(usd),
    usd(s.realisedMean),
    usd(s.pvMean),
    usd(s.pvMedian),
    usd(s.netPvMean),
    usd(s.forfeitedMean),
    p(s.pLeft),
    p(s.pTaxExceedsValue),
    usd(s.taxMean),
    p(s.pUnderWaterAtVest),
    usd(s.cashTwinMean),
    usd(s.cashTwinMedian),
    usd(s.cashTwinPvMean),
    usd(s.vsCashTwinMean),
    p(s.pBeatsCashTwin),
    usd(s.unhedgedMean),
    usd(s.unhedgedP5),
    p(s.pHedgeHelps),
  ];
}

export const VEST_DATE_COLUMNS = ['contributor', 'package', 'day', 'vests', 'p_under_water'] as const;

export const PACKAGE_DAY_COLUMNS = [
  'day',
  'contributor',
  'package',
  'holds',
  ...Q.map((q) => `value_usd_${q}`),
  'value_usd_mean',
] as const;

const packageDayRow = (r: PackageDayRow): CsvCell[] => [
  r.day,
  r.contributor,
  r.package,
  r.holds,
  ...r.quantiles.map(usd),
  usd(r.mean),
];

/** Opens replicates.csv; the summary files are written by `finish`. */
export async function openReplicateFiles(dir: string) {
  await mkdir(dir, { recursive: true });
  const replicates = createCsvSink(join(dir, 'replicates.csv'), REPLICATE_COLUMNS);
  return {
    write: (row: CsvCell[]) => replicates.write(row),
    abort: () => replicates.abort(),
    async finish(stats: PackageStats[], days: PackageDayRow[], resolvedText: string): Promise<void> {
      const packages = createCsvSink(join(dir, 'packages.csv'), PACKAGE_COLUMNS);
      const dates = createCsvSink(join(dir, 'vest-dates.csv'), VEST_DATE_COLUMNS);
      const daily = createCsvSink(join(dir, 'package-days.csv'), PACKAGE_DAY_COLUMNS);
      try {
        for (const s of stats) {
          await packages.write(packageRow(s));
          for (const v of s.vestDates)
            await dates.write([s.contributor, s.package, v.day, v.vests, p(v.pUnderWater)]);
        }
        for (const row of days) await daily.write(packageDayRow(row));
        await replicates.commit();
        await packages.commit();
        await dates.commit();
        await daily.commit();
        await writeFileAtomic(join(dir, 'scenario.resolved.yaml'), relocateSnapshots(resolvedText, dir));
      } catch (error) {
        await Promise.allSettled([packages.abort(), dates.abort(), daily.abort()]);
        throw error;
      }
    },
  };
}
