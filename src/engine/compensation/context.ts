import type { EventLog } from '../events.ts';
import type { SwapQuote } from '../pool/swap.ts';
import type { MetricReader } from '../vesting/milestones.ts';
import type { TaxConfig } from './config.ts';
import type { DayMarket } from './prices.ts';
import type { PackageState } from './state.ts';

/** What one package's day needs: the market, the log, the outside alpha alpha grants are paid from. */
export interface PackageDay {
  m: DayMarket;
  pkg: PackageState;
  taxRules: TaxConfig;
  quote: SwapQuote;
  events: EventLog;
  /** Per subnet: outside alpha not yet promised, rao (a held package's alpha grants are paid from it). */
  freeOutside: Float64Array;
  read: MetricReader;
  /** `contributor/package`, the subject of its events. */
  subject: string;
  /** Today's flows, USD: cash in (salary, sales, deliveries, hedge flows), tax owed, the cash twin's pay; today's vests at today's and at grant prices. */
  cash: number;
  taxOwed: number;
  twin: number;
  vestValue: number;
  vestGrantValue: number;
}

export function logEvent(
  ctx: PackageDay,
  kind: string,
  netuid: number,
  subject: string,
  amount: number,
  detail: string,
): void {
  if (ctx.pkg.twinOf >= 0) return; // an unhedged twin's events are its package's
  ctx.events.push({
    block: ctx.m.block,
    day: ctx.m.day,
    kind,
    netuid,
    subject: `${ctx.subject}${subject === '' ? '' : `/${subject}`}`,
    amount,
    detail,
  });
}

/** 3 significant decimals for event text. */
export const short = (x: number) => (Math.round(x * 1000) / 1000).toString();
