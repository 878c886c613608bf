/**
 * `subnet-sim quote`: spec §4.3 examples A, B, C and E to their printed digits (1e-6 relative) in
 * process and through the real command line; every bad option is one line on stderr naming the option
 * and what is allowed, exit 2, never a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/exit-codes.ts';
import {
  computeQuote,
  formatQuoteJson,
  parseAmount,
  parseQuoteRequest,
  type QuoteOptions,
} from '../../src/cli/quote.ts';
import { cli, STACK_LINE } from './fixtures/cli.ts';

/** §4.3's pool: y 10 000 TAO, x 100 000 α. */
const A_POOL = { taoReserve: '10000', alphaReserve: '100000' };

function quote(direction: string, options: QuoteOptions) {
  return JSON.parse(formatQuoteJson(computeQuote(parseQuoteRequest(direction, options))));
}

function close(actual: number, expected: number, relative = 1e-6) {
  expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThan(relative);
}

/** Printed-digit checks shared by the in-process and the spawned runs. */
const EXAMPLES: {
  name: string;
  args: [string, QuoteOptions];
  check: (out: Record<string, number>) => void;
}[] = [
  {
    name: 'A: stake 100 TAO',
    args: ['stake', { ...A_POOL, amount: '100' }],
    check: (out) => {
      expect(out.amount_in).toBe(100);
      close(out.fee, 0.050355, 1e-5);
      close(out.amount_out, 989.6054);
      expect(out.price_before).toBe(0.1);
      close(out.price_after, 0.102009);
    },
  },
  {
    name: 'B: unstake the 989.605381599 α back from the pool A left',
    args: [
      'unstake',
      { taoReserve: '10099.949645228', alphaReserve: '99010.394618401', amount: '989.605381599' },
    ],
    check: (out) => {
      close(out.fee, 0.498314);
      close(out.amount_out, 99.8998);
      close(100 - out.amount_out, 0.1002, 1e-3);
    },
  },
  {
    name: 'C: stake 100 TAO at w2 0.45',
    args: ['stake', { ...A_POOL, amount: '100', alphaWeight: '0.55' }],
    check: (out) => {
      expect(out.price_before.toFixed(5)).toBe('0.12222');
      close(out.price_before, 0.55 / 0.45 / 10);
      close(out.amount_out, 810.408404, 1e-6);
      expect(out.amount_out.toFixed(2)).toBe('810.41');
      expect(out.price_after.toFixed(5)).toBe('0.12445');
    },
  },
  {
    name: 'C: unstake 1000 α at w2 0.45',
    args: ['unstake', { ...A_POOL, amount: '1000', alphaWeight: '0.55' }],
    check: (out) => {
      expect(out.amount_out.toFixed(2)).toBe('120.82');
    },
  },
  {
    name: 'E: after the injection (y 10 003, x 100 010, w2 0.50004999) the price is still 0.1',
    args: ['stake', { taoReserve: '10003', alphaReserve: '100010', alphaWeight: '0.49995001', amount: '1' }],
    check: (out) => close(out.price_before, 0.1),
  },
];

