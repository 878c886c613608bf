import { describe, expect, it } from 'vitest';
import { cell, grouped, num, percent } from '../../src/tui/format.ts';
import { layoutFor, windowStart } from '../../src/tui/live/layout.ts';
import { sparkline } from '../../src/tui/sparkline.ts';

describe('sparkline', () => {
  it('scales min→▁ and max→█, right-aligned, the last `width` values', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8)).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([5, 6], 4)).toBe('  ▁█');
    expect(sparkline([9, 9, 0, 7], 2)).toBe('▁█');
  });

  it('from zero: the level, not the wiggle', () => {
    expect(sparkline([4, 8], 2, true)).toBe('▅█');
  });

  it('flat, empty and non-finite series', () => {
    expect(sparkline([0, 0, 0], 3)).toBe('▁▁▁');
    expect(sparkline([2, 2], 2)).toBe('▄▄');
    expect(sparkline([], 3)).toBe('   ');
    expect(sparkline([1, Number.NaN, 3], 3)).toBe('▁ █');
    expect(sparkline([1, 2], 0)).toBe('');
  });
});

describe('number cells', () => {
  it('fit the width: fewer decimals, then suffixes', () => {
    expect(num(0.0199507, 10, 6)).toBe('  0.019951');
    expect(num(110140.5, 9, 0)).toBe('   110141');
    expect(num(12_345_678, 6, 0)).toBe('12.35M');
    expect(num(Number.NaN, 4)).toBe('   —');
    expect(percent(0.0078125, 8)).toBe('   0.78%');
    expect(cell('alpha of netuid 12', 10)).toBe('alpha of …');
    expect(grouped(50400)).toBe('50,400');
  });
});

describe('layout', () => {
  it('80×24: every panel gets rows, the frame stays one row short of the terminal', () => {
    const l = layoutFor(24, { subnets: 3, neurons: 10, contributors: 2 });
    expect(l.subnets).toBe(3);
    expect(l.neurons).toBeGreaterThanOrEqual(3);
    expect(l.contributors).toBe(2);
    expect(l.events).toBeGreaterThanOrEqual(2);
    // header 2 + subnets title + rows + neurons 2 + rows + contributors title + rows + events title + rows + keys
    expect(2 + 1 + l.subnets + 2 + l.neurons + 1 + l.contributors + 1 + l.events + 1).toBe(23);
  });

  it('a tiny terminal gives what it has, never negative rows', () => {
    const l = layoutFor(8, { subnets: 50, neurons: 10, contributors: null });
    expect(Object.values(l).every((rows) => rows >= 0)).toBe(true);
  });

  it('scrolls the subnets so the selection stays in view', () => {
    expect(windowStart(40, 5, 0)).toBe(0);
    expect(windowStart(40, 5, 30)).toBe(28);
    expect(windowStart(40, 5, 39)).toBe(35);
    expect(windowStart(3, 5, 2)).toBe(0);
  });
});
