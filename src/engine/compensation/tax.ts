import type { TaxConfig } from './config.ts';
import type { PackageState } from './state.ts';

/**
 * Tax (compensation.md §1, the article's open question): income tax on salary and on each vest at its
 * USD value that day, by brackets over each 365-day tax year's income (a flat rate is one bracket);
 * capital gains tax on each sale, proceeds less the tokens' cost basis (their value at vest), losses
 * carried forward against later gains. Amounts are USD; returns the tax owed now.
 */

/** Tax on a year's income `income` under the brackets (each rate applies from its `from` to the next). */
export function bracketTax(brackets: TaxConfig['brackets'], income: number): number {
  let tax = 0;
  for (let i = 0; i < brackets.length; i++) {
    const top = i + 1 < brackets.length ? brackets[i + 1].from : Number.POSITIVE_INFINITY;
    if (income <= brackets[i].from) break;
    tax += brackets[i].rate * (Math.min(income, top) - brackets[i].from);
  }
  return tax;
}

/** The tax year of `day`: days 1–365 are year 0 (day 0, the start, too). */
export function taxYearOf(day: number): number {
  return day <= 0 ? 0 : Math.floor((day - 1) / 365);
}

/** Income tax on `usd` of income received on `day`. */
export function incomeTax(pkg: PackageState, tax: TaxConfig, day: number, usd: number): number {
  if (!(usd > 0)) return 0;
  const year = taxYearOf(day);
  if (year !== pkg.taxYear) {
    pkg.taxYear = year;
    pkg.yearIncome = 0;
  }
  const before = bracketTax(tax.brackets, pkg.yearIncome);
  pkg.yearIncome += usd;
  const owed = bracketTax(tax.brackets, pkg.yearIncome) - before;
  pkg.incomeTaxUsd += owed;
  return owed;
}

/** Capital gains tax on a sale's gain (negative: a loss, carried forward). */
export function capitalGainsTax(pkg: PackageState, tax: TaxConfig, gain: number): number {
  if (!(gain > 0)) {
    pkg.lossCarry -= gain;
    return 0;
  }
  const offset = Math.min(gain, pkg.lossCarry);
  pkg.lossCarry -= offset;
  const owed = tax.capitalGains * (gain - offset);
  pkg.capitalGainsTaxUsd += owed;
  return owed;
}
