/**
 * The epoch-script format (test/cases/yuma/README.md: a subnet's starting state and steps, each
 * ending in one epoch), as read by `subnet-sim epoch`: its zod schema, the checks that need `n`
 * (list lengths, uids in range), and the loader that turns a file into a validated EpochScript or
 * every problem found, located (file:line:col path: message).
 *
 * Strict on what the runner reads (engine/yuma/epoch-script.ts); lenient with everything else: the
 * cases carry provenance and documentation (id, source, variant, note, expect, expect_log, reference,
 * test_listed_bonds_unchecked, …) which the runner ignores, so unknown keys are let through. A key
 * one typo away from a key the runner reads is reported as a warning (it would otherwise be ignored
 * silently), never as an error.
 */
import { z } from 'zod';
import type { EpochScript } from '../engine/yuma/epoch-script-types.ts';
import { closestKey } from './did-you-mean.ts';
import { parseYamlText, readTextFile } from './document.ts';
import { issuesToProblems, withFieldHelp, withoutRepeats } from './issues.ts';
import { locator, type PathSegment } from './locate.ts';
import { describeValue, type ScenarioProblem } from './problem.ts';

/** Largest `n` accepted (the chain's MaxAllowedUids ceiling). */
export const MAX_UIDS = 4096;

const u16 = () => z.int().min(0).max(65535);
const block = () => z.int().min(0);
const uid = () => z.int().min(0).describe('a uid, 0 to n − 1');
const uidList = () => z.array(uid());

const params = z
  .looseObject({
    tempo: z.int().min(0).max(65535).optional().describe('blocks per epoch'),
    activity_cutoff: z.int().min(0).optional().describe('activity cutoff in blocks'),
    max_allowed_validators: u16().optional().describe('K of the top-K validator permits'),
    kappa: u16().optional().describe('κ as the chain’s u16 (κ = kappa / 65535)'),
    bonds_penalty: u16().optional().describe('β as the chain’s u16 (β = bonds_penalty / 65535)'),
    bonds_moving_average: z
      .int()
      .min(0)
      .max(1_000_000)
      .optional()
      .describe('per million (α = 1 − bonds_moving_average / 10⁶)'),
    alpha_low: u16().optional().describe('liquid alpha low, u16'),
    alpha_high: u16().optional().describe('liquid alpha high, u16'),
    steepness: z.number().optional().describe('raw AlphaSigmoidSteepness'),
    liquid_alpha: z.boolean().optional(),
    yuma3: z.boolean().optional(),
    stake_threshold: z.number().min(0).optional().describe('stake below which a validator counts as 0'),
    sparse_liquid_alpha: z.boolean().optional().describe('quirk Q1 switch (default true, as the chain)'),
  })
  .describe('hyper-parameters in the chain’s integer encodings');

const setWeights = z.looseObject({
  uid: uid().describe('the validator submitting'),
  uids: uidList().describe('the uids weighted, 0 to n − 1, each once'),
  values: z.array(u16()).describe('u16 weights as submitted, one per entry of uids'),
  stored_u16: z.array(u16()).optional().describe('the row the chain stores (documentation only)'),
});

const step = z.looseObject({
  block: block().describe('the block at which the epoch runs'),
  set_weights: z.array(setWeights).optional().describe('rows submitted before the epoch'),
  set_at_block: block().optional().describe('block stamped as last_update by set_weights (default: block)'),
  replace: uidList().optional().describe('uids deregistered and replaced by a stake-less hotkey'),
  replace_block: block().optional().describe('registration block of the replacements (default: block)'),
  replace_after_weights: z.boolean().optional().describe('true: set_weights is applied before replace'),
  reset_bond_column: uidList().optional().describe('uids whose incoming bonds are cleared before the epoch'),
  emission: z
    .number()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('rao to distribute (default 1 000 000 000)'),
  epoch: z.boolean().optional().describe('false: apply the changes without running an epoch'),
});

