import type { z } from 'zod';
import { closestKey } from './did-you-mean.ts';
import type { PathSegment } from './locate.ts';
import { describeValue, type ScenarioProblem } from './problem.ts';
import { allowedKeysAt, descriptionAt } from './schema-keys.ts';

/** Turns zod's issues into problems that say what was found and what is allowed, in the user's terms. */

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  null: 'null',
};

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PathSegment, unknown>)[segment];
  }
  return node;
}

/** Message and allowed range of a too_small / too_big issue (numbers, or list lengths). */
function rangeProblem(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): {
  message: string;
  allowed: string;
} {
  const small = issue.code === 'too_small';
  const limit = String(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'array' || issue.origin === 'string') {
    const one = limit === '1';
    const unit = issue.origin === 'array' ? (one ? 'entry' : 'entries') : one ? 'character' : 'characters';
    return {
      message: `too ${small ? 'few' : 'many'} ${issue.origin === 'array' ? 'entries' : 'characters'}`,
      allowed: `${small ? 'at least' : 'at most'} ${limit} ${unit}`,
    };
  }
  const op = small ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
  return { message: small ? 'too small' : 'too large', allowed: `${op} ${limit}` };
}

/** A union of number | expression failed: say so rather than listing both branches' complaints. */
function unionAllowed(issue: z.core.$ZodIssueInvalidUnion): string {
  const expected = new Set<string>();
  for (const branch of issue.errors) {
    for (const inner of branch) {
      if (inner.code === 'invalid_type' && inner.path.length === 0)
        expected.add(TYPE_NAMES[inner.expected] ?? inner.expected);
      if (inner.code === 'invalid_value') for (const v of inner.values) expected.add(JSON.stringify(v));
    }
  }
  if (expected.has('a number') && expected.has('a string'))
    return 'a finite number or a mathjs expression (text)';
  return expected.size > 0 ? [...expected].join(' or ') : 'one of the documented forms';
}

/** The deepest sub-issues of a union that got past the type check, if any (more useful than "no match"). */
function unionDetails(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] | undefined {
  for (const branch of issue.errors) {
    if (branch.length > 0 && branch.every((i) => !(i.code === 'invalid_type' && i.path.length === 0)))
      return branch;
  }
  return undefined;
}

export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  schema: z.ZodType,
  raw: unknown,
  file: string,
  prefix: readonly PathSegment[] = [],
): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    const found = describeValue(valueAt(raw, path));
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = allowedKeysAt(schema, path);
        for (const key of issue.keys) {
          const guess = closestKey(key, known);
          problems.push({
            file,
            path: [...path, key],
            message: `unknown key${guess !== undefined ? `; did you mean "${guess}"?` : ''}`,
            allowed: known.length > 0 ? `keys ${known.join(', ')}` : undefined,
          });
        }
        break;
      }
      case 'invalid_type':
        problems.push({
          file,
          path,
          message: found === 'nothing' ? 'required' : 'wrong type',
          found,
          allowed: TYPE_NAMES[issue.expected] ?? issue.expected,
        });
        break;
      case 'too_small':
      case 'too_big':
        problems.push({ file, path, found, ...rangeProblem(issue) });
        break;
      case 'invalid_value':
        problems.push({
          file,
          path,
          message: 'not an allowed value',
          found,
          allowed: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        });
        break;
      case 'invalid_union': {
        const details = unionDetails(issue);
        if (details !== undefined) {
          problems.push(...issuesToProblems(details, schema, raw, file, path));
          break;
        }
        // A discriminated union (weights.rule) names the allowed tags after "Expected".
        const tags = /Expected (.*)$/.exec(issue.message)?.[1];
        problems.push({
          file,
          path,
          message: found === 'nothing' ? 'required' : 'not an allowed form',
          found,
          allowed:
            tags !== undefined
              ? `one of ${tags.replaceAll("'", '"').replaceAll(' | ', ', ')}`
              : unionAllowed(issue),
        });
        break;
      }
      case 'invalid_format':
        problems.push({ file, path, message: 'wrong format', found, allowed: issue.message });
        break;
      default: {
        // A refinement may say what is allowed in its params (e.g. fields.ts wholeDays).
        const allowed = (issue as { params?: { allowed?: unknown } }).params?.allowed;
        problems.push({
          file,
          path,
          message: issue.message,
          found,
          ...(typeof allowed === 'string' ? { allowed } : {}),
        });
      }
    }
  }
  return problems;
}

const HELPED = new Set(['too small', 'too large', 'wrong type', 'required', 'not an allowed value']);

/**
 * One problem per path and kind: a value can fail two checks saying the same thing (a huge seed is
 * both past zod's safe-integer bound and past the seed's own); the later, field-specific one stays.
 */
export function withoutRepeats(problems: ScenarioProblem[]): ScenarioProblem[] {
  const last = new Map<string, ScenarioProblem>();
  for (const p of problems) last.set(`${JSON.stringify(p.path)} ${p.message}`, p);
  return problems.filter((p) => last.get(`${JSON.stringify(p.path)} ${p.message}`) === p);
}

/** Adds the field's own description as a hint, e.g. "κ as a fraction (chain Kappa u16 / 65535)" after kappa's range. */
export function withFieldHelp(problems: ScenarioProblem[], schema: z.ZodType): ScenarioProblem[] {
  for (const p of problems) {
    if (!HELPED.has(p.message)) continue;
    const description = descriptionAt(schema, p.path);
    if (description !== undefined)
      p.allowed = p.allowed === undefined ? description : `${p.allowed} — ${description}`;
  }
  return problems;
}
