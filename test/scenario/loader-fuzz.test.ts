import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { compileScenario } from '../../src/scenario/compile.ts';
import { formatPath, parsePath } from '../../src/scenario/locate.ts';
import { type ParseOptions, type ParseResult, parseScenarioText } from '../../src/scenario/parse.ts';
import { formatProblem } from '../../src/scenario/problem.ts';

/**
 * The loader against hostile and careless input: random texts, YAML token soup, random JSON, and
 * mutations of the bundled scenarios (keys deleted or misspelt, values replaced by anything, subtrees
 * moved, wrapped, nested deep, shared as YAML aliases). Whatever comes in, parseScenarioText returns
 * (never throws) within a time bound; a failure names where (a path or the file) for every problem; a
 * success compiles.
 */

const FILE = 'fuzz.yaml';
// Generous for a loaded CI machine; what it catches is blow-ups (a quadratic locate took minutes).
const TIME_LIMIT_MS = 5_000;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Outcome {
  result: ParseResult;
  ms: number;
}

/** Loads `text` and checks the loader's promises; returns the result for further checks. */
function check(text: string, options: Partial<ParseOptions> = {}): Outcome {
  const start = performance.now();
  let result: ParseResult;
  try {
    result = parseScenarioText(text, FILE, { defaultName: 'fuzz', ...options });
  } catch (error) {
    throw new Error(`parseScenarioText threw ${String(error)} on:\n${text.slice(0, 400)}`);
  }
  const ms = performance.now() - start;
  if (ms > TIME_LIMIT_MS)
    throw new Error(`parseScenarioText took ${ms.toFixed(0)} ms on:\n${text.slice(0, 400)}`);
  if (result.ok) {
    try {
      compileScenario(result.scenario);
    } catch (error) {
      throw new Error(`compileScenario threw ${String(error)} on:\n${text.slice(0, 400)}`);
    }
    return { result, ms };
  }
  if (result.problems.length === 0) throw new Error(`a failure without problems on:\n${text.slice(0, 400)}`);
  const notYaml = result.problems.some((p) => /^(not valid|cannot load) YAML/.test(p.message));
  for (const p of result.problems) {
    const line = formatProblem(p);
    if (!line.startsWith(p.file) || !(p.file.startsWith(FILE) || p.file.startsWith('--set '))) {
      throw new Error(`problem does not name the file: ${line}`);
    }
    if (p.path.length > 0) {
      const path = formatPath(p.path);
      if (!line.includes(` ${path}: `)) throw new Error(`problem does not name its path ${path}: ${line}`);
      // The path is one --set accepts.
      expect(parsePath(path)).toEqual(p.path);
    }
    if (p.message.trim() === '') throw new Error(`empty message: ${line}`);
    // Once the text is YAML, every problem about the file (not about a --set) points at a line of it.
    const aboutSet = p.message.startsWith('--set ');
    if (!notYaml && !aboutSet && p.file === FILE && p.line === undefined && p.path.length > 0) {
      throw new Error(`problem without a line: ${line}\n${text.slice(0, 400)}`);
    }
  }
  return { result, ms };
}

// ---------------------------------------------------------------------------------------------------
// Generators

// biome-ignore format: a table reads better dense
const EXPRESSIONS = [
  'import("fs")', 'evaluate("1")', 'parse("x")', 'createUnit("a")', 'simplify("x")', 'derivative("x^2","x")',
  'compile("1")', 'config({})', 'chain(1)', 'x = 1', 'f(x) = x', 'q.constructor', '[1,2]', '{a: 1}', '1:3',
  '5 cm', '"str"', '1; 2', 'log(0)', '1/0', '0/0', 'sqrt(-1)', '0.001 * (1 - q)', '2 ^ 2000', '7200 * 0.5',
  'clamp(q, 0, 1)', 'max()', 'q(1)', 'qq + 1', '', ' ', '(', '1 +', `${'('.repeat(400)}1${')'.repeat(400)}`,
  `${'-'.repeat(5000)}1`, Array.from({ length: 2000 }, () => 'q').join(' + '),
];

