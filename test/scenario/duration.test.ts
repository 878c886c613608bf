import { describe, expect, it } from 'vitest';
import { BLOCKS_PER_DAY, SECONDS_PER_BLOCK } from '../../src/engine/units.ts';
import { parseDuration } from '../../src/scenario/duration.ts';

describe('parseDuration', () => {
  it('exposes the chain clock', () => {
    expect(SECONDS_PER_BLOCK).toBe(12);
    expect(BLOCKS_PER_DAY).toBe(7200);
  });

  it.each([
    [0, 0],
    [360, 360],
    ['360', 360],
    ['360 blocks', 360],
    ['1 block', 1],
    ['1blocks', 1],
    ['120s', 10],
    ['12 s', 1],
    ['90m', 450],
    ['12h', 3600],
    ['30d', 216_000],
    ['1.5d', 10_800],
    ['0.7h', 210],
    ['2w', 100_800],
    ['4y', 4 * 365 * 7200],
    ['  7d  ', 50_400],
    ['1.0 blocks', 1],
  ] as const)('%j → %d blocks', (input, blocks) => {
    expect(parseDuration(input)).toEqual({ ok: true, blocks });
  });

  it.each([
    [-1, /non-negative whole number/],
    [1.5, /non-negative whole number/],
    [Number.NaN, /NaN/],
    [Number.POSITIVE_INFINITY, /non-negative whole number/],
    ['5s', /not a whole number of 12 s blocks/],
    ['1.5 blocks', /not a whole number/],
    ['0.001d', /not a whole number/],
    ['-5d', /not a recognised duration/],
    ['1e3s', /not a recognised duration/],
    ['12H', /not a recognised duration/],
    ['d', /not a recognised duration/],
    ['', /not a recognised duration/],
    ['3 months', /unknown unit 'months'/],
    ['99999999999999999999y', /too long/],
  ] as const)('rejects %j', (input, message) => {
    const result = parseDuration(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(message);
    // Every message teaches the accepted forms.
    expect(result.message).toMatch(/"360 blocks", "120s", "90m", "12h", "1.5d", "2w", "4y"/);
  });

  it('rejects values that are neither numbers nor strings', () => {
    expect(parseDuration(null as unknown as string).ok).toBe(false);
  });
});
