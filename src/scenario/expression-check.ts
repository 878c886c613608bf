/**
 * The whitelist a scenario expression's parsed tree must pass before it is compiled: numbers,
 * allowed variables, pi and e, arithmetic and comparison operators, `a ? b : c`, and the plain math
 * functions below. Anything else (assignments, function definitions, strings, units, matrices,
 * property access, calls to mathjs's own machinery such as import or evaluate) is refused with a
 * message naming the culprit. Kept apart from the mathjs instance so the policy reads on one page.
 */
import type { MathNode } from 'mathjs';
import { closestKey } from './did-you-mean.ts';

/** Callable functions with their [fewest, most] arguments, checked here so calls cannot fail later. */
export const FUNCTION_ARITY: ReadonlyMap<string, readonly [number, number]> = new Map<
  string,
  readonly [number, number]
>([
  ...['abs', 'sign', 'sqrt', 'cbrt', 'exp', 'expm1', 'log2', 'log10', 'log1p', 'floor', 'ceil', 'fix']
    .concat(['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh'])
    .map((name): [string, readonly [number, number]] => [name, [1, 1]]),
  ['log', [1, 2]], // log(x) or log(x, base)
  ['round', [1, 2]], // round(x) or round(x, decimals)
  ['pow', [2, 2]],
  ['mod', [2, 2]],
  ['atan2', [2, 2]],
  ['min', [1, Number.POSITIVE_INFINITY]],
  ['max', [1, Number.POSITIVE_INFINITY]],
  ['hypot', [1, Number.POSITIVE_INFINITY]],
  ['clamp', [3, 3]], // clamp(x, low, high), added to the sandbox in expression.ts
]);

const COMPARISONS = ['smaller', 'larger', 'smallerEq', 'largerEq', 'equal', 'unequal'];

/** mathjs names of the operators allowed between numbers (`%` is mod; `50%` parses as a division). */
export const OPERATORS: ReadonlySet<string> = new Set([
  ...['add', 'subtract', 'multiply', 'divide', 'pow', 'mod', 'unaryMinus', 'unaryPlus'],
  ...COMPARISONS,
  ...['and', 'or', 'not'],
]);

export const CONSTANTS: readonly string[] = ['pi', 'e'];

/** Node kinds refused outright, with the reason shown to the scenario author. */
const REFUSED: Readonly<Record<string, string>> = {
  AssignmentNode: 'assignments (a = 1) are not allowed',
  FunctionAssignmentNode: 'function definitions (f(x) = …) are not allowed',
  AccessorNode: 'property access and indexing (x.y, x[1]) are not allowed',
  IndexNode: 'indexing (x[1]) is not allowed',
  ArrayNode: 'matrices and lists ([1, 2]) are not allowed',
  ObjectNode: 'objects ({a: 1}) are not allowed',
  RangeNode: 'ranges (a:b) are not allowed',
  BlockNode: 'only one expression is allowed (no ; or line breaks)',
};

export type CheckResult = { ok: true; variables: string[] } | { ok: false; message: string };

// A loose view of mathjs nodes: only the fields the check reads, whatever the node kind.
interface AnyNode {
  type: string;
  value?: unknown;
  name?: string;
  fn?: AnyNode | string;
  op?: string;
  args?: AnyNode[];
  params?: AnyNode[];
  conditionals?: string[];
  content?: AnyNode;
  condition?: AnyNode;
  trueExpr?: AnyNode;
  falseExpr?: AnyNode;
}

function hint(name: string, candidates: readonly string[]): string {
  const guess = closestKey(name, candidates);
  return guess === undefined ? '' : `; did you mean '${guess}'?`;
}

/**
 * Checks `tree` and lists the allowed variables it reads, in order of first use.
 * `isUnitName` tells whether an unknown name is a mathjs unit, to explain why "5 cm" fails.
 */
export function checkExpression(
  tree: MathNode,
  allowedVariables: readonly string[],
  isUnitName: (name: string) => boolean,
): CheckResult {
  const used = new Set<string>();
  const functionNames = [...FUNCTION_ARITY.keys()];

  const visit = (node: AnyNode): string | undefined => {
    switch (node.type) {
      case 'ConstantNode': {
        const { value } = node;
        if (typeof value === 'number')
          return Number.isFinite(value) ? undefined : `${value} is not a finite number`;
        if (typeof value === 'string') return `strings ("${value}") are not allowed`;
        return `'${String(value)}' is not allowed: only numbers are`;
      }
      case 'SymbolNode': {
        const name = node.name ?? '';
        if (allowedVariables.includes(name)) {
          used.add(name);
          return undefined;
        }
        if (CONSTANTS.includes(name)) return undefined;
        // A unit gets its own explanation; a look-alike variable would only mislead.
        const why = isUnitName(name)
          ? ' (units are not supported)'
          : hint(name, [...allowedVariables, ...CONSTANTS]);
        const allowed =
          allowedVariables.length === 0
            ? 'no variables are allowed here'
            : `variables: ${allowedVariables.join(', ')}`;
        return `unknown name '${name}'${why} (${allowed}; constants: ${CONSTANTS.join(', ')})`;
      }
      case 'ParenthesisNode':
        return node.content === undefined ? 'empty parentheses' : visit(node.content);
      case 'ConditionalNode':
        return [node.condition, node.trueExpr, node.falseExpr]
          .map((child) => child && visit(child))
          .find(Boolean);
      case 'OperatorNode': {
        const fn = typeof node.fn === 'string' ? node.fn : '';
        if (!OPERATORS.has(fn)) return `operator '${node.op}' is not allowed`;
        return visitAll(node.args);
      }
      case 'RelationalNode': {
        const refused = node.conditionals?.find((c) => !COMPARISONS.includes(c));
        return refused !== undefined ? `comparison '${refused}' is not allowed` : visitAll(node.params);
      }
      case 'FunctionNode':
        return visitCall(node);
      default:
        return REFUSED[node.type] ?? `${node.type} is not allowed`;
    }
  };

  const visitAll = (nodes: AnyNode[] | undefined): string | undefined => {
    for (const child of nodes ?? []) {
      const problem = visit(child);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };

  const visitCall = (node: AnyNode): string | undefined => {
    const callee = node.fn;
    if (typeof callee !== 'object' || callee.type !== 'SymbolNode')
      return 'only plain function calls such as max(a, b) are allowed';
    const name = callee.name ?? '';
    const arity = FUNCTION_ARITY.get(name);
    if (arity === undefined) {
      if (allowedVariables.includes(name))
        return `'${name}' is a variable, not a function (write ${name} * (…) to multiply)`;
      return `function '${name}' is not allowed${hint(name, functionNames)} (allowed functions: ${functionNames.join(', ')})`;
    }
    const count = node.args?.length ?? 0;
    const [fewest, most] = arity;
    if (count < fewest || count > most) {
      const expected =
        fewest === most
          ? `${fewest}`
          : most === Number.POSITIVE_INFINITY
            ? `at least ${fewest}`
            : `${fewest} to ${most}`;
      return `function '${name}' takes ${expected} argument${/\b1$/.test(expected) ? '' : 's'}, got ${count}`;
    }
    return visitAll(node.args);
  };

  const root = tree as unknown as AnyNode;
  if (root.type === 'ConstantNode' && root.value === undefined)
    return { ok: false, message: 'the expression is empty' };
  const problem = visit(root);
  return problem === undefined ? { ok: true, variables: [...used] } : { ok: false, message: problem };
}
