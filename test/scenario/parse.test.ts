import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { formatPath } from '../../src/scenario/locate.ts';
import { type ParseOptions, parseScenarioText } from '../../src/scenario/parse.ts';
import { formatProblem, type ScenarioProblem } from '../../src/scenario/problem.ts';

/**
 * Validation: every kind of mistake a scenario author makes is reported with the file, the path inside
 * it (the notation --set accepts), the line, what was found and what is allowed. One test per kind.
 */

const FILE = 'my.yaml';

function problemsOf(text: string, options: Partial<ParseOptions> = {}): ScenarioProblem[] {
  const result = parseScenarioText(text, FILE, { defaultName: 'my', ...options });
  if (result.ok) throw new Error(`expected problems, got a valid scenario from:\n${text}`);
  return result.problems;
}

/** The one problem of `text`, checked for the fields every located problem has. */
function onlyProblem(text: string, options: Partial<ParseOptions> = {}): ScenarioProblem {
  const problems = problemsOf(text, options);
  expect(problems.map(formatProblem)).toHaveLength(1);
  const [p] = problems;
  expect(p.file).toBe(FILE);
  const where = p.path.length > 0 ? formatPath(p.path) : '(top level)';
  expect(formatProblem(p)).toMatch(
    new RegExp(`^${escapeRegExp(FILE)}:${p.line}:${p.column} ${escapeRegExp(where)}: `),
  );
  return p;
}

/**
 * `allowed` is `expected`, possibly followed by the field's own description after " — "
 * ("≤ 1 — κ as a fraction …"): the bound or the choices are what is checked here.
 */