const toArgs = ([direction, o]: [string, QuoteOptions]) => [
  'quote',
  direction,
  ...Object.entries(o).flatMap(([k, v]) => [
    `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    String(v),
  ]),
];

describe('quote in process', () => {
  for (const example of EXAMPLES) {
    it(example.name, () => example.check(quote(...example.args)));
  }

  it('prints the five keys, amounts as number literals with all 9 decimals', () => {
    const text = formatQuoteJson(computeQuote(parseQuoteRequest('stake', { ...A_POOL, amount: '100' })));
    expect(text).toBe(
      '{\n  "amount_in": 100.000000000,\n  "amount_out": 989.605381599,\n  "fee": 0.050354772,\n  "price_before": 0.1,\n  "price_after": 0.10200898283614085\n}\n',
    );
  });

  it('converts whole units to rao exactly, once', () => {
    expect(parseAmount('--amount', '0.000000001', 'TAO')).toBe(1);
    expect(parseAmount('--amount', '123456.789012345', 'TAO')).toBe(123_456_789_012_345);
    expect(parseAmount('--amount', '.5', 'TAO')).toBe(500_000_000);
    expect(parseAmount('--amount', '1e3', 'TAO')).toBe(1e12);
  });

  it('defaults: fee 33/65535, alpha weight ½ (constant product)', () => {
    const r = parseQuoteRequest('stake', { ...A_POOL, amount: '1' });
    expect(r.feeRate).toBe(33 / 65_535);
    expect(r.pool.quoteWeight).toBe(0.5);
    expect(quote('stake', { ...A_POOL, amount: '1', feeRate: '0' }).fee).toBe(0);
  });

  const bad: [string, string, QuoteOptions, RegExp][] = [
    [
      'negative amount',
      'stake',
      { ...A_POOL, amount: '-5' },
      /^--amount -5: must not be negative \(allowed: /,
    ],
    [
      'non-numeric reserve',
      'stake',
      { taoReserve: 'lots', alphaReserve: '1', amount: '1' },
      /^--tao-reserve lots: not a number/,
    ],
    [
      'zero reserve',
      'stake',
      { taoReserve: '0', alphaReserve: '1', amount: '1' },
      /^--tao-reserve 0: must be greater than 0/,
    ],
    [
      'too many decimals',
      'stake',
      { ...A_POOL, amount: '1.0000000001' },
      /^--amount 1\.0000000001: more than 9 decimals/,
    ],
    [
      'weight out of range',
      'stake',
      { ...A_POOL, amount: '1', alphaWeight: '0.995' },
      /^--alpha-weight 0\.995: out of range \(allowed: .*0\.01 to 0\.99/,
    ],
    [
      'fee out of range',
      'stake',
      { ...A_POOL, amount: '1', feeRate: '1.5' },
      /^--fee-rate 1\.5: out of range/,
    ],
    [
      'unknown direction',
      'swap',
      { ...A_POOL, amount: '1' },
      /^quote swap: unknown direction \(allowed: stake, unstake\)/,
    ],
    [
      'output reserve below the minimum',
      'stake',
      { taoReserve: '1', alphaReserve: '0.0005', amount: '0.1' },
      /^--alpha-reserve 0\.0005: .* at least 0\.001000000 alpha \(the chain's SwapMinimumReserve\)/,
    ],
    [
      'unstake from a TAO reserve below the minimum',
      'unstake',
      { taoReserve: '0.0009', alphaReserve: '1', amount: '0.1' },
      /^--tao-reserve 0\.0009: /,
    ],
    [
      'more than 1000× the reserve',
      'stake',
      { taoReserve: '1', alphaReserve: '1', amount: '1001' },
      /^--amount 1001: too large: at most 1000× the TAO reserve/,
    ],
    [
      'an amount that buys nothing',
      'unstake',
      { taoReserve: '1', alphaReserve: '4', amount: '0.000000003' },
      /^--amount 0\.000000003: too small/,
    ],
  ];
  it.each(bad)('%s is a UsageError naming the option', (_name, direction, options, message) => {
    expect(() => computeQuote(parseQuoteRequest(direction, options))).toThrow(UsageError);
    expect(() => computeQuote(parseQuoteRequest(direction, options))).toThrow(message);
  });
});

describe('quote through the command line', () => {
  it('prints the examples as JSON and exits 0', async () => {
    const runs = await Promise.all(EXAMPLES.map((e) => cli(...toArgs(e.args))));
    runs.forEach((run, k) => {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      EXAMPLES[k].check(JSON.parse(run.stdout));
    });
  });

  it('bad input: one line on stderr naming the option, exit 2, no stack trace', async () => {
    const runs = await Promise.all([
      cli('quote', 'stake', '--tao-reserve', '10', '--alpha-reserve', '100', '--amount', '-5'),
      cli('quote', 'stake', '--tao-reserve', '10', '--alpha-reserve', '0.0001', '--amount', '1'),
      cli(
        'quote',
        'unstake',
        '--tao-reserve',
        '10',
        '--alpha-reserve',
        '100',
        '--amount',
        '1',
        '--alpha-weight',
        '2',
      ),
      cli('quote', 'stake', '--alpha-reserve', '100', '--amount', '1'),
    ]);
    const options = ['--amount -5', '--alpha-reserve 0.0001', '--alpha-weight 2', "'--tao-reserve <T>'"];
    runs.forEach((run, k) => {
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        new RegExp(`^error: .*${options[k].replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}`),
      );
      expect(run.stderr).not.toMatch(STACK_LINE);
    });
    // Our own messages are one line; commander's missing-option message adds its usage hint.
    for (const run of runs.slice(0, 3)) expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
