/**
 * The file format of the named Yuma cases (scenarios/yuma-cases/*.yaml), its zod schema, the checks
 * that need more than one field, and the step that spells every epoch out for the case runner
 * (engine/yuma/cases/run-case.ts). Described for users in the README, "Comparing Yuma versions on
 * the named cases".
 */
import { basename, extname } from 'node:path';
import { z } from 'zod';
import type { YumaCase } from '../engine/yuma/cases/run-case.ts';
import { closestKey } from './did-you-mean.ts';
import { parseYamlText, readTextFile } from './document.ts';
import { issuesToProblems, withFieldHelp, withoutRepeats } from './issues.ts';
import { locator, type PathSegment } from './locate.ts';
import { describeValue, type ScenarioProblem } from './problem.ts';

const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** Keys with a meaning of their own in schedule and stakes entries; no validator may be called so. */
const RESERVED = ['epochs', 'epoch', 'all'];

const name = z
  .string()
  .regex(NAME, 'a name: a letter, then letters, digits, _ or -')
  .describe('a validator or server name');

const weightRow = z
  .union([
    z.string().describe('a server name: all weight on that server'),
    z.array(z.number().min(0)).min(1).describe('one weight ≥ 0 per server, in the order of `servers`'),
  ])
  .describe('a server name, or one weight ≥ 0 per server');

const epochRange = z
  .union([
    z.int().min(0),
    z.string().regex(/^\s*\d+\s*(-\s*\d*\s*)?$/, 'an epoch range: "5", "3-20" or "21-" (to the end)'),
  ])
  .describe('an epoch (5) or a range: "3-20", "21-" (to the last epoch)');

const scheduleEntry = z
  .object({
    epochs: epochRange,
    all: weightRow.optional().describe('the row of every validator not named in this entry'),
  })
  .catchall(weightRow)
  .describe('epochs, then validator: row pairs (or all: row)');

const stakeChange = z
  .object({ epoch: z.int().min(0).describe('first epoch with these stakes') })
  .catchall(z.number().min(0).describe('raw stake ≥ 0 (only ratios matter)'));

export const yumaCaseSchema = z.strictObject({
  name: z.string().min(1).optional().describe('the case name (default: the file name)'),
  title: z.string().optional().describe('one line saying what the case is'),
  case: z.int().min(1).optional().describe('its number in bactensor/yuma-simulation cases.py'),
  epochs: z.int().min(1).max(100_000).default(40).describe('number of epochs (default 40)'),
  validators: z
    .record(name, z.number().min(0).describe('raw stake ≥ 0 (only ratios matter)'))
    .describe('validator name → stake, in uid order'),
  servers: z.array(name).min(1).default(['S1', 'S2']).describe('server (miner) names, in uid order'),
  schedule: z.array(scheduleEntry).min(1).describe('weight rows per epoch range; later entries win'),
  resets: z
    .array(
      z.strictObject({
        epoch: z.int().min(0).describe('the epoch before which the bonds are wiped'),
        server: name.describe('the server whose bond column is wiped'),
      }),
    )
    .default([])
    .describe('bond-column wipes (chain BondsReset) before an epoch runs'),
  stakes: z.array(stakeChange).default([]).describe('stake changes: from `epoch` on, validator: stake'),
});

export type YumaCaseFile = z.infer<typeof yumaCaseSchema>;

export type YumaCaseParse = { ok: true; yumaCase: YumaCase } | { ok: false; problems: ScenarioProblem[] };

/** Parses "5", "3-20", "21-" into [first, last] (last inclusive, capped at epochs − 1). */
function rangeOf(spec: number | string, epochs: number): [number, number] {
  if (typeof spec === 'number') return [spec, spec];
  const [a, b] = spec.split('-').map((s) => s.trim());
  const first = Number(a);
  if (b === undefined) return [first, first];
  return [first, b === '' ? epochs - 1 : Number(b)];
}

