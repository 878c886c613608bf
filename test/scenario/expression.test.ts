import fc from 'fast-check';
import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { compileExpression, evaluateConstant } from '../../src/scenario/expression.ts';
import { FUNCTION_ARITY } from '../../src/scenario/expression-check.ts';

function rejected(text: string, variables: readonly string[] = ['q', 'epoch']): string {
  const result = compileExpression(text, variables);
  if (result.ok) throw new Error(`expected "${text}" to be rejected`);
  return result.message;
}

describe('compileExpression', () => {
  it('compiles the scenario example and lists the variables it reads', () => {
    const result = compileExpression('0.001 * (1 - q)', ['q', 'epoch']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.variables).toEqual(['q']);
    expect(result.fn({ q: 0.25, epoch: 3 })).toBeCloseTo(0.00075, 15);
    expect(result.fn({ q: 1, epoch: 3 })).toBe(0);
  });

  it.each([
    ['2 ^ 10', 1024],
    ['-2 ^ 2', -4],
    ['7 mod 3 + 7 % 3', 2],
    ['50%', 0.5],
    ['max(1, 5, 3) - min(4, 2)', 3],
    ['sqrt(16) + abs(-2) + floor(2.7) + ceil(2.1) + round(2.5)', 14],
    ['log(8, 2) + log2(8) + log10(1000) + log(e)', 10],
    ['clamp(5, 0, 1) + clamp(-5, 0, 1)', 1],
    ['pi > 3 ? 1 : 0', 1],
    ['1 < 2 <= 2 ? 10 : 20', 10],
    ['(1 and 0) + (1 or 0) + not 0', 2],
    ['hypot(3, 4) + atan2(0, 1) + sign(-3) + pow(2, 3)', 12],
  ])('%s = %d', (text, expected) => {
    expect(evaluateConstant(text)).toEqual({ ok: true, value: expected });
  });

  it('keeps every whitelisted function working after the sandbox is locked down', () => {
    for (const [name, [fewest]] of FUNCTION_ARITY) {
      const args = new Array(fewest).fill('0.5').join(', ');
      const result = evaluateConstant(`${name}(${args})`);
      expect(result.ok, `${name}: ${result.ok ? '' : result.message}`).toBe(true);
    }
  });

  it.each([
    ['import("fs")', /function 'import' is not allowed/],
    ['evaluate("1+1")', /function 'evaluate' is not allowed/],
    ['parse("x")', /function 'parse' is not allowed/],
    ['createUnit("foo")', /function 'createUnit' is not allowed/],
    ['simplify("x")', /function 'simplify' is not allowed/],
    ['compile("1")', /function 'compile' is not allowed/],
    ['f(x) = x', /function definitions/],
    ['a = 1', /assignments/],
    ['"abc"', /strings/],
    ["'abc'", /strings/],
    ['[1,2]', /matrices/],
    ['{a: 1}', /objects/],
    ['x.y', /property access/],
    ['q[1]', /property access|indexing/],
    ['q.constructor(1)', /plain function calls/],
    ['1:3', /ranges/],
    ['1; 2', /one expression/],
    ['5 cm', /unknown name 'cm' \(units are not supported\)/],
    ['qq + 1', /unknown name 'qq'; did you mean 'q'\?/],
    ['epcoh * 2', /did you mean 'epoch'\?/],
    ['1 +', /Unexpected end/],
    ['(1', /Parenthesis/],
    ['', /empty/],
    ['true', /only numbers/],
    ['null', /only numbers/],
    ['1e400', /not a finite number/],
    ['NaN', /not a finite number/],
    ['5!', /operator '!' is not allowed/],
    ["q'", /operator/],
    ['3 & 1', /operator '&' is not allowed/],
    ['1 to 2', /operator|unknown name/],
    ['q(2)', /'q' is a variable, not a function/],
    ['max()', /takes at least 1 argument,/],
    ['pow(2)', /takes 2 arguments, got 1/],
    ['round(1, 2, 3)', /takes 1 to 2 arguments, got 3/],
    ['Infinity', /not a finite number/],
    ['i', /unknown name 'i'/],
  ])('rejects %s without throwing', (text, message) => {
    expect(rejected(text)).toMatch(message);
  });

  it('quotes the expression in rejection messages', () => {
    expect(rejected('foo(1)')).toMatch(/^invalid expression "foo\(1\)": function 'foo' is not allowed/);
    expect(rejected('q', [])).toMatch(/no variables are allowed here/);
  });

  it('throws a RangeError naming the inputs when the result is not a finite number', () => {
    const result = compileExpression('log(q) + sqrt(epoch)', ['q', 'epoch']);
    if (!result.ok) throw new Error(result.message);
    expect(() => result.fn({ q: 0, epoch: 1 })).toThrow(RangeError);
    expect(() => result.fn({ q: 0, epoch: 1 })).toThrow(/-Infinity with q=0, epoch=1/);
    expect(() => result.fn({ q: 1, epoch: -1 })).toThrow(/not a real number/);
    expect(() => result.fn({ q: 1 })).toThrow(/variable 'epoch' has no value/);
    expect(() => result.fn({ q: Number.NaN, epoch: 1 })).toThrow(RangeError);
    const boolean = compileExpression('q > 1', ['q']);
    if (!boolean.ok) throw new Error(boolean.message);
    expect(() => boolean.fn({ q: 2 })).toThrow(/the boolean true/);
  });

  it('reports mathjs evaluation errors as RangeErrors', () => {
    const result = compileExpression('round(q, 1.5)', ['q']);
    if (!result.ok) throw new Error(result.message);
    expect(() => result.fn({ q: 1 })).toThrow(RangeError);
  });

  it('reads only allowed variables, ignoring anything else in the scope', () => {
    const result = compileExpression('q * 2', ['q']);
    if (!result.ok) throw new Error(result.message);
    const scope = Object.create({ q: 99 }) as Record<string, number>; // inherited values do not count
    expect(() => result.fn(scope)).toThrow(/has no value/);
    expect(result.fn({ q: 3, toString: 1 } as Record<string, number>)).toBe(6);
  });

  it('agrees with a plain mathjs evaluation, call after call on one compiled expression', () => {
    // An independent, unrestricted instance is the reference; the compiled fn reuses one scope Map,
    // so reuse must never carry one call's values into the next.
    const reference = create(all);
    const texts = [
      '0.002 * (0.8 - q)',
      'clamp(q + epoch / 100, 0, 1)',
      'q > best ? (q - best) ^ 2 : -sqrt(best - q)',
      'max(q, mean) * log(1 + day) + age mod 3',
      'uid % 2 == 0 and q < 0.5 ? 1 : 0',
    ];
    const variables = ['q', 'epoch', 'age', 'uid', 'best', 'mean', 'day'];
    const scope = fc.record({
      q: fc.double({ min: 0, max: 1, noNaN: true }),
      epoch: fc.integer({ min: 0, max: 10_000 }),
      age: fc.integer({ min: 0, max: 500 }),
      uid: fc.integer({ min: 0, max: 255 }),
      best: fc.double({ min: 0, max: 1, noNaN: true }),
      mean: fc.double({ min: 0, max: 1, noNaN: true }),
      day: fc.double({ min: 0, max: 1500, noNaN: true }),
    });
    for (const text of texts) {
      const compiled = compileExpression(text, variables);
      if (!compiled.ok) throw new Error(compiled.message);
      const expected = reference.compile(text);
      const clamp = (x: number, low: number, high: number) => Math.min(Math.max(x, low), high);
      fc.assert(
        fc.property(scope, (values) => {
          const want: unknown = expected.evaluate({ ...values, clamp });
          if (typeof want === 'number' && Number.isFinite(want)) expect(compiled.fn(values)).toBe(want);
          else expect(() => compiled.fn(values)).toThrow(RangeError); // e.g. a Complex from an underflow
        }),
        { numRuns: 300 },
      );
    }
  });

  it("names the failing call's own inputs after earlier successful calls", () => {
    const result = compileExpression('log(q) + epoch', ['q', 'epoch']);
    if (!result.ok) throw new Error(result.message);
    expect(result.fn({ q: Math.E, epoch: 2 })).toBe(3);
    expect(() => result.fn({ q: 0, epoch: 7 })).toThrow(/with q=0, epoch=7/);
    expect(() => result.fn({ q: 1 })).toThrow(/variable 'epoch' has no value/);
    expect(result.fn({ q: 1, epoch: 5 })).toBe(5);
  });

  it('leaves other mathjs instances alone', () => {
    expect(create(all).evaluate('1 + 1')).toBe(2);
  });

  it('never throws on arbitrary text', () => {
    const alphabet = [...'0123456789.+-*/^%()[]{},;:=!?<>&|~\'"abceiqxyz ._\n', 'pi', 'max', 'import', 'cm'];
    const pieces = fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), pieces), (text) => {
        const result = compileExpression(text, ['q', 'x']);
        if (result.ok) {
          try {
            expect(Number.isFinite(result.fn({ q: 0.5, x: 2 }))).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(RangeError);
          }
        } else {
          expect(typeof result.message).toBe('string');
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('survives absurd nesting', () => {
    const deep = `${'('.repeat(20_000)}1${')'.repeat(20_000)}`;
    const result = compileExpression(deep, []);
    expect(typeof result.ok).toBe('boolean');
  });
});

describe('evaluateConstant', () => {
  it('evaluates numeric fields written as expressions', () => {
    expect(evaluateConstant('7200 * 0.5')).toEqual({ ok: true, value: 3600 });
    expect(evaluateConstant(' 42 ')).toEqual({ ok: true, value: 42 });
  });

  it('rejects variables and non-finite results', () => {
    expect(evaluateConstant('q + 1')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/unknown name 'q'/),
    });
    expect(evaluateConstant('1 / 0')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Infinity/),
    });
  });
});
