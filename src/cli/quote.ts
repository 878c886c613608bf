import {
  DEFAULT_FEE_RATE,
  MAX_INPUT_RESERVE_MULTIPLIER,
  MIN_WEIGHT,
  MINIMUM_RESERVE,
  type Pool,
  quoteBuy,
  quoteSell,
  type SwapQuote,
  type SwapRejection,
} from '../engine/pool/index.ts';
import { formatRao, RAO_PER_ALPHA } from '../engine/units.ts';
import { EXIT_OK, UsageError } from './exit-codes.ts';

/**
 * `subnet-sim quote stake|unstake --tao-reserve T --alpha-reserve A --amount X [--fee-rate F]
 * [--alpha-weight W]`: one swap against a pool given in whole TAO/alpha, printed as JSON in whole units.
 * Every bad value is a UsageError naming the option and what is allowed (exit 2).
 */

export type Direction = 'stake' | 'unstake';
const DIRECTIONS: readonly Direction[] = ['stake', 'unstake'];

export interface QuoteOptions {
  taoReserve?: string;
  alphaReserve?: string;
  amount?: string;
  feeRate?: string;
  alphaWeight?: string;
}

/** What the command computes from its options: the pool, the gross input (rao) and the fee rate. */
export interface QuoteRequest {
  direction: Direction;
  pool: Pool;
  amount: number;
  feeRate: number;
  /** The amounts as the user typed them, for messages. */
  typed: { tao: string; alpha: string; amount: string };
}

/** The printed result: amounts in whole units with 9 decimals (kept as exact text), prices as computed. */
export interface QuoteResult {
  amount_in: string;
  amount_out: string;
  fee: string;
  price_before: number;
  price_after: number;
}

/** 21 million: no TAO or alpha amount can be larger (the supply cap). */
const MAX_WHOLE_UNITS = 21_000_000;
const PLAIN_DECIMAL = /^(\d*)(?:\.(\d*))?$/;
const SCIENTIFIC = /^\d*\.?\d*e[+-]?\d+$/i;

/** Whole units (decimals allowed, at most 9) → rao, converted once and exactly for plain decimals. */
export function parseAmount(option: string, raw: string | undefined, unit: string): number {
  const allowed = `allowed: an amount of ${unit} greater than 0 and at most 21000000, with at most 9 decimals`;
  const text = (raw ?? '').trim();
  if (text.startsWith('-') && Number.isFinite(Number(text))) {
    throw new UsageError(`${option} ${text}: must not be negative (${allowed})`);
  }
  const plain = PLAIN_DECIMAL.exec(text);
  let rao: number;
  if (plain && text !== '' && text !== '.') {
    const [, whole = '', frac = ''] = plain;
    if (frac.length > 9)
      throw new UsageError(`${option} ${text}: more than 9 decimals (1 rao = 0.000000001; ${allowed})`);
    rao = Number(BigInt(whole || '0') * BigInt(RAO_PER_ALPHA) + BigInt(frac.padEnd(9, '0')));
  } else if (SCIENTIFIC.test(text) && Number.isFinite(Number(text))) {
    const scaled = Number(text) * RAO_PER_ALPHA;
    rao = Math.round(scaled);
    if (Math.abs(scaled - rao) > 1e-6 * Math.max(1, scaled)) {
      throw new UsageError(`${option} ${text}: finer than 1 rao (0.000000001; ${allowed})`);
    }
  } else {
    throw new UsageError(`${option} ${raw ?? ''}: not a number (${allowed}, e.g. 100 or 0.5)`);
  }
  if (rao <= 0) throw new UsageError(`${option} ${text}: must be greater than 0 (${allowed})`);
  if (rao > MAX_WHOLE_UNITS * RAO_PER_ALPHA)
    throw new UsageError(`${option} ${text}: too large (${allowed})`);
  return rao;
}

/** A plain fraction in [min, max] (a number, not an expression). */
function parseFraction(option: string, raw: string, min: number, max: number, allowed: string): number {
  const text = raw.trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value))
    throw new UsageError(`${option} ${raw}: not a number (${allowed})`);
  if (value < min || value > max) throw new UsageError(`${option} ${text}: out of range (${allowed})`);
  return value;
}

