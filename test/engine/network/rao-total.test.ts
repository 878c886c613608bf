import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNetworkLedger } from '../../../src/engine/network/network-ledger.ts';
import { RaoTotal } from '../../../src/engine/network/rao-total.ts';

/** Whole rao amounts of every size the ledger sees, both signs, around the 2^32 and 2^52 seams. */
const amount = fc.oneof(
  fc.integer({ min: -1_000, max: 1_000 }),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
  fc.constantFrom(2 ** 32 - 1, 2 ** 32, -(2 ** 32), 2 ** 52 - 1, 2 ** 52, -(2 ** 52), 2 ** 53 + 2),
  fc.double({ min: -(2 ** 60), max: 2 ** 60, noNaN: true }).map(Math.trunc),
);
const start = fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n });

describe('RaoTotal', () => {
  it('adds exactly as bigints do, and reads as Number(bigint) rounds (property)', () => {
    fc.assert(
      fc.property(start, fc.array(amount, { maxLength: 60 }), (initial, adds) => {
        const total = new RaoTotal(initial);
        let expected = initial;
        for (const x of adds) {
          total.add(x);
          expected += BigInt(x);
          expect(total.get()).toBe(expected);
          expect(total.toNumber()).toBe(Number(expected));
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps TotalIssuance exact beyond 2^53 over a year of block emissions', () => {
    // 11.5M TAO issued, then a 1 TAO block reward 2.6M times: float64 alone would drift by rounding.
    const total = new RaoTotal(11_500_000_000_000_000n);
    for (let block = 0; block < 2_628_000; block++) total.add(1_000_000_007);
    expect(total.get()).toBe(11_500_000_000_000_000n + 2_628_000n * 1_000_000_007n);
  });

  it('refuses a fraction of a rao as BigInt() does', () => {
    const total = new RaoTotal(5n);
    expect(() => total.add(0.5)).toThrow(RangeError);
    expect(() => total.add(Number.NaN)).toThrow(RangeError);
    expect(total.get()).toBe(5n);
  });

  it('backs the ledger bigint properties, reads and writes alike', () => {
    const ledger = createNetworkLedger({ totalIssuance: 2n ** 60n + 3n, outside: 7n, rootStake: 1 });
    ledger.totals.issuance.add(10);
    ledger.totalIssuance -= 4n;
    expect(ledger.totalIssuance).toBe(2n ** 60n + 9n);
    expect(ledger.totals.issuance.toNumber()).toBe(Number(2n ** 60n + 9n));
    ledger.outside += 2n ** 55n;
    ledger.totals.outside.add(-7);
    expect(ledger.outside).toBe(2n ** 55n);
    expect(ledger.mintedTao).toBe(0n);
    expect(ledger.initialIssuance).toBe(2n ** 60n + 3n);
  });
});