export const epochScriptSchema = z.looseObject({
  n: z.int().min(0).max(MAX_UIDS).describe('number of uids (0 to n − 1)'),
  stake: z.array(z.number().min(0)).describe('raw stake per uid (only ratios matter)'),
  params: params.optional(),
  param_defaults_if_absent: params.optional(),
  block_at_registration: z.array(block()).describe('registration block per uid'),
  last_update: z.array(block()).optional().describe('last weight-setting block per uid'),
  validator_permit: z.array(z.boolean()).optional().describe('permits held before the first step, per uid'),
  owner_uid: uid().optional().describe('uid of the subnet owner'),
  steps: z.array(step).describe('the steps, each ending in one epoch unless "epoch": false'),
});

export type EpochScriptParse =
  | { ok: true; script: EpochScript; warnings: ScenarioProblem[] }
  | { ok: false; problems: ScenarioProblem[] };

type Raw = Record<string, unknown>;
const isObject = (x: unknown): x is Raw => x !== null && typeof x === 'object' && !Array.isArray(x);

/** Checks that need n: one entry per uid in the per-uid lists, every uid below n, rows well formed. */
function crossFieldProblems(raw: Raw, file: string): ScenarioProblem[] {
  const n = raw.n;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_UIDS) return [];
  const problems: ScenarioProblem[] = [];
  const uidRange = n === 0 ? 'none: n is 0' : `a uid from 0 to ${n - 1} (n is ${n})`;
  const length = (key: string) => {
    const list = raw[key];
    if (Array.isArray(list) && list.length !== n)
      problems.push({
        file,
        path: [key],
        message: 'wrong number of entries: one per uid',
        found: `${list.length} ${list.length === 1 ? 'entry' : 'entries'}`,
        allowed: `${n} (n is ${n})`,
      });
  };
  const uidAt = (value: unknown, path: PathSegment[]) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= n)
      problems.push({ file, path, message: 'no such uid', found: describeValue(value), allowed: uidRange });
  };
  const uidsAt = (list: unknown, path: PathSegment[]) => {
    if (Array.isArray(list))
      list.forEach((u, j) => {
        uidAt(u, [...path, j]);
      });
  };
  for (const key of ['stake', 'block_at_registration', 'last_update', 'validator_permit']) length(key);
  uidAt(raw.owner_uid, ['owner_uid']);
  if (!Array.isArray(raw.steps)) return problems;
  raw.steps.forEach((s: unknown, k) => {
    if (!isObject(s)) return;
    const at = (...rest: PathSegment[]): PathSegment[] => ['steps', k, ...rest];
    uidsAt(s.replace, at('replace'));
    uidsAt(s.reset_bond_column, at('reset_bond_column'));
    if (!Array.isArray(s.set_weights)) return;
    s.set_weights.forEach((row: unknown, m) => {
      if (!isObject(row)) return;
      uidAt(row.uid, at('set_weights', m, 'uid'));
      const uids = row.uids;
      if (!Array.isArray(uids)) return;
      uidsAt(uids, at('set_weights', m, 'uids'));
      const seen = new Set<unknown>();
      uids.forEach((u, j) => {
        if (seen.has(u))
          problems.push({
            file,
            path: at('set_weights', m, 'uids', j),
            message: 'uid listed twice in one row (the chain rejects duplicate uids)',
            found: describeValue(u),
          });
        seen.add(u);
      });
      if (Array.isArray(row.values) && row.values.length !== uids.length)
        problems.push({
          file,
          path: at('set_weights', m, 'values'),
          message: 'wrong number of entries: one value per entry of uids',
          found: `${row.values.length} ${row.values.length === 1 ? 'value' : 'values'}`,
          allowed: `${uids.length} (uids has ${uids.length})`,
        });
    });
  });
  return problems;
}

/** Keys the runner reads, per kind of object (for the "did you mean" warnings). */
const READ_KEYS = {
  top: Object.keys(epochScriptSchema.shape),
  params: Object.keys(params.shape),
  step: Object.keys(step.shape),
  setWeights: Object.keys(setWeights.shape),
};
/** Documentation keys of the README (never warned about, however close to a read key). */
const DOCUMENTATION_KEYS = new Set([
  'id',
  'source',
  'variant',
  'note',
  'expect',
  'expect_log',
  'reference',
  'test_listed_bonds_unchecked',
  'derived_by_reference_emulator',
]);