// biome-ignore format: a table reads better dense
const expressionSoup = fc
  .array(
    fc.constantFrom(
      'q', 'epoch', 'x', '1', '2.5', '1e308', '+', '-', '*', '/', '^', '%', '(', ')', 'max(', 'min(', 'log(',
      ',', 'import(', 'evaluate(', '"fs"', 'e', 'pi', 'mod', '?', ':', '<', '==', 'and', 'not', '.', '[',
      ']', '=', ';', '\n', 'cm', 'i', 'NaN', 'Infinity',
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(' '));

// biome-ignore format: a table reads better dense
const DURATIONS = [
  '12h', '30d', '4y', '360 blocks', '5s', '-5d', '1.5d', '0', '1e3s', '50y', '51y', '99999999999d', '7 d',
  'auto',
];

// biome-ignore format: a table reads better dense
const STRANGE_STRINGS = [
  'NaN', 'Infinity', '-Infinity', '.nan', '.inf', '1e999', '-1e999', 'null', '~', '', ' ', 'true', 'yes',
  'no', '0x10', '0o17', '1_000', '+5', '-0', '__proto__', 'constructor', 'toString', 'honest', 'cabal',
  'softmax', '\u0000', '\u202e', '💥', 'a\nb', '{{x}}', '%s', '\\',
];

// biome-ignore format: a table reads better dense
const EDGE_NUMBERS = [
  1e308, -1e308, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, -1, -0, 0, 0.5, 1, 2, 65535, 32767, 4294967296, 1e-320, -3.7,
];

const wildValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.constantFrom(...STRANGE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...EXPRESSIONS) },
  { weight: 2, arbitrary: expressionSoup },
  { weight: 2, arbitrary: fc.constantFrom(...DURATIONS) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => '9'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 50_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 5, max: 150 }).map((d) => nest(d)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

function nest(depth: number): unknown {
  let value: unknown = 1;
  for (let k = 0; k < depth; k++) value = k % 2 === 0 ? [value] : { count: value };
  return value;
}

type Typo = { kind: 'swap' | 'drop' | 'insert' | 'case' | 'plural' | 'space'; at: number; ch: string };

const typo: fc.Arbitrary<Typo> = fc.record({
  kind: fc.constantFrom('swap', 'drop', 'insert', 'case', 'plural', 'space'),
  at: fc.nat(),
  ch: fc.constantFrom('a', 'e', 's', '_', '-', '0', 'é', ' '),
});

function misspell(key: string, t: Typo): string {
  if (key.length === 0) return t.ch;
  const i = t.at % key.length;
  switch (t.kind) {
    case 'swap':
      return i + 1 < key.length ? key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2) : `${key}${t.ch}`;
    case 'drop':
      return key.length > 1 ? key.slice(0, i) + key.slice(i + 1) : `${key}${t.ch}`;
    case 'insert':
      return key.slice(0, i) + t.ch + key.slice(i);
    case 'case':
      return key.toUpperCase() === key ? key.toLowerCase() : key.toUpperCase();
    case 'plural':
      return key.endsWith('s') ? key.slice(0, -1) : `${key}s`;
    case 'space':
      return ` ${key}`;
  }
}

type Op =
  | { op: 'delete'; at: number }
  | { op: 'rename'; at: number; typo: Typo }
  | { op: 'replace'; at: number; value: unknown }
  | { op: 'wrap'; at: number; asList: boolean }
  | { op: 'move'; at: number; to: number }
  | { op: 'share'; at: number; to: number }
  | { op: 'addKey'; at: number; key: string; value: unknown }
  | { op: 'repeat'; at: number; times: number };