function expectAllowed(p: ScenarioProblem, expected: string): void {
  const allowed = p.allowed ?? '';
  if (allowed !== expected)
    expect(allowed, formatProblem(p)).toMatch(new RegExp(`^${escapeRegExp(expected)} — `));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('unknown keys', () => {
  it('names the misspelt key by its path and suggests the close one', () => {
    const p = onlyProblem('subnets:\n  - validators:\n      cuont: 5\n');
    expect(formatPath(p.path)).toBe('subnets[0].validators.cuont');
    expect(p.line).toBe(3);
    expect(p.message).toBe('unknown key; did you mean "count"?');
    expect(p.allowed).toMatch(/^keys count, behaviour, stake, /);
    expect(formatProblem(p)).toBe(
      `${FILE}:3:14 subnets[0].validators.cuont: unknown key; did you mean "count"? (allowed: ${p.allowed})`,
    );
  });

  it.each([
    ['nmae: x\n', 'nmae', 'name'],
    ['subnet: []\n', 'subnet', 'subnets'],
    ['subnets:\n  - tmepo: 1\n', 'subnets[0].tmepo', 'tempo'],
    ['subnets:\n  - yuma:\n      kapa: 0.5\n', 'subnets[0].yuma.kapa', 'kappa'],
    [
      'subnets:\n  - yuma:\n      liquid_alpha: { enabeld: true }\n',
      'subnets[0].yuma.liquid_alpha.enabeld',
      'enabled',
    ],
    ['subnets:\n  - miners:\n      quality: { drfit: 0 }\n', 'subnets[0].miners.quality.drfit', 'drift'],
    [
      'subnets:\n  - miners:\n      groups:\n        - { count: 1, behavior: idle }\n',
      'subnets[0].miners.groups[0].behavior',
      'behaviour',
    ],
    [
      'subnets:\n  - validators:\n      weights: { rule: top_k, kk: 3 }\n',
      'subnets[0].validators.weights.kk',
      'k',
    ],
    ['subnets:\n  - registration: { per_dya: 1 }\n', 'subnets[0].registration.per_dya', 'per_day'],
  ])('%j: %s → did you mean "%s"', (text, path, guess) => {
    const p = onlyProblem(text);
    expect(formatPath(p.path)).toBe(path);
    expect(p.message).toBe(`unknown key; did you mean "${guess}"?`);
    expect(p.allowed).toContain(guess);
    expect(p.line).toBeGreaterThanOrEqual(1);
  });

  it('offers no guess when no key is close, but still lists the allowed keys', () => {
    const p = onlyProblem('subnets:\n  - validators:\n      completely_unrelated: 1\n');
    expect(formatPath(p.path)).toBe('subnets[0].validators.completely_unrelated');
    expect(p.message).toBe('unknown key');
    expect(p.allowed).toBe(
      'keys count, behaviour, stake, root_stake, parent, noise, bias, tasks, weights, resubmit_every, cabal, cabal_boost, groups',
    );
  });

  it('treats __proto__ and constructor as ordinary unknown keys (no prototype pollution)', () => {
    const problems = problemsOf('__proto__: { polluted: 1 }\nsubnets:\n  - constructor: { tempo: 1 }\n');
    expect(problems.map((p) => formatPath(p.path)).sort()).toEqual(['__proto__', 'subnets[0].constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('values out of range or of the wrong type', () => {
  it('negative count', () => {
    const p = onlyProblem('subnets:\n  - validators:\n      count: -3\n');
    expect(formatProblem(p)).toBe(
      `${FILE}:3:14 subnets[0].validators.count: too small (found -3; allowed: ${p.allowed})`,
    );
    expectAllowed(p, '≥ 0');
  });

  it('fractional count', () => {
    const p = onlyProblem('subnets:\n  - miners:\n      count: 2.5\n');
    expect(formatPath(p.path)).toBe('subnets[0].miners.count');
    expect(p.found).toBe('2.5');
    expectAllowed(p, 'an integer');
  });

  it('kappa given in chain units (32767) instead of a fraction', () => {
    const p = onlyProblem('subnets:\n  - yuma:\n      kappa: 32767\n');
    expect(formatProblem(p)).toBe(
      `${FILE}:3:14 subnets[0].yuma.kappa: too large (found 32767; allowed: ${p.allowed})`,
    );
    expectAllowed(p, '≤ 1');
  });

  it.each([
    ['subnets:\n  - owner_cut: 1.5\n', 'subnets[0].owner_cut', '1.5', '≤ 1'],
    ['subnets:\n  - yuma:\n      bonds_penalty: -0.1\n', 'subnets[0].yuma.bonds_penalty', '-0.1', '≥ 0'],
    [
      'subnets:\n  - miners:\n      quality: { initial: 2 }\n',
      'subnets[0].miners.quality.initial',
      '2',
      '≤ 1',
    ],
    ['subnets:\n  - tempo: 0\n', 'subnets[0].tempo', '0', '≥ 1'],
    ['seed: 4294967296\n', 'seed', '4294967296', '≤ 4294967295'],
    ['subnets:\n  - validators: { stake: "-5 * 2" }\n', 'subnets[0].validators.stake', '"-5 * 2"', '≥ 0'],
  ])('%j → %s', (text, path, found, allowed) => {
    const p = onlyProblem(text);
    expect(formatPath(p.path)).toBe(path);
    expect(p.found).toBe(found);
    expectAllowed(p, allowed);
  });

  it.each([
    [
      'subnets:\n  - yuma:\n      liquid_alpha:\n        enabled: "yes"\n',
      'subnets[0].yuma.liquid_alpha.enabled',
      4,
      '"yes"',
      'true or false',
    ],
    [
      'subnets:\n  - tempo: [1, 2]\n',
      'subnets[0].tempo',
      2,
      '[1,2]',
      'a finite number or a mathjs expression (text)',
    ],
    ['subnets: { tempo: 1 }\n', 'subnets', 1, '{"tempo":1}', 'a list'],
    ['subnets:\n  - validators: 8\n', 'subnets[0].validators', 2, '8', 'a mapping (key: value)'],
    ['name: 12\n', 'name', 1, '12', 'a string'],
  ])('wrong type %j → %s', (text, path, line, found, allowed) => {
    const p = onlyProblem(text);
    expect(formatPath(p.path)).toBe(path);
    expect(p.line).toBe(line);
    expect(p.found).toBe(found);
    expectAllowed(p, allowed);
  });

  it.each([
    ['.inf', 'Infinity'],
    ['.nan', 'NaN'],
    ['1e999', 'Infinity'],
  ])('a non-finite number (%s) is named as found, not as null', (yaml, found) => {
    const p = onlyProblem(`subnets:\n  - tempo: ${yaml}\n`);
    expect(formatPath(p.path)).toBe('subnets[0].tempo');
    expect(p.found).toBe(found);
  });

  it('missing count in a group says what is missing', () => {
    const p = onlyProblem('subnets:\n  - miners:\n      groups:\n        - behaviour: idle\n');
    expect(formatPath(p.path)).toBe('subnets[0].miners.groups[0].count');
    expect(p.found).toBe('nothing');
    expect(p.line).toBe(4);
  });

  it('an empty list of subnets', () => {
    const p = onlyProblem('subnets: []\n');
    expect(formatPath(p.path)).toBe('subnets');
    expectAllowed(p, 'at least 1 entry');
  });
});

describe('enums and weight rules', () => {
  it('bad validator behaviour', () => {
    const p = onlyProblem('subnets:\n  - validators:\n      behaviour: evil\n');
    expect(formatProblem(p)).toBe(
      `${FILE}:3:18 subnets[0].validators.behaviour: not an allowed value (found "evil"; allowed: ${p.allowed})`,
    );
    expectAllowed(p, 'one of "honest", "weight_copier", "lazy", "cabal", "random"');
  });

  it('bad miner behaviour inside a group', () => {
    const p = onlyProblem('subnets:\n  - miners:\n      groups:\n        - { count: 1, behaviour: lazy }\n');
    expect(formatPath(p.path)).toBe('subnets[0].miners.groups[0].behaviour');
    expect(p.found).toBe('"lazy"');
    expectAllowed(p, 'one of "honest", "copier", "idle"');
  });

  it('bad yuma version', () => {
    const p = onlyProblem('subnets:\n  - yuma: { version: yuma2 }\n');
    expect(formatPath(p.path)).toBe('subnets[0].yuma.version');
    expectAllowed(p, 'one of "yuma1", "yuma3"');
  });

  it('unknown weights rule lists the rules', () => {
    const p = onlyProblem('subnets:\n  - validators:\n      weights: { rule: median }\n');
    expect(formatPath(p.path)).toBe('subnets[0].validators.weights.rule');
    expect(p.line).toBe(3);
    expect(p.found).toBe('"median"');
    expectAllowed(p, 'one of "proportional", "softmax", "top_k", "winner_take_all"');
  });

  it('weights without a rule', () => {
    const p = onlyProblem('subnets:\n  - validators:\n      weights: { k: 3 }\n');
    expect(formatPath(p.path)).toBe('subnets[0].validators.weights.rule');
    expect(p.found).toBe('nothing');
    expect(p.allowed).toContain('"top_k"');
  });

  it('a rule parameter out of range', () => {
    const p = onlyProblem('subnets:\n  - validators:\n      weights: { rule: softmax, temperature: -1 }\n');
    expect(formatPath(p.path)).toBe('subnets[0].validators.weights.temperature');
    expect(p.found).toBe('-1');
    expectAllowed(p, '> 0');
  });

  it('a parameter of another rule is an unknown key', () => {
    const p = onlyProblem('subnets:\n  - validators:\n      weights: { rule: proportional, k: 3 }\n');
    expect(formatPath(p.path)).toBe('subnets[0].validators.weights.k');
    expect(p.message).toMatch(/^unknown key/);
  });
});

describe('durations', () => {
  it.each([
    ['5 fortnights', /unknown unit 'fortnights'/],
    ['5s', /not a whole number of 12 s blocks/],
    ['-5d', /not a recognised duration/],
    ['1e3s', /not a recognised duration/],
  ])('duration: %s is refused, and the message shows the accepted forms', (text, why) => {
    const p = onlyProblem(`duration: ${text}\n`);
    expect(formatPath(p.path)).toBe('duration');
    expect(p.line).toBe(1);
    expect(p.found).toBe(JSON.stringify(text));
    expect(p.message).toMatch(why);
    // What is allowed is spelled out in the message itself.
    expect(p.message).toMatch(/"360 blocks".*"12h".*"4y"/);
  });

  it('a duration of 0 blocks where at least one is needed', () => {
    const p = onlyProblem('duration: 0\n');
    expect(formatPath(p.path)).toBe('duration');
    expectAllowed(p, '≥ 1');
  });

  it('a bad duration deeper in the file', () => {
    const p = onlyProblem('subnets:\n  - immunity_period: 2 months\n');
    expect(formatPath(p.path)).toBe('subnets[0].immunity_period');
    expect(p.line).toBe(2);
    expect(p.message).toMatch(/unknown unit 'months'/);
  });

  it('activity_cutoff accepts auto or a duration, nothing else', () => {
    const p = onlyProblem('subnets:\n  - yuma: { activity_cutoff: sometimes }\n');
    expect(formatPath(p.path)).toBe('subnets[0].yuma.activity_cutoff');
    expect(p.found).toBe('"sometimes"');
  });
});

describe('expressions', () => {
  const FORBIDDEN = [
    ['import("fs")', 'import'],
    ['evaluate("1")', 'evaluate'],
    ['parse("x")', 'parse'],
    ['createUnit("a")', 'createUnit'],
    ['simplify("x")', 'simplify'],
    ['derivative("x^2","x")', 'derivative'],
  ] as const;
  const PLACES = [
    ['subnets:\n  - tempo: %s\n', 'subnets[0].tempo', 2],
    ['seed: %s\n', 'seed', 1],
    ['subnets:\n  - validators:\n      stake: %s\n', 'subnets[0].validators.stake', 3],
    ['subnets:\n  - miners:\n      quality:\n        drift: %s\n', 'subnets[0].miners.quality.drift', 4],
    ['subnets:\n  - miners:\n      quality:\n        noise: %s\n', 'subnets[0].miners.quality.noise', 4],
    [
      'subnets:\n  - miners:\n      groups:\n        - count: 1\n          quality: { drift: %s }\n',
      'subnets[0].miners.groups[0].quality.drift',
      5,
    ],
  ] as const;
  const cases = FORBIDDEN.flatMap(([expr, fn]) =>
    PLACES.map(([template, path, line]) => ({ expr, fn, template, path, line })),
  );

  it.each(cases)('$expr is refused at $path', ({ expr, fn, template, path, line }) => {
    const p = onlyProblem(template.replace('%s', `'${expr}'`));
    expect(formatPath(p.path)).toBe(path);
    expect(p.line).toBe(line);
    expect(p.found).toBe(JSON.stringify(expr));
    expect(p.message).toContain(`function '${fn}' is not allowed`);
    expect(p.message).toContain('allowed functions: abs');
  });

  it('other escapes are refused too: assignment, property access, strings', () => {
    for (const expr of ['a = 1', 'f(x) = x', 'q.constructor', '"text"', '[1, 2]', '5 cm']) {
      const p = onlyProblem(`subnets:\n  - miners:\n      quality:\n        drift: '${expr}'\n`);
      expect(formatPath(p.path)).toBe('subnets[0].miners.quality.drift');
      expect(p.message).toMatch(/^invalid expression/);
    }
  });

  it('unknown variable in a quality expression suggests the close one', () => {
    const p = onlyProblem("subnets:\n  - miners:\n      quality:\n        drift: '0.1 * qq'\n");
    expect(formatPath(p.path)).toBe('subnets[0].miners.quality.drift');
    expect(p.line).toBe(4);
    expect(p.message).toContain("unknown name 'qq'; did you mean 'q'?");
    expect(p.message).toContain('variables: q, epoch, age, uid, best, mean, day');
  });

  it('a constant field allows no variables at all', () => {
    const p = onlyProblem("subnets:\n  - tempo: '360 * q'\n");
    expect(formatPath(p.path)).toBe('subnets[0].tempo');
    expect(p.message).toContain("unknown name 'q'");
    expect(p.message).toContain('no variables are allowed here');
  });

  it('an expression whose value is out of range is checked like a number', () => {
    const p = onlyProblem("subnets:\n  - yuma: { kappa: '65535 / 2' }\n");
    expect(formatPath(p.path)).toBe('subnets[0].yuma.kappa');
    expect(p.found).toBe('"65535 / 2"');
    expectAllowed(p, '≤ 1');
  });

  it('constant expressions are accepted and evaluated', () => {
    const result = parseScenarioText(
      "subnets:\n  - tempo: '360 * 2'\n    validators: { stake: '2 * 5000' }\n",
      FILE,
      {
        defaultName: 'my',
      },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.subnets[0].tempo).toBe(720);
    expect(result.scenario.subnets[0].validators.stake).toBe(10000);
  });
});

describe('files that are not scenarios at all', () => {
  it('a YAML syntax error reports its line', () => {
    const p = onlyProblem('name: x\nsubnets:\n  - tempo: 1\n   bad: 2\n');
    expect(p.path).toEqual([]);
    expect(p.line).toBe(4);
    expect(p.message).toMatch(/^not valid YAML\/JSON: /);
    expect(formatProblem(p)).toMatch(new RegExp(`^${FILE}:4:\\d+ \\(top level\\): not valid YAML/JSON`));
  });

  it('every YAML error gets a line, not only the first', () => {
    const problems = problemsOf('a: 1\nsubnets: [\n  - b\n: :\n');
    expect(problems.length).toBeGreaterThan(1);
    for (const p of problems) expect(p.line).toBeGreaterThanOrEqual(2);
  });

  it('a duplicate key is a YAML error on its line', () => {
    const p = onlyProblem('seed: 1\nduration: 1d\nseed: 2\n');
    expect(p.line).toBe(3);
    expect(p.message).toContain('unique');
  });

  it('broken JSON', () => {
    const problems = problemsOf('{"subnets": [{"tempo": 1}\n');
    for (const p of problems) {
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.message).toMatch(/^not valid YAML\/JSON/);
    }
  });

  it.each([
    ['- 1\n- 2\n', 'a list'],
    ['42\n', 'a number'],
    ['just some text\n', 'a string'],
    ['true\n', 'a boolean'],
  ])('top level %j is not a mapping', (text, found) => {
    const p = problemsOf(text);
    expect(p).toHaveLength(1);
    expect(p[0].path).toEqual([]);
    expect(p[0].message).toBe('a scenario is a mapping (key: value) at the top level');
    expect(p[0].found).toBe(found);
    expect(formatProblem(p[0])).toContain('(top level)');
  });

  it('an alias bomb is refused, not expanded (and does not throw)', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    const p = onlyProblemNoLine(bomb);
    expect(p.message).toMatch(/alias/i);
  });

  it('an empty file and a file of comments are the default scenario', () => {
    for (const text of ['', '# nothing yet\n', '---\n', '~\n']) {
      expect(parseScenarioText(text, FILE, { defaultName: 'my' }).ok).toBe(true);
    }
  });
});

function onlyProblemNoLine(text: string): ScenarioProblem {
  const problems = problemsOf(text);
  expect(problems).toHaveLength(1);
  expect(formatProblem(problems[0]).startsWith(FILE)).toBe(true);
  return problems[0];
}

describe('rules spanning several fields', () => {
  it('group counts above the count', () => {
    const p = onlyProblem(
      'subnets:\n  - validators:\n      count: 4\n      groups:\n        - count: 3\n        - count: 2\n',
    );
    expect(formatPath(p.path)).toBe('subnets[0].validators.groups');
    expect(p.line).toBe(5);
    expect(p.found).toBe('5');
    expect(p.allowed).toBe('at most 4 (validators.count)');
  });

  it('miner group counts above the default count', () => {
    const p = onlyProblem('subnets:\n  - miners:\n      groups:\n        - count: 57\n');
    expect(formatPath(p.path)).toBe('subnets[0].miners.groups');
    expect(p.allowed).toBe('at most 56 (miners.count)');
  });

  it('validators + miners above max_uids', () => {
    const p = onlyProblem(
      'subnets:\n  - max_uids: 10\n    validators: { count: 5 }\n    miners: { count: 6 }\n',
    );
    expect(formatProblem(p)).toBe(
      `${FILE}:2:15 subnets[0].max_uids: validators and miners do not fit in the uid space ` +
        '(found 10; allowed: at least 11 (validators.count + miners.count))',
    );
  });

  it.each([
    [
      'subnets:\n  - miners:\n      quality:\n        initial: { min: 0.8, max: 0.2 }\n',
      'subnets[0].miners.quality.initial.min',
      4,
    ],
    [
      'subnets:\n  - miners:\n      groups:\n        - count: 1\n          quality: { initial: { min: 0.9, max: 0.1 } }\n',
      'subnets[0].miners.groups[0].quality.initial.min',
      5,
    ],
    [
      'subnets:\n  - registration:\n      miner:\n        quality: { initial: { min: 0.6, max: 0.5 } }\n',
      'subnets[0].registration.miner.quality.initial.min',
      4,
    ],
  ])('quality.initial min above max at %#', (text, path, line) => {
    const p = onlyProblem(text);
    expect(formatPath(p.path)).toBe(path);
    expect(p.line).toBe(line);
    expect(p.message).toBe('min is above max');
    expect(p.allowed).toMatch(/^at most max \(/);
  });

  it('alpha_low above alpha_high', () => {
    const p = onlyProblem('subnets:\n  - yuma:\n      liquid_alpha: { alpha_low: 0.9, alpha_high: 0.5 }\n');
    expect(formatPath(p.path)).toBe('subnets[0].yuma.liquid_alpha.alpha_low');
    expect(p.found).toBe('0.9');
    expect(p.allowed).toBe('at most alpha_high (0.5)');
  });

  it('alpha_low above the default alpha_high', () => {
    const p = onlyProblem('subnets:\n  - yuma:\n      liquid_alpha: { alpha_low: 0.95 }\n');
    expect(formatPath(p.path)).toBe('subnets[0].yuma.liquid_alpha.alpha_low');
  });

  it('duplicate netuid, including the default one', () => {
    const p = onlyProblem('subnets:\n  - tempo: 100\n  - tempo: 200\n');
    expect(formatPath(p.path)).toBe('subnets[1].netuid');
    expect(p.message).toBe('netuid already used by subnets[0]');
    expect(p.found).toBe('1');
    // netuid is absent from subnets[1]: the problem points at the subnet.
    expect(p.line).toBe(3);
    const q = onlyProblem('subnets:\n  - netuid: 3\n  - netuid: 4\n  - netuid: 3\n');
    expect(formatPath(q.path)).toBe('subnets[2].netuid');
    expect(q.line).toBe(4);
  });

  it('a cabal validator whose cabal has no miners', () => {
    const p = onlyProblem('subnets:\n  - validators:\n      behaviour: cabal\n      cabal: red\n');
    expect(formatPath(p.path)).toBe('subnets[0].validators.cabal');
    expect(p.line).toBe(4);
    expect(p.found).toBe('"red"');
    expect(p.message).toBe('no miner belongs to this cabal');
  });

  it('a cabal validator group without a cabal name', () => {
    const p = onlyProblem(
      'subnets:\n  - validators:\n      groups:\n        - count: 2\n          behaviour: cabal\n',
    );
    expect(formatPath(p.path)).toBe('subnets[0].validators.groups[0].cabal');
    expect(p.found).toBe('nothing');
    expect(p.line).toBe(4);
  });

  it('a cabal validator is fine when some miners (a group or newcomers) share its cabal', () => {
    for (const miners of [
      'miners: { groups: [{ count: 2, cabal: red }] }',
      'registration: { per_day: 1, miner: { cabal: red } }',
    ]) {
      const text = `subnets:\n  - validators: { groups: [{ count: 2, behaviour: cabal, cabal: red }] }\n    ${miners}\n`;
      expect(parseScenarioText(text, FILE, { defaultName: 'my' }).ok).toBe(true);
    }
  });

  it('every cross-field problem is reported, each at its own path', () => {
    const text = [
      'subnets:',
      '  - netuid: 2',
      '    max_uids: 4',
      '    yuma: { liquid_alpha: { alpha_low: 0.9, alpha_high: 0.8 } }',
      '    validators: { count: 2, behaviour: cabal, cabal: blue }',
      '    miners:',
      '      count: 3',
      '      quality: { initial: { min: 0.5, max: 0.4 } }',
      '      groups: [{ count: 4 }]',
      '  - netuid: 2',
      '',
    ].join('\n');
    const problems = problemsOf(text);
    expect(problems.map((p) => [formatPath(p.path), p.line])).toEqual(
      expect.arrayContaining([
        ['subnets[0].miners.groups', 9],
        ['subnets[0].max_uids', 3],
        ['subnets[0].miners.quality.initial.min', 8],
        ['subnets[0].yuma.liquid_alpha.alpha_low', 4],
        ['subnets[0].validators.cabal', 5],
        ['subnets[1].netuid', 10],
      ]),
    );
    expect(problems).toHaveLength(6);
  });
});

describe('a file with many mistakes', () => {
  const text = [
    'nmae: demo', // 1
    'seed: -1', // 2
    'duration: 3 fortnights', // 3
    'subnets:', // 4
    '  - tempo: 0', // 5
    '    owner_cut: 2', // 6
    '    validators:', // 7
    '      count: -3', // 8
    '      cuont: 2', // 9
    '      behaviour: evil', // 10
    '      weights: { rule: median }', // 11
    '    yuma: { kappa: 32767, version: 3 }', // 12
    '    miners:', // 13
    '      quality:', // 14
    '        drift: \'import("fs")\'', // 15
    '        release: { probability: 1.5 }', // 16
    '      groups:', // 17
    '        - { count: 2, behavior: idle }', // 18
    '  - netuid: 0', // 19
    '',
  ].join('\n');

  // path → [line, found, allowed]; undefined where the field has nothing to say (the key is the finding).
  const expected: Record<string, [number, string | undefined, string | RegExp | undefined]> = {
    nmae: [1, undefined, /^keys name, /],
    seed: [2, '-1', '≥ 0'],
    duration: [3, '"3 fortnights"', undefined],
    'subnets[0].tempo': [5, '0', '≥ 1'],
    'subnets[0].owner_cut': [6, '2', '≤ 1'],
    'subnets[0].validators.count': [8, '-3', '≥ 0'],
    'subnets[0].validators.cuont': [9, undefined, /^keys count, /],
    'subnets[0].validators.behaviour': [10, '"evil"', /^one of "honest"/],
    'subnets[0].validators.weights.rule': [11, '"median"', /^one of "proportional"/],
    'subnets[0].yuma.kappa': [12, '32767', '≤ 1'],
    'subnets[0].yuma.version': [12, '3', 'one of "yuma1", "yuma3"'],
    'subnets[0].miners.quality.drift': [15, '"import(\\"fs\\")"', undefined],
    'subnets[0].miners.quality.release.probability': [16, '1.5', '≤ 1'],
    'subnets[0].miners.groups[0].behavior': [18, undefined, /behaviour/],
    'subnets[1].netuid': [19, '0', '≥ 1'],
  };

  it('reports every problem at once, each with its path, line, found and allowed', () => {
    const problems = problemsOf(text);
    expect(problems.map((p) => formatPath(p.path)).sort()).toEqual(Object.keys(expected).sort());
    expect(problems).toHaveLength(15);
    for (const p of problems) {
      const [line, found, allowed] = expected[formatPath(p.path)];
      expect(p.file, formatProblem(p)).toBe(FILE);
      expect(p.line, formatProblem(p)).toBe(line);
      expect(p.found, formatProblem(p)).toBe(found);
      if (allowed instanceof RegExp) expect(p.allowed, formatProblem(p)).toMatch(allowed);
      else if (allowed === undefined) expect(p.allowed, formatProblem(p)).toBeUndefined();
      else expectAllowed(p, allowed);
      // Every problem is one line that says where, and what was found / what is allowed.
      const line1 = formatProblem(p);
      expect(line1).not.toContain('\n');
      expect(line1.startsWith(`${FILE}:${line}:`)).toBe(true);
      if (found === undefined && allowed === undefined)
        expect(p.message).toMatch(/a duration is|allowed functions/);
    }
  });

  it('unknown keys with a close match always say "did you mean"', () => {
    const problems = problemsOf(text);
    const unknown = problems.filter((p) => p.message.startsWith('unknown key'));
    expect(unknown.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'unknown key; did you mean "name"?',
        'unknown key; did you mean "count"?',
        'unknown key; did you mean "behaviour"?',
      ]),
    );
  });
});

describe('schema and cross-field problems together', () => {
  it('subnets the schema accepts still get their cross-field checks while another subnet has errors', () => {
    const text = [
      'seed: -1', // 1: schema
      'subnets:', // 2
      '  - netuid: 1', // 3
      '    validators: { count: -1 }', // 4: schema (this subnet gets no cross-field check)
      '  - netuid: 2', // 5
      '    max_uids: 4', // 6: cross-field, 2 + 3 uids do not fit
      '    validators: { count: 2 }', // 7
      '    miners: { count: 3, groups: [{ count: 4 }] }', // 8: cross-field, groups above count
      '  - netuid: 2', // 9: cross-field, duplicate of subnets[1]
      '',
    ].join('\n');
    const problems = problemsOf(text);
    const byPath = (a: [string, number | undefined], b: [string, number | undefined]) =>
      a[0].localeCompare(b[0]);
    expect(
      problems.map((p): [string, number | undefined] => [formatPath(p.path), p.line]).sort(byPath),
    ).toEqual(
      [
        ['seed', 1],
        ['subnets[0].validators.count', 4],
        ['subnets[1].miners.groups', 8],
        ['subnets[1].max_uids', 6],
        ['subnets[2].netuid', 9],
      ].sort(byPath as (a: unknown, b: unknown) => number),
    );
    expect(problems.find((p) => formatPath(p.path) === 'subnets[2].netuid')?.message).toBe(
      'netuid already used by subnets[1]',
    );
  });
});

describe('--set overrides', () => {
  const base = 'name: base\nsubnets:\n  - tempo: 360\n';

  it('applies values read as YAML, at the paths errors use', () => {
    const result = parseScenarioText(base, FILE, {
      defaultName: 'my',
      overrides: [
        'subnets[0].tempo=100',
        'subnets[0].yuma.kappa=0.3',
        'subnets[0].validators.weights={rule: top_k, k: 4}',
        'duration=2d',
        'name=renamed',
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.scenario;
    expect(s.subnets[0].tempo).toBe(100);
    expect(s.subnets[0].yuma.kappa).toBe(0.3);
    expect(s.subnets[0].validators.weights).toEqual({ rule: 'top_k', k: 4 });
    expect(s.duration).toBe(2 * 7200);
    expect(s.name).toBe('renamed');
  });

  it('reaches the default subnet of a file without subnets', () => {
    const result = parseScenarioText('{}', FILE, { defaultName: 'my', overrides: ['subnets[0].tempo=100'] });
    expect(result.ok && result.scenario.subnets.map((s) => s.tempo)).toEqual([100]);
  });

  it('changes only the path it names, even through a YAML alias', () => {
    const text = 'subnets:\n  - netuid: 1\n    miners: &m { count: 10 }\n  - netuid: 2\n    miners: *m\n';
    const result = parseScenarioText(text, FILE, {
      defaultName: 'my',
      overrides: ['subnets[1].miners.count=5'],
    });
    expect(result.ok && result.scenario.subnets.map((s) => s.miners.count)).toEqual([10, 5]);
  });

  it('a bad value from --set names the assignment, not a line of the file (which holds the old value)', () => {
    const problems = problemsOf(base, { overrides: ['subnets[0].tempo=0'] });
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(formatPath(p.path)).toBe('subnets[0].tempo');
    expect(p.file).toBe(`${FILE} (--set subnets[0].tempo=0)`);
    expect(p.line).toBeUndefined();
    expect(p.found).toBe('0');
    expect(formatProblem(p)).toMatch(
      /^my\.yaml \(--set subnets\[0\]\.tempo=0\) subnets\[0\]\.tempo: too small \(found 0; allowed: ≥ 1/,
    );
  });

  it('a problem inside a mapping given by --set names that --set', () => {
    const problems = problemsOf(base, { overrides: ['duration=1d', 'subnets[0].validators={count: -1}'] });
    expect(problems).toHaveLength(1);
    expect(formatPath(problems[0].path)).toBe('subnets[0].validators.count');
    expect(problems[0].file).toBe(`${FILE} (--set subnets[0].validators={count: -1})`);
  });

  it('a misspelt key in an override gets "did you mean"', () => {
    const problems = problemsOf(base, { overrides: ['subnets[0].tmepo=100'] });
    expect(problems).toHaveLength(1);
    expect(formatPath(problems[0].path)).toBe('subnets[0].tmepo');
    expect(problems[0].file).toBe(`${FILE} (--set subnets[0].tmepo=100)`);
    expect(problems[0].message).toBe('unknown key; did you mean "tempo"?');
  });

  it('problems of the file itself keep their lines when overrides are given', () => {
    const problems = problemsOf('name: base\nsubnets:\n  - tempo: -5\n', {
      overrides: ['seed=2', 'subnets[0].netuid=3'],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toBe(FILE);
    expect(problems[0].line).toBe(3);
  });

  it('a malformed path', () => {
    for (const assignment of [
      'subnets[0]tempo=1',
      'no-equals-sign',
      '=3',
      'subnets[x].tempo=1',
      '.tempo=1',
    ]) {
      const problems = problemsOf(base, { overrides: [assignment] });
      expect(problems).toHaveLength(1);
      expect(problems[0].file).toBe(`--set ${assignment}`);
      expect(problems[0].message).toBe('not of the form path=value');
      expect(problems[0].allowed).toBe('e.g. subnets[0].tempo=100');
    }
  });

  it('a path through a plain value', () => {
    const problems = problemsOf(base, { overrides: ['name.first=x'] });
    expect(problems).toHaveLength(1);
    expect(formatPath(problems[0].path)).toBe('name');
    expect(problems[0].message).toBe('--set name.first: cannot descend into this value');
    expect(problems[0].found).toBe('"base"');
  });

  it('an index past the end of a list', () => {
    const problems = problemsOf(base, { overrides: ['subnets[3].tempo=1'] });
    expect(problems).toHaveLength(1);
    expect(formatPath(problems[0].path)).toBe('subnets');
    expect(problems[0].found).toBe('a list of 1');
    expect(problems[0].allowed).toBe('an index from 0 to 1');
  });

  it('a key where a list needs an index', () => {
    const problems = problemsOf(base, { overrides: ['subnets.tempo=1'] });
    expect(problems).toHaveLength(1);
    expect(formatPath(problems[0].path)).toBe('subnets');
    expect(problems[0].message).toContain('no entry "tempo" in this list');
  });

  it('every bad override is reported, not only the first', () => {
    const problems = problemsOf(base, { overrides: ['name.x=1', 'bad', 'subnets[9].tempo=1'] });
    expect(problems).toHaveLength(3);
  });

  it('cannot pollute Object.prototype', () => {
    const problems = problemsOf(base, {
      overrides: ['__proto__.polluted=1', 'subnets[0].__proto__.tempo=5'],
    });
    expect(problems.map((p) => formatPath(p.path)).sort()).toEqual(['__proto__', 'subnets[0].__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).tempo).toBeUndefined();
  });

  it('the seed option replaces the file seed, and is validated like it', () => {
    const ok = parseScenarioText('seed: 5\n', FILE, { defaultName: 'my', seed: 9 });
    expect(ok.ok && ok.scenario.seed).toBe(9);
    const p = onlyProblem('seed: 5\n', { seed: -1 });
    expect(formatPath(p.path)).toBe('seed');
  });
});

describe('loadScenarioFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'subnet-sim-load-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a missing file is a problem naming the file', async () => {
    const file = join(dir, 'missing.yaml');
    const result = await loadScenarioFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(formatProblem(result.problems[0])).toBe(`${file} (top level): no such file`);
  });

  it('a directory is a problem naming it', async () => {
    const result = await loadScenarioFile(dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toBe('is a directory');
  });

  it('the default name comes from the file name, made a valid name', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(dir, 'my first run.yaml');
    writeFileSync(file, 'seed: 3\n');
    const result = await loadScenarioFile(file);
    expect(result.ok && result.scenario.name).toBe('my-first-run');
  });
});
