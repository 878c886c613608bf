import { unvestedTokens } from '../engine/compensation/snapshot.ts';
import type { PackageState } from '../engine/compensation/state.ts';
import type { RunEvent } from '../engine/events.ts';
import type { DayRecord } from '../engine/timeline.ts';
import { formatRaoNumber } from '../engine/units.ts';
import type { CsvCell } from './csv-sink.ts';
import { fraction, usd } from './rows.ts';

/**
 * The timeline's files: market.csv (a row per day per subnet), contributors.csv (a row per day per
 * contributor, package and grant) and events.csv (the run's event log). Tokens with 9 exact decimals,
 * USD to the cent, TAO/USD to 6 decimals.
 */

const tokens = (rao: number): CsvCell => formatRaoNumber(Math.max(0, Math.round(rao)));
const price = (x: number): CsvCell => (Number.isFinite(x) ? Number(x.toFixed(6)) : '');

export const MARKET_COLUMNS = [
  'day',
  'block',
  'tao_usd',
  'regime',
  'netuid',
  'alpha_price',
  'alpha_usd',
  'alpha_supply',
  'alpha_outstanding',
  'network_value_usd',
  'volume_tao',
  'nvt',
] as const;

export function marketRows(day: DayRecord): CsvCell[][] {
  return day.subnets.map((s) => [
    day.day,
    day.block,
    price(day.taoUsd),
    day.regime ?? '',
    s.netuid,
    fraction(s.price),
    price(s.alphaUsd),
    tokens(s.supply),
    tokens(s.outstanding),
    usd((s.outstanding / 1e9) * s.alphaUsd),
    tokens(s.volume),
    Number.isNaN(s.nvt) ? '' : Number(s.nvt.toFixed(3)),
  ]);
}

export const CONTRIBUTOR_COLUMNS = [
  'day',
  'block',
  'contributor',
  'package',
  'holds',
  'grant',
  'asset',
  'netuid',
  'price_usd',
  'vested',
  'unvested',
  'forfeited',
  'capped',
  'sold',
  'locked',
  'held',
  'paper_usd',
  'realised_usd',
  'income_tax_usd',
  'supply_share',
  'salary_usd',
  'package_realised_usd',
  'package_value_usd',
  'package_tax_usd',
  'left',
] as const;

function packageCells(p: PackageState): CsvCell[] {
  return [
    usd(p.salaryUsd),
    usd(p.realisedUsd),
    usd(p.valueUsd),
    usd(p.incomeTaxUsd + p.capitalGainsTaxUsd),
    p.left,
  ];
}

export function contributorRows(day: DayRecord): CsvCell[][] {
  const rows: CsvCell[][] = [];
  if (day.compensation === null) return rows;
  const netuidOf = (k: number): CsvCell => (k >= 0 ? day.subnets[k].netuid : '');
  for (const c of day.compensation.contributors) {
    for (const p of c.packages) {
      const head: CsvCell[] = [day.day, day.block, c.config.name, p.name, p.real];
      if (p.grants.length === 0) {
        rows.push([...head, '', '', '', '', ...new Array<CsvCell>(11).fill(''), ...packageCells(p)]);
        continue;
      }
      for (const g of p.grants) {
        rows.push([
          ...head,
          g.config.name,
          g.config.asset,
          netuidOf(g.config.subnet),
          price(g.price),
          tokens(g.vested),
          tokens(unvestedTokens(g)),
          tokens(g.forfeited),
          tokens(g.capped),
          tokens(g.sold),
          tokens(g.lock.locked),
          tokens(g.held),
          usd(((g.held + g.lock.locked) / 1e9) * g.price),
          usd(g.realisedUsd),
          usd(g.incomeTaxUsd),
          Number.isNaN(g.supplyShare) ? '' : Number(g.supplyShare.toPrecision(9)),
          ...packageCells(p),
        ]);
      }
    }
  }
  return rows;
}

export const EVENT_COLUMNS = ['block', 'day', 'kind', 'netuid', 'subject', 'amount', 'detail'] as const;

export function eventRow(e: RunEvent): CsvCell[] {
  return [
    e.block,
    e.day,
    e.kind,
    e.netuid >= 0 ? e.netuid : '',
    e.subject,
    Number.isNaN(e.amount) ? '' : Number(e.amount.toPrecision(12)),
    e.detail,
  ];
}