/** Reads and checks every option; throws a UsageError for the first bad one. */
export function parseQuoteRequest(direction: string, options: QuoteOptions): QuoteRequest {
  if (!DIRECTIONS.includes(direction as Direction)) {
    throw new UsageError(`quote ${direction}: unknown direction (allowed: ${DIRECTIONS.join(', ')})`);
  }
  const tao = parseAmount('--tao-reserve', options.taoReserve, 'TAO');
  const alpha = parseAmount('--alpha-reserve', options.alphaReserve, 'alpha');
  const amount = parseAmount('--amount', options.amount, direction === 'stake' ? 'TAO' : 'alpha');
  const feeRate =
    options.feeRate === undefined
      ? DEFAULT_FEE_RATE
      : parseFraction(
          '--fee-rate',
          options.feeRate,
          0,
          0.99,
          'allowed: a fraction from 0 to 0.99 of the input; the chain uses 33/65535 ≈ 0.000504, at most 10000/65535 ≈ 0.1526',
        );
  const alphaWeight =
    options.alphaWeight === undefined
      ? 0.5
      : parseFraction(
          '--alpha-weight',
          options.alphaWeight,
          MIN_WEIGHT,
          1 - MIN_WEIGHT,
          'allowed: the alpha weight w1, a fraction from 0.01 to 0.99; 0.5 is the constant-product pool',
        );
  const typed = {
    tao: String(options.taoReserve).trim(),
    alpha: String(options.alphaReserve).trim(),
    amount: String(options.amount).trim(),
  };
  return {
    direction: direction as Direction,
    pool: { tao, alpha, quoteWeight: 1 - alphaWeight },
    amount,
    feeRate,
    typed,
  };
}

const whole = (rao: number) => formatRao(BigInt(rao));

/** The problem with a rejected quote, in the user's terms: the option to change and what is allowed. */
function rejectionMessage(request: QuoteRequest, why: SwapRejection): string {
  const stake = request.direction === 'stake';
  const inUnit = stake ? 'TAO' : 'alpha';
  const outUnit = stake ? 'alpha' : 'TAO';
  const amount = `--amount ${request.typed.amount}`;
  switch (why) {
    case 'reserve_too_low': {
      const option = stake ? '--alpha-reserve' : '--tao-reserve';
      const reserve = stake ? request.typed.alpha : request.typed.tao;
      return `${option} ${reserve}: the pool pays ${outUnit} out of this reserve, which must hold at least ${whole(MINIMUM_RESERVE)} ${outUnit} (the chain's SwapMinimumReserve)`;
    }
    case 'input_too_large': {
      const reserve = stake ? request.pool.tao : request.pool.alpha;
      return `${amount}: too large: at most ${MAX_INPUT_RESERVE_MULTIPLIER}× the ${inUnit} reserve may go in at once (at most ${whole(MAX_INPUT_RESERVE_MULTIPLIER * reserve)} ${inUnit} after the fee)`;
    }
    case 'zero_output':
      return `${amount}: too small: after the fee it buys 0 ${outUnit} (less than 1 rao) from this pool`;
    case 'invalid_amount':
      return `${amount}: not a valid amount`;
  }
}

/** Runs the quote; a swap the chain would refuse is a UsageError naming the option. */
export function computeQuote(request: QuoteRequest): QuoteResult {
  const q: SwapQuote =
    request.direction === 'stake'
      ? quoteBuy(request.pool, request.amount, request.feeRate)
      : quoteSell(request.pool, request.amount, request.feeRate);
  if (q.rejected !== null) throw new UsageError(rejectionMessage(request, q.rejected));
  return {
    amount_in: whole(q.amountIn),
    amount_out: whole(q.amountOut),
    fee: whole(q.fee),
    price_before: q.priceBefore,
    price_after: q.priceAfter,
  };
}

/** JSON text: amounts as number literals with all 9 decimals (exact), prices as JSON.stringify prints them. */
export function formatQuoteJson(result: QuoteResult): string {
  const lines = Object.entries(result).map(
    ([key, value]) =>
      `  ${JSON.stringify(key)}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
  return `{\n${lines.join(',\n')}\n}\n`;
}

export function quoteCommand(direction: string, options: QuoteOptions): number {
  process.stdout.write(formatQuoteJson(computeQuote(parseQuoteRequest(direction, options))));
  return EXIT_OK;
}
