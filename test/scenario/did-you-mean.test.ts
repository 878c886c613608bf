import { describe, expect, it } from 'vitest';
import { closestKey, editDistance } from '../../src/scenario/did-you-mean.ts';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['tempo', 'tempo', 0],
    ['tempo', 'tmepo', 1], // adjacent swap counts once
    ['kitten', 'sitting', 3],
    ['validators', 'validator', 1],
    ['ca', 'abc', 3], // optimal string alignment: no edits inside a swapped pair
  ])('%s → %s = %d', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('closestKey', () => {
  const keys = ['tempo', 'validators', 'miners', 'immunityPeriod', 'kappa'];

  it('suggests the nearest key for common typos', () => {
    expect(closestKey('tmepo', keys)).toBe('tempo');
    expect(closestKey('validator', keys)).toBe('validators');
    expect(closestKey('Miners', keys)).toBe('miners');
    expect(closestKey('immunity_period', keys)).toBe('immunityPeriod');
  });

  it('prefers the smallest distance, then the earlier key', () => {
    expect(closestKey('abcd', ['abxx', 'abcx'])).toBe('abcx');
    expect(closestKey('ab', ['ax', 'xb'])).toBe('ax');
  });

  it('stays silent when nothing is close', () => {
    expect(closestKey('seed', keys)).toBeUndefined();
    expect(closestKey('completelydifferent', keys)).toBeUndefined();
    expect(closestKey('cm', ['q'])).toBeUndefined(); // replacing every letter is not a typo
    expect(closestKey('x', [])).toBeUndefined();
  });

  it('allows more edits for longer names', () => {
    // 15 letters: up to 5 edits.
    expect(closestKey('immunityperiodd', keys)).toBe('immunityPeriod');
    expect(closestKey('imunitypriod', keys)).toBe('immunityPeriod');
  });
});