// biome-ignore format: a table reads better dense
const KEYS = [
  'count', 'tempo', 'netuid', 'groups', 'quality', 'drift', 'weights', 'rule', 'subnets', 'yuma', 'kappa',
  'name', '__proto__', 'constructor', '<<', '', '1', 'cuont', 'behaviour', 'cabal',
];

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('rename' as const), at: fc.nat(), typo }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: wildValue }),
  fc.record({ op: fc.constant('wrap' as const), at: fc.nat(), asList: fc.boolean() }),
  fc.record({ op: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('share' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({
    op: fc.constant('addKey' as const),
    at: fc.nat(),
    key: fc.constantFrom(...KEYS),
    value: wildValue,
  }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), times: fc.integer({ min: 2, max: 20 }) }),
);

type Container = Record<string, unknown> | unknown[];
type Slot = { parent: Container; key: string | number };

/** Every (parent, key) slot of the tree, parents before children. */
function slots(root: Container): Slot[] {
  const out: Slot[] = [];
  const seen = new Set<unknown>();
  const walk = (node: Container) => {
    if (seen.has(node)) return;
    seen.add(node);
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys) {
      out.push({ parent: node, key });
      const child = (node as Record<string | number, unknown>)[key];
      if (child !== null && typeof child === 'object') walk(child as Container);
    }
  };
  walk(root);
  return out;
}

function get(s: Slot): unknown {
  return (s.parent as Record<string | number, unknown>)[s.key];
}

function set(s: Slot, value: unknown): void {
  (s.parent as Record<string | number, unknown>)[s.key] = value;
}

function remove(s: Slot): void {
  if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
  else delete s.parent[s.key as string];
}