/** Cross-field checks of a schema-valid file and the expansion to one row per epoch and validator. */
function compile(
  data: YumaCaseFile,
  file: string,
  defaultName: string,
): { yumaCase?: YumaCase; problems: ScenarioProblem[] } {
  const problems: ScenarioProblem[] = [];
  const problem = (path: PathSegment[], message: string, found?: unknown, allowed?: string) =>
    problems.push({
      file,
      path,
      message,
      found: found === undefined ? undefined : describeValue(found),
      allowed,
    });
  const validators = Object.keys(data.validators);
  const { servers, epochs } = data;
  const V = validators.length;
  if (V === 0) problem(['validators'], 'at least one validator is needed', undefined, 'name: stake pairs');
  for (const v of validators)
    if (RESERVED.includes(v)) problem(['validators', v], 'a reserved word cannot name a validator');
  if (V > 0 && Object.values(data.validators).every((s) => s === 0))
    problem(['validators'], 'every stake is 0', undefined, 'at least one stake > 0');
  servers.forEach((s, j) => {
    if (servers.indexOf(s) !== j) problem(['servers', j], 'a server name appears twice', s);
    if (validators.includes(s)) problem(['servers', j], 'a server has the name of a validator', s);
  });
  const unknownName = (path: PathSegment[], found: string, known: string[], what: string) => {
    const guess = closestKey(found, known);
    problem(
      path,
      `unknown ${what}${guess !== undefined ? `; did you mean "${guess}"?` : ''}`,
      found,
      known.join(', '),
    );
  };
  const rowOf = (row: string | number[], path: PathSegment[]): number[] | undefined => {
    if (typeof row === 'string') {
      const j = servers.indexOf(row);
      if (j < 0) {
        unknownName(path, row, servers, 'server');
        return undefined;
      }
      return servers.map((_, k) => (k === j ? 1 : 0));
    }
    if (row.length !== servers.length) {
      problem(
        path,
        `a row needs one weight per server`,
        row,
        `${servers.length} numbers (${servers.join(', ')})`,
      );
      return undefined;
    }
    return row;
  };
  const epochOf = (path: PathSegment[], epoch: number) => {
    if (epoch >= epochs)
      problem(path, `past the last epoch`, epoch, `0 to ${epochs - 1} (epochs: ${epochs})`);
  };

  // Weight rows: later entries override earlier ones; an epoch no entry covers keeps the previous row.
  const given: (number[] | undefined)[][] = Array.from({ length: epochs }, () => new Array(V));
  data.schedule.forEach((entry, k) => {
    const path = ['schedule', k];
    const [first, last] = rangeOf(entry.epochs, epochs);
    if (last < first) problem([...path, 'epochs'], 'the range ends before it starts', entry.epochs);
    epochOf([...path, 'epochs'], first);
    if (typeof entry.epochs === 'string' && /-\s*\d/.test(entry.epochs)) epochOf([...path, 'epochs'], last);
    const rows = new Map<number, number[] | undefined>();
    for (const [key, value] of Object.entries(entry)) {
      if (key === 'epochs' || key === 'all' || value === undefined) continue;
      const i = validators.indexOf(key);
      if (i < 0) unknownName([...path, key], key, validators, 'validator (or key)');
      else rows.set(i, rowOf(value as string | number[], [...path, key]));
    }
    const all = entry.all === undefined ? undefined : rowOf(entry.all, [...path, 'all']);
    if (Object.keys(entry).every((key) => key === 'epochs'))
      problem(path, 'the entry sets no row', undefined, '`all: row` or `validator: row` pairs');
    for (let e = first; e <= Math.min(last, epochs - 1); e++) {
      for (let i = 0; i < V; i++) {
        if (rows.has(i)) given[e][i] = rows.get(i);
        else if (entry.all !== undefined) given[e][i] = all;
      }
    }
  });
  if (problems.length === 0) {
    // An epoch no entry covers keeps the previous row, so epoch 0 needs a row for everyone.
    const missing = validators.filter((_, i) => given[0][i] === undefined);
    if (missing.length > 0)
      problem(
        ['schedule'],
        `no row for epoch 0 of ${missing.join(', ')}`,
        undefined,
        'an entry covering epoch 0',
      );
  }

  // Stakes: the validators' stakes, replaced from each change's epoch on (unnamed validators keep theirs).
  const changes = data.stakes.map((change, k) => {
    epochOf(['stakes', k, 'epoch'], change.epoch);
    for (const key of Object.keys(change))
      if (key !== 'epoch' && !validators.includes(key))
        unknownName(['stakes', k, key], key, validators, 'validator (or key)');
    return change;
  });
  const resets = data.resets.map((r, k) => {
    epochOf(['resets', k, 'epoch'], r.epoch);
    const server = servers.indexOf(r.server);
    if (server < 0) unknownName(['resets', k, 'server'], r.server, servers, 'server');
    return { epoch: r.epoch, server };
  });
  if (problems.length > 0) return { problems };

  const weights: number[][][] = [];
  const stakes: number[][] = [];
  let stake = validators.map((v) => data.validators[v]);
  for (let e = 0; e < epochs; e++) {
    weights.push(Array.from(given[e], (row, i) => row ?? weights[e - 1][i]));
    for (const change of changes.filter((c) => c.epoch === e))
      stake = stake.map((s, i) => change[validators[i]] ?? s);
    stakes.push(stake);
  }
  return {
    problems,
    yumaCase: { name: data.name ?? defaultName, validators, servers, epochs, stakes, weights, resets },
  };
}

/** Parses and checks a case file's text; every problem is located (file:line:col path: message). */
export function parseYumaCaseText(text: string, file: string, defaultName: string): YumaCaseParse {
  const loaded = parseYamlText(text, file);
  if (!loaded.ok) return loaded;
  const raw = loaded.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      problems: [{ file, path: [], message: 'a Yuma case is a mapping (key: value) at the top level' }],
    };
  }
  const parsed = yumaCaseSchema.safeParse(raw);
  const { yumaCase, problems } = parsed.success
    ? compile(parsed.data, file, defaultName)
    : {
        yumaCase: undefined,
        problems: withFieldHelp(
          withoutRepeats(issuesToProblems(parsed.error.issues, yumaCaseSchema, raw, file)),
          yumaCaseSchema,
        ),
      };
  if (yumaCase !== undefined && problems.length === 0) return { ok: true, yumaCase };
  const locate = locator(text);
  for (const p of problems) if (p.line === undefined) Object.assign(p, locate(p.path));
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ok: false, problems };
}

/** Reads and checks a case file; a missing file is a problem, not a crash. */
export async function loadYumaCaseFile(file: string): Promise<YumaCaseParse> {
  const text = await readTextFile(file);
  if (!text.ok) return text;
  return parseYumaCaseText(text.value, file, basename(file, extname(file)));
}
