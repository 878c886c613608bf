import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  CONSTANTS,
  checkExpression,
  FUNCTION_ARITY,
  OPERATORS,
} from '../../src/scenario/expression-check.ts';

// A separate, unrestricted instance: the check only reads the tree, whoever parsed it.
const { parse } = create(all);
const noUnits = () => false;

describe('checkExpression', () => {
  it('lists variables once, in order of first use', () => {
    const tree = parse('b * a + b - pi');
    expect(checkExpression(tree, ['a', 'b', 'c'], noUnits)).toEqual({ ok: true, variables: ['b', 'a'] });
  });

  it('does not count a function name as a variable read', () => {
    expect(checkExpression(parse('max(a, 1)'), ['a', 'max'], noUnits)).toEqual({
      ok: true,
      variables: ['a'],
    });
  });

  it('checks every branch of a conditional and every relational operand', () => {
    expect(checkExpression(parse('a ? 1 : import(2)'), ['a'], noUnits).ok).toBe(false);
    expect(checkExpression(parse('1 < a < zz'), ['a'], noUnits).ok).toBe(false);
  });

  it('asks the caller whether an unknown name is a unit', () => {
    const result = checkExpression(parse('3 furlong'), [], (name) => name === 'furlong');
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/units are not supported/) });
  });

  it('keeps the whitelist to plain math', () => {
    expect(CONSTANTS).toEqual(['pi', 'e']);
    for (const name of [
      'import',
      'evaluate',
      'parse',
      'compile',
      'createUnit',
      'simplify',
      'chain',
      'help',
    ]) {
      expect(FUNCTION_ARITY.has(name)).toBe(false);
    }
    expect([...OPERATORS]).not.toContain('factorial');
  });
});
