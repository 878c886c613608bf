/**
 * Numeric expressions written in scenario files ("0.001 * (1 - q)", "7200 * 0.5"), evaluated by a
 * restricted mathjs instance. Scenario files may come from anyone, so two fences stand:
 *  1. every parsed tree is checked against a whitelist (expression-check.ts) before it is compiled:
 *     plain arithmetic on numbers, allowed variables and a few math functions, nothing else;
 *  2. the mathjs functions that reach outside an expression (import, parse, evaluate, …) are
 *     replaced by throwing stubs, as the mathjs "security" page advises, in case fence 1 has a gap.
 */

import type { MathNode } from 'mathjs';
// The single-file build of mathjs: one file to load instead of ~1 260 modules, which through the tsx
// loader cost seconds at every start. It is a private instance of this process, locked down below.
import math from 'mathjs/lib/browser/math.js';
import { checkExpression, FUNCTION_ARITY } from './expression-check.ts';

export type CompiledExpression =
  | { ok: true; fn: (scope: Record<string, number>) => number; variables: string[] }
  | { ok: false; message: string };

export type ConstantResult = { ok: true; value: number } | { ok: false; message: string };

// Not in mathjs; scenario authors ask for it to bound rates. Imported before `import` is disabled.
math.import({
  clamp: (x: number, low: number, high: number): number => Math.min(Math.max(x, low), high),
});

// Private handle: after the lock-down below, `math.parse` is a stub, but this reference still works.
const parseTree: (text: string) => MathNode = math.parse;

// Captured now, for the "units are not supported" hint, while the Unit class can still be built.
const isUnitName: (name: string) => boolean = math.Unit.isValuelessUnit;

// mathjs builds most functions lazily, on first use, through `typed` and `config`, which are
// disabled below. Evaluating every allowed function and operator once now builds them while that
// still works (the samples cover every entry of OPERATORS in expression-check.ts).
function warmUp(): void {
  const samples = [...FUNCTION_ARITY].map(
    ([name, [min]]) => `${name}(${new Array(min).fill('0.5').join(',')})`,
  );
  samples.push(
    '-(+1) + 1 - 2 * 3 / 4 ^ 5 mod 6 + pi + e',
    '(1 < 2) + (1 > 2) + (1 <= 2) + (1 >= 2) + (1 == 2) + (1 != 2) + (1 < 2 <= 3)',
    '(1 and 0) + (1 or 0) + (not 1) + (1 ? 2 : 3)',
  );
  for (const sample of samples) parseTree(sample).compile().evaluate();
}
warmUp();

// `typed` and `config` go last: overriding a name makes mathjs build the lazy old value first
// (to compare it), and building needs the real `typed` and `config`.
const DISABLED = [
  'import',
  'createUnit',
  'evaluate',
  'parse',
  'simplify',
  'derivative',
  'compile',
  'resolve',
  'reviver',
  'replacer',
  'chain',
  'help',
  'rationalize',
  'simplifyConstant',
  'simplifyCore',
  'symbolicEqual',
  'leafCount',
  'parser',
  'config',
  'typed',
] as const;
math.import(
  Object.fromEntries(
    DISABLED.map((name) => [
      name,
      () => {
        throw new Error(`mathjs function '${name}' is disabled in scenario expressions`);
      },
    ]),
  ),
  { override: true },
);

/** Human wording for whatever mathjs returned instead of a finite number (NaN, Infinity, a Complex…). */
function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return `the boolean ${value}`;
  try {
    return `${String(value)} (not a real number)`;
  } catch {
    return 'a non-number';
  }
}

/**
 * Compiles `text` once; the returned `fn` may then run every epoch. Never throws: problems in the
 * text come back as `{ ok: false, message }`. The returned `fn` throws a RangeError (to be reported by
 * the caller) when a variable is missing or the result is not a finite number, e.g. `log(q)` at q = 0.
 */
export function compileExpression(text: string, allowedVariables: readonly string[]): CompiledExpression {
  if (typeof text !== 'string') return { ok: false, message: 'an expression must be a string' };
  let tree: MathNode;
  try {
    tree = parseTree(text);
  } catch (error) {
    return { ok: false, message: `invalid expression "${text}": ${(error as Error).message}` };
  }
  let variables: string[];
  let evaluator: { evaluate(scope: Map<string, number>): unknown };
  try {
    const checked = checkExpression(tree, allowedVariables, isUnitName);
    if (!checked.ok) return { ok: false, message: `invalid expression "${text}": ${checked.message}` };
    variables = checked.variables;
    evaluator = tree.compile();
  } catch (error) {
    // e.g. a stack overflow on absurdly deep nesting
    return { ok: false, message: `invalid expression "${text}": ${(error as Error).message}` };
  }

  // One Map per compiled expression, refilled by every call (the fn runs per miner per epoch: a fresh
  // Map and the error text built each time were a fifth of a run's garbage). It only ever holds the
  // referenced variables, so nothing else from the caller's scope is reachable; mathjs reads a Map as is.
  const values = new Map<string, number>();
  const where = () =>
    variables.length === 0 ? '' : ` with ${variables.map((v) => `${v}=${values.get(v)}`).join(', ')}`;
  const fn = (scope: Record<string, number>): number => {
    for (let i = 0; i < variables.length; i++) {
      const name = variables[i];
      const value: unknown = Object.hasOwn(scope, name) ? scope[name] : undefined;
      if (value === undefined) throw new RangeError(`expression "${text}": variable '${name}' has no value`);
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RangeError(
          `expression "${text}": variable '${name}' is ${describe(value)}, not a finite number`,
        );
      }
      values.set(name, value);
    }
    let result: unknown;
    try {
      result = evaluator.evaluate(values);
    } catch (error) {
      throw new RangeError(`expression "${text}" failed${where()}: ${(error as Error).message}`);
    }
    if (typeof result !== 'number' || !Number.isFinite(result)) {
      throw new RangeError(
        `expression "${text}" evaluated to ${describe(result)}${where()}, not a finite number`,
      );
    }
    return result;
  };
  return { ok: true, fn, variables };
}

/** A numeric field written as an expression without variables, such as "7200 * 0.5". Never throws. */
export function evaluateConstant(text: string): ConstantResult {
  const compiled = compileExpression(text, []);
  if (!compiled.ok) return compiled;
  try {
    return { ok: true, value: compiled.fn({}) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