function mutate(original: unknown, ops: Op[]): unknown {
  const root = { doc: structuredClone(original) } as Record<string, unknown>;
  for (const o of ops) {
    const all = slots(root);
    if (all.length === 0) break;
    const s = all[o.at % all.length];
    switch (o.op) {
      case 'delete':
        if (s.parent !== root) remove(s);
        break;
      case 'rename':
        if (!Array.isArray(s.parent) && s.parent !== root) {
          const value = get(s);
          remove(s);
          Object.defineProperty(s.parent, misspell(String(s.key), o.typo), {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        break;
      case 'replace':
        set(s, o.value);
        break;
      case 'wrap':
        set(s, o.asList ? [get(s)] : { value: get(s) });
        break;
      case 'move': {
        const target = all[o.to % all.length];
        const value = get(s);
        if (s.parent !== root && target.parent !== root) {
          remove(s);
          set(target, value);
        }
        break;
      }
      case 'share': {
        // Two places hold one object: YAML writes an anchor and an alias (or a cycle).
        const target = all[o.to % all.length];
        set(target, get(s));
        break;
      }
      case 'addKey': {
        const value = get(s);
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
          Object.defineProperty(value, o.key, {
            value: o.value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        break;
      }
      case 'repeat': {
        const value = get(s);
        if (Array.isArray(value) && value.length > 0) {
          set(
            s,
            Array.from({ length: o.times }, (_, i) => structuredClone(value[i % value.length])),
          );
        }
        break;
      }
    }
  }
  return root.doc;
}

function serialise(doc: unknown, asJson: boolean): string {
  if (asJson) {
    try {
      return JSON.stringify(doc, null, 1) ?? 'null';
    } catch {
      // cyclic: only YAML can write it
    }
  }
  return stringify(doc, { aliasDuplicateObjects: true });
}

// network-year.yaml (128 subnets written out, 32 KB) is left out: mutating it thousands of times costs
// minutes and finds nothing its small siblings, with the same keys, do not.
const BUNDLED: [string, string][] = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => /\.ya?ml$/.test(f) && f !== 'network-year.yaml')
  .map((f) => [f, readFileSync(join(ROOT, 'scenarios', f), 'utf8')]);
const BUNDLED_DOCS = BUNDLED.map(([, text]) => parseYaml(text) as unknown);

const mutatedScenario = fc
  .record({
    base: fc.nat({ max: BUNDLED_DOCS.length - 1 }),
    ops: fc.array(op, { minLength: 1, maxLength: 5 }),
    asJson: fc.boolean(),
  })
  .map(({ base, ops, asJson }) => serialise(mutate(BUNDLED_DOCS[base], ops), asJson));

// biome-ignore format: a table reads better dense
const YAML_TOKENS = [
  'subnets:', 'validators:', 'miners:', 'count:', 'tempo:', 'quality:', 'drift:', 'name:', 'seed:',
  'duration:', '  ', '    ', '- ', '\n', '\n  - ', ': ', ':', '&a ', '*a', '&b ', '*b', '<<: ', '[', ']',
  '{', '}', ',', '"', "'", '!!str ', '!!int ', '!!binary ', '!!set ', '!!omap ', '!foo ', '? ', '#', '---',
  '...', '|', '>', '%YAML 1.2', '%TAG ! tag:x,2000:', '1', '-3', '0.5', '1e999', '.inf', '.nan', '~', 'null',
  'true', 'yes', 'import("fs")', '12h', '30d', '\t', '\r\n', '\u00a0', '\ufeff', 'é', '\\', '@', '`',
];

const yamlSoup = fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 60 }).map((t) => t.join(''));

/** Text edits of a bundled file: a slice deleted, a token inserted, lines shuffled. */
const editedText = fc
  .record({
    base: fc.nat({ max: BUNDLED.length - 1 }),
    edits: fc.array(
      fc.record({ at: fc.nat(), length: fc.nat({ max: 40 }), insert: fc.constantFrom(...YAML_TOKENS, '') }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ base, edits }) => {
    let text = BUNDLED[base][1];
    for (const e of edits) {
      const i = e.at % (text.length + 1);
      text = text.slice(0, i) + e.insert + text.slice(i + e.length);
    }
    return text;
  });

/** Alias bombs of random width and depth, and merge keys. */
const aliasText = fc
  .record({
    width: fc.integer({ min: 1, max: 12 }),
    depth: fc.integer({ min: 1, max: 8 }),
    merge: fc.boolean(),
  })
  .map(({ width, depth, merge }) => {
    const lines = [`a0: &a0 [${Array(width).fill('x').join(', ')}]`];
    for (let d = 1; d <= depth; d++)
      lines.push(
        `a${d}: &a${d} [${Array(width)
          .fill(`*a${d - 1}`)
          .join(', ')}]`,
      );
    if (merge)
      lines.push('base: &base { tempo: 100 }', 'subnets:', '  - <<: *base', `    validators: { count: *a0 }`);
    return `${lines.join('\n')}\n`;
  });

// ---------------------------------------------------------------------------------------------------

const SEED = 20_251_124;

describe('loader fuzz', () => {
  it('random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        check(text);
      }),
      { numRuns: 600, seed: SEED },
    );
  });

  it('YAML token soup, aliases and anchors', () => {
    fc.assert(
      fc.property(fc.oneof(yamlSoup, aliasText), (text) => {
        check(text);
      }),
      { numRuns: 1_500, seed: SEED },
    );
  });

  it('random JSON and YAML documents', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, asJson) => {
        check(serialise(value, asJson));
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('mutations of the bundled scenarios', () => {
    let failures = 0;
    let successes = 0;
    fc.assert(
      fc.property(mutatedScenario, (text) => {
        if (check(text).result.ok) successes++;
        else failures++;
      }),
      { numRuns: 2_000, seed: SEED },
    );
    // Both sides are exercised: most mutations break the file, some leave it valid.
    expect(failures).toBeGreaterThan(1_000);
    expect(successes).toBeGreaterThan(20);
  });

  it('text edits of the bundled scenarios', () => {
    fc.assert(
      fc.property(editedText, (text) => {
        check(text);
      }),
      { numRuns: 800, seed: SEED },
    );
  });

  it('random --set overrides never throw nor touch Object.prototype', () => {
    const segment = fc.oneof(
      fc.constantFrom(
        ...KEYS,
        'subnets',
        'validators',
        'miners',
        'yuma',
        'liquid_alpha',
        'release',
        'length',
      ),
      fc.nat({ max: 3 }),
      fc.string({ maxLength: 5 }),
    );
    const assignment = fc.oneof(
      fc
        .tuple(
          fc.array(segment, { minLength: 1, maxLength: 6 }),
          fc.oneof(
            wildValue.map((v) => stringify(v)),
            fc.string(),
          ),
        )
        .map(([path, value]) => `${formatPath(path)}=${value.trimEnd()}`),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...BUNDLED.map(([, t]) => t), '{}'),
        fc.array(assignment, { maxLength: 4 }),
        (text, overrides) => {
          check(text, { overrides });
          expect(Object.keys(Object.prototype)).toEqual([]);
        },
      ),
      { numRuns: 600, seed: SEED },
    );
  });

  it('pathological sizes stay within the time bound', () => {
    const many = Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i]));
    const wide = { subnets: Array.from({ length: 128 }, (_, i) => ({ netuid: i + 1, tempo: -1, cuont: 1 })) };
    const tooMany = { subnets: Array.from({ length: 129 }, (_, i) => ({ netuid: i + 1 })) };
    const texts: [string, boolean][] = [
      [stringify(many), false],
      [JSON.stringify(wide), false],
      [stringify(tooMany), false],
      [`subnets: ${'['.repeat(3_000)}${']'.repeat(3_000)}\n`, false],
      [`subnets: ${'{a: '.repeat(3_000)}1${'}'.repeat(3_000)}\n`, false],
      [`name: ${'x'.repeat(1_000_000)}\n`, true],
      [`description: "${'é'.repeat(1_000_000)}"\n`, true],
      [`seed: "${'9'.repeat(100_000)}"\n`, false],
      [`subnets:\n  - miners:\n      quality:\n        drift: "${'q + '.repeat(20_000)}q"\n`, false],
    ];
    for (const [text, ok] of texts) {
      const { result, ms } = check(text);
      expect(result.ok, `${text.slice(0, 60)}… (${ms.toFixed(0)} ms)`).toBe(ok);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// A few of them through the real command line: exit code 2 (not 1: no crash), messages on stderr, no
// stack trace. One process for all of them: each start of the CLI costs seconds.

describe('loader fuzz through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'subnet-sim-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const samples = fc
    .sample(mutatedScenario, { numRuns: 200, seed: SEED })
    .filter((text) => !parseScenarioText(text, FILE, { defaultName: 'x' }).ok)
    .slice(0, 3);
  const files: [string, string][] = [
    ...samples.map((text, i): [string, string] => [`mutated-${i}.yaml`, text]),
    [
      'bomb.yaml',
      'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
    ],
    ['deep.yaml', `subnets: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`],
    [
      'escape.yaml',
      'subnets:\n  - tempo: \'import("fs")\'\n    miners: { quality: { drift: \'evaluate("1")\' } }\n',
    ],
    ['list.yaml', '- 1\n- 2\n'],
    ['binary.yaml', '\u0000\u0001\u0002\ufffe garbage: [\n'],
  ];

  for (const [name, text] of files) writeFileSync(join(dir, name), text);

  it('validate: exit 2, every file named on stderr with its problems, no stack trace', () => {
    const paths = files.map(([name]) => join(dir, name));
    const validate = spawnSync(process.execPath, ['bin/subnet-sim.mjs', 'validate', ...paths], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(validate.status, validate.stderr).toBe(2);
    expect(validate.stdout).toBe('');
    for (const path of paths) expect(validate.stderr).toContain(`error: ${path}`);
    expect(validate.stderr).toMatch(/alias/i);
    expect(validate.stderr).toContain("function 'import' is not allowed");
    expect(validate.stderr).toContain("function 'evaluate' is not allowed");
    expect(validate.stderr).not.toMatch(/^ {4}at /m);
    expect(validate.stderr).not.toContain('internal error');
    expect(validate.stderr.match(/^\d+ problems? found$/gm)).toHaveLength(files.length);
  });
});
