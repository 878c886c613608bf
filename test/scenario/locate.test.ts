import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, locate, parsePath } from '../../src/scenario/locate.ts';

const yaml = `name: demo
subnets:
  - tempo: 360
    validators:
      count: 5
      stake:
    miners: &m
      count: 10
  - tempo: 99
    miners: *m
`;

describe('locate', () => {
  it.each([
    [['name'], 1, 7],
    [['subnets', 0], 3, 5],
    [['subnets', 0, 'tempo'], 3, 12],
    [['subnets', 0, 'validators', 'count'], 5, 14],
    [['subnets', 1, 'tempo'], 9, 12],
    [['subnets', 1, 'miners', 'count'], 8, 14], // through the alias, to the anchored value
  ] as const)('finds %j', (path, line, column) => {
    expect(locate(yaml, path)).toEqual({ line, column });
  });

  it('points at the key of an empty value', () => {
    expect(locate(yaml, ['subnets', 0, 'validators', 'stake'])).toEqual({ line: 6, column: 7 });
  });

  it('falls back to the nearest existing ancestor', () => {
    expect(locate(yaml, ['subnets', 0, 'validators', 'missing'])).toEqual({ line: 4, column: 5 });
    expect(locate(yaml, ['subnets', 0, 'tempo', 'deeper'])).toEqual({ line: 3, column: 5 });
    expect(locate(yaml, ['subnets', 5, 'tempo'])).toEqual({ line: 2, column: 1 });
    expect(locate(yaml, ['subnets', 'notAnIndex'])).toEqual({ line: 2, column: 1 });
    expect(locate(yaml, ['nope'])).toEqual({ line: 1, column: 1 });
    expect(locate(yaml, [])).toEqual({ line: 1, column: 1 });
  });

  it('reads JSON sources', () => {
    const json = '{\n  "subnets": [\n    { "validators": { "count": 5 } }\n  ]\n}';
    expect(locate(json, ['subnets', 0, 'validators', 'count'])).toEqual({ line: 3, column: 32 });
    expect(locate(json, ['subnets', 0, 'validators', 'stake'])).toEqual({ line: 3, column: 7 });
  });

  it('matches numeric map keys given as strings', () => {
    expect(locate('weights:\n  3: 0.5\n', ['weights', '3'])).toEqual({ line: 2, column: 6 });
  });

  it('copes with empty and broken sources', () => {
    expect(locate('', ['a'])).toBeUndefined();
    expect(() => locate('a: [', ['a', 0])).not.toThrow();
  });
});

describe('formatPath / parsePath', () => {
  it('formats the usual paths', () => {
    expect(formatPath(['subnets', 0, 'validators', 'count'])).toBe('subnets[0].validators.count');
    expect(formatPath([])).toBe('');
    expect(formatPath(['a b', 1, 'x.y'])).toBe('["a b"][1]["x.y"]');
    expect(formatPath(['max-validators'])).toBe('max-validators');
  });

  it('parses --set style paths', () => {
    expect(parsePath('subnets[0].tempo')).toEqual(['subnets', 0, 'tempo']);
    expect(parsePath(' duration ')).toEqual(['duration']);
    expect(parsePath('a["b c"][12]')).toEqual(['a', 'b c', 12]);
    expect(parsePath('[0].x')).toEqual([0, 'x']);
  });

  it.each(['', '.a', 'a..b', 'a.', 'a[', 'a[x]', 'a[-1]', 'a b', '1a', 'a["unterminated]', 'a=1'])(
    'rejects %j',
    (text) => {
      expect(parsePath(text)).toBeUndefined();
    },
  );

  it('round-trips any path', () => {
    const segment = fc.oneof(fc.string(), fc.nat());
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (path) => {
        expect(parsePath(formatPath(path))).toEqual(path);
      }),
    );
  });
});
