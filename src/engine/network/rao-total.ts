/**
 * A network total of rao (TotalIssuance, TAO minted, TAO of outside wallets): an exact integer beyond
 * 2^53, yet added to by the coinbase every block without allocating. As a bigint each `+=` made a new
 * bigint (and `BigInt(x)` another): ~190 bytes of garbage a block, a fifth of a run's. Here the value
 * is two float64 — `high`, a multiple of 2^32, and `low` in [0, 2^32) — both exact integers while
 * |high| < 2^84 (21e15 rao, the supply cap, is below 2^55), so high + low is the exact value.
 */
const LOW = 2 ** 32;
const LOW_BIG = 32n;
/** Largest magnitude kept exactly; far beyond any supply. */
const LIMIT = 2 ** 84;
/** Larger additions take the bigint path: low + x must stay below 2^53. */
const SMALL = 2 ** 52;

export class RaoTotal {
  private high = 0;
  private low = 0;

  constructor(value: bigint) {
    this.set(value);
  }

  set(value: bigint): void {
    const high = value >> LOW_BIG; // floor: low is then in [0, 2^32) for negative values too
    this.high = Number(high) * LOW;
    this.low = Number(value - (high << LOW_BIG));
    if (!(Math.abs(this.high) < LIMIT)) throw new RangeError(`${value} rao is beyond any TAO supply`);
  }

  get(): bigint {
    return BigInt(this.high) + BigInt(this.low);
  }

  /** Adds a whole number of rao; throws a RangeError on a fraction, as `BigInt(rao)` would. */
  add(rao: number): void {
    if (!Number.isInteger(rao)) throw new RangeError(`${rao} is not a whole number of rao`);
    if (Math.abs(rao) >= SMALL) {
      this.set(this.get() + BigInt(rao));
      return;
    }
    let low = this.low + rao;
    if (low < 0 || low >= LOW) {
      const carry = Math.floor(low / LOW) * LOW;
      this.high += carry;
      low -= carry;
      if (!(Math.abs(this.high) < LIMIT)) throw new RangeError('a rao total went beyond any TAO supply');
    }
    this.low = low;
  }

  /** Number(get()) without making the bigint: one float addition of two exact parts rounds as it does. */
  toNumber(): number {
    return this.high + this.low;
  }
}
