import { describe, expect, it } from 'vitest';
import {
  blockEmissionForIssuance,
  blockEmissionRao,
  MAX_ISSUANCE_RAO,
} from '../../../src/engine/emission/block-emission.ts';

const TAO = 1_000_000_000n;
const taoIssuance = (millions: number): bigint => BigInt(Math.round(millions * 1_000_000)) * TAO;

describe('blockEmissionForIssuance', () => {
  // Expected values: ../shared/spec/emissions.md §9 item 1 (derived from coinbase/block_emission.rs).
  it.each([
    [0, 1_000_000_000n],
    [10.0, 1_000_000_000n],
    [10.6, 500_000_000n],
    [16, 250_000_000n],
    [19, 125_000_000n],
    [21, 0n],
    [25, 0n],
  ])('E(%sM TAO) = %s rao (spec §9 item 1)', (millions, expected) => {
    expect(blockEmissionForIssuance(taoIssuance(millions))).toBe(expected);
  });

  // emissions.md §2.1 table: 19.6875M – 20.34375M → 0.0625 TAO; 20.34375M – 20.671875M → 0.03125 TAO.
  it('follows the §2.1 table further down the schedule', () => {
    expect(blockEmissionForIssuance(taoIssuance(20))).toBe(62_500_000n);
    expect(blockEmissionForIssuance(taoIssuance(20.5))).toBe(31_250_000n);
  });

  it('is 0 from exactly 21M TAO on, and the cap constant is 21e15 rao', () => {
    expect(MAX_ISSUANCE_RAO).toBe(21_000_000n * TAO);
    expect(blockEmissionForIssuance(MAX_ISSUANCE_RAO)).toBe(0n);
    expect(blockEmissionForIssuance(MAX_ISSUANCE_RAO - 1n) < 1_000n).toBe(true);
  });

  it('stays exactly 1e9 rao just below the first halving and halves just above it', () => {
    // Threshold 21M·(1 − 2^−1) = 10.5M TAO; stay 1 TAO away from it (spec §9: avoid exact thresholds).
    expect(blockEmissionForIssuance(taoIssuance(10.5) - TAO)).toBe(1_000_000_000n);
    expect(blockEmissionForIssuance(taoIssuance(10.5) + TAO)).toBe(500_000_000n);
  });

  it('never increases as issuance grows, and is always 1e9 >> k rao', () => {
    let previous = blockEmissionForIssuance(0n);
    for (let millis = 0; millis <= 21_500; millis += 7) {
      const e = blockEmissionForIssuance(BigInt(millis) * 1_000n * TAO);
      expect(typeof e).toBe('bigint');
      expect(e <= previous).toBe(true);
      if (e > 0n) {
        const k = [...Array(40).keys()].find((i) => 1_000_000_000n >> BigInt(i) === e);
        expect(k).toBeDefined();
      }
      previous = e;
    }
  });
});

describe('blockEmissionRao (the per-block form on numbers)', () => {
  it('agrees with the bigint form everywhere, around its shortcut below the first halving too', () => {
    const points: number[] = [0, 1, 5e14, 10e15, 10.5e15, 15.75e15, 18.375e15, 20.9e15, 21e15, 22e15];
    // The shortcut's edge (10.5e15 − 1e9) and the threshold itself, rao by rao and TAO by TAO.
    for (let d = -3; d <= 3; d++) points.push(10.5e15 - 1e9 + d, 10.5e15 + d * 1e9, 10.5e15 + d);
    for (let millis = 0; millis <= 21_500; millis += 13) points.push(millis * 1e12);
    for (const issuance of points) {
      expect(blockEmissionRao(issuance)).toBe(Number(blockEmissionForIssuance(BigInt(issuance))));
    }
  });
});