/** Unknown keys one typo away from a key the runner reads: ignored when running, so worth a warning. */
function nearMissWarnings(raw: Raw, file: string): ScenarioProblem[] {
  const warnings: ScenarioProblem[] = [];
  const check = (object: unknown, known: string[], path: PathSegment[]) => {
    if (!isObject(object)) return;
    for (const key of Object.keys(object)) {
      if (known.includes(key) || DOCUMENTATION_KEYS.has(key)) continue;
      const guess = closestKey(key, known);
      if (guess !== undefined)
        warnings.push({
          file,
          path: [...path, key],
          message: `not read when running; did you mean "${guess}"?`,
        });
    }
  };
  check(raw, READ_KEYS.top, []);
  check(raw.params, READ_KEYS.params, ['params']);
  check(raw.param_defaults_if_absent, READ_KEYS.params, ['param_defaults_if_absent']);
  if (Array.isArray(raw.steps))
    raw.steps.forEach((s: unknown, k) => {
      check(s, READ_KEYS.step, ['steps', k]);
      if (isObject(s) && Array.isArray(s.set_weights))
        s.set_weights.forEach((row: unknown, m) => {
          check(row, READ_KEYS.setWeights, ['steps', k, 'set_weights', m]);
        });
    });
  return warnings;
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * The text as a plain value: JSON.parse (fast on large cases); a text that opens like JSON (`{`, `[`)
 * and does not parse gets JSON's own message, located; anything else is read as YAML.
 */
function parseText(text: string, file: string): { raw: unknown } | { problems: ScenarioProblem[] } {
  try {
    return { raw: JSON.parse(text) };
  } catch (error) {
    if (/^\s*[[{]/.test(text)) {
      const message = (error as Error).message;
      const offset = /at position (\d+)/.exec(message)?.[1];
      return {
        problems: [
          {
            file,
            path: [],
            ...(offset !== undefined ? lineColumn(text, Number(offset)) : {}),
            message: `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
          },
        ],
      };
    }
  }
  const loaded = parseYamlText(text, file);
  return loaded.ok ? { raw: loaded.value } : { problems: loaded.problems };
}

/** Parses and checks an epoch script's text (JSON or YAML). Pure. */
export function parseEpochScriptText(text: string, file: string): EpochScriptParse {
  const parsedText = parseText(text, file);
  if ('problems' in parsedText) return { ok: false, problems: parsedText.problems };
  const { raw } = parsedText;
  if (!isObject(raw))
    return {
      ok: false,
      problems: [
        {
          file,
          path: [],
          message: 'an epoch script is a mapping (key: value) at the top level',
          found: Array.isArray(raw) ? 'a list' : raw === null ? 'an empty file' : describeValue(raw),
        },
      ],
    };
  const parsed = epochScriptSchema.safeParse(raw);
  const problems = withoutRepeats([
    ...(parsed.success
      ? []
      : withFieldHelp(
          issuesToProblems(parsed.error.issues, epochScriptSchema, raw, file),
          epochScriptSchema,
        )),
    ...crossFieldProblems(raw, file),
  ]);
  const warnings = problems.length === 0 ? nearMissWarnings(raw, file) : [];
  const located = [...problems, ...warnings];
  if (located.length > 0) {
    const locate = locator(text);
    for (const p of located) if (p.line === undefined) Object.assign(p, locate(p.path));
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  // The schema let unknown keys through untouched: the validated object is the script as written.
  return { ok: true, script: parsed.data as unknown as EpochScript, warnings };
}

/** Reads and checks an epoch script; a missing or unreadable file is a problem, not a crash. */
export async function loadEpochScriptFile(file: string): Promise<EpochScriptParse> {
  const text = await readTextFile(file);
  if (!text.ok) return text;
  return parseEpochScriptText(text.value, file);
}
