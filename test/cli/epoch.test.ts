/**
 * `subnet-sim epoch`: every chain case of test/cases/yuma/ through the command's own loading, running
 * and printing (in process: a spawn costs ~1.5 s), its printed JSON compared with each step's
 * `reference` within the README's tolerances (float) or exactly (exact); bad files (missing, not
 * JSON, wrong lengths, uids out of range) give located problems and exit 2; and three spawns of the
 * real command line.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type EpochStepJson, epochCommand, epochSteps, formatEpochJson } from '../../src/cli/epoch.ts';
import { UsageError } from '../../src/cli/exit-codes.ts';
import type { EpochScript, EpochStepOutputs } from '../../src/engine/yuma/epoch-script-types.ts';
import { loadEpochScriptFile, parseEpochScriptText } from '../../src/scenario/epoch-script-schema.ts';
import { formatProblem } from '../../src/scenario/problem.ts';
import { type Check, referenceChecks } from '../engine/yuma/case-check.ts';
import { cli, FIXTURES, STACK_LINE } from './fixtures/cli.ts';

const CASES = fileURLToPath(new URL('../cases/yuma/', import.meta.url));
const EPOCH_FIXTURES = join(FIXTURES, 'epoch');
const caseFiles = readdirSync(CASES)
  .filter((f) => f.endsWith('.json'))
  .sort();
/** The fixtures' `reference` keys, in their order (which the printed JSON keeps, after `block`). */
const REFERENCE_KEYS = [
  'stake',
  'active_stake',
  'consensus',
  'validator_trust',
  'incentive',
  'dividends',
  'incentive_u16',
  'dividends_u16',
  'emission',
  'server_emission',
  'validator_emission',
  'new_validator_permit',
  'bonds_u16',
];
const INTEGER_KEYS = new Set([
  'incentive_u16',
  'dividends_u16',
  'bonds_u16',
  'emission',
  'server_emission',
  'validator_emission',
]);

async function loadCase(file: string): Promise<EpochScript> {
  const loaded = await loadEpochScriptFile(file);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  expect(loaded.warnings).toEqual([]);
  return loaded.script;
}

/** What the command prints for a script, read back as a user's program would. */
function printed(script: EpochScript, arithmetic: string): { steps: EpochStepJson[] } {
  return JSON.parse(formatEpochJson(epochSteps(script, arithmetic)));
}

function failures(checks: Check[]): string[] {
  return checks
    .filter((c) => !(Math.abs(c.actual - c.expected) <= c.tol))
    .map((c) => `${c.where}: got ${c.actual}, expected ${c.expected} ± ${c.tol}`);
}

/**
 * Every step's printed outputs against its `reference`: float within the README tolerances, exact
 * with every integer equal; permits exact except the documented test_outdated_weights quirk (the
 * reference shows a permit cleared by the *next* step's `replace`; see chain-cases.test.ts).
 */
function compareWithReferences(script: EpochScript, steps: EpochStepJson[], exact: boolean): string[] {
  const running = script.steps.map((s, k) => ({ s, k })).filter(({ s }) => s.epoch !== false);
  expect(steps.map((s) => s.block)).toEqual(running.map(({ s }) => s.block));
  const problems: string[] = [];
  running.forEach(({ s, k }, e) => {
    const ours = steps[e];
    expect(Object.keys(ours)).toEqual(['block', ...REFERENCE_KEYS]);
    const reference = s.reference as EpochStepOutputs | undefined;
    if (reference === undefined) return;
    expect(Object.keys(reference)).toEqual(REFERENCE_KEYS);
    let checks = referenceChecks(ours, reference, s.emission ?? 1_000_000_000);
    if (exact) checks = checks.map((c) => (INTEGER_KEYS.has(c.where.split('[')[0]) ? { ...c, tol: 0 } : c));
    problems.push(...failures(checks).map((f) => `step ${k}: ${f}`));
    const clearedNext = new Set(script.steps[k + 1]?.replace ?? []);
    reference.new_validator_permit.forEach((p, i) => {
      const mayDiffer = clearedNext.has(i) && !p;
      if (ours.new_validator_permit[i] !== p && !mayDiffer)
        problems.push(
          `step ${k}: new_validator_permit[${i}]: got ${ours.new_validator_permit[i]}, expected ${p}`,
        );
    });
  });
  return problems;
}

describe('epoch on every chain case, in process', () => {
  it('finds the cases', () => {
    expect(caseFiles.length).toBeGreaterThanOrEqual(12);
  });

  it.each(caseFiles)('%s: float output within the README tolerances of every reference', async (file) => {
    const script = await loadCase(join(CASES, file));
    expect(compareWithReferences(script, printed(script, 'float').steps, false)).toEqual([]);
  });

  it.each(caseFiles)('%s: exact output has every integer equal to the reference', async (file) => {
    const script = await loadCase(join(CASES, file));
    expect(compareWithReferences(script, printed(script, 'exact').steps, true)).toEqual([]);
  });
});

describe('the printed JSON', () => {
  it('prints integers in full, never in exponent form', () => {
    const text = formatEpochJson([
      { block: 7, ...({ emission: [2 ** 53 - 1, 1e15, 0] } as unknown as EpochStepOutputs) },
    ]);
    expect(text).toContain('"emission": [9007199254740991,1000000000000000,0]');
    expect(JSON.parse(text).steps[0].emission).toEqual([2 ** 53 - 1, 1e15, 0]);
  });

  it('leaves out "epoch": false steps and keeps documentation keys out of the way', async () => {
    const script = await loadCase(join(EPOCH_FIXTURES, 'tiny.json'));
    const { steps } = printed(script, 'float');
    expect(steps.map((s) => s.block)).toEqual([2, 3]);
    const last = steps[1];
    // The step's own emission, split (each share floored to whole rao, as the chain does).
    const total = last.emission.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(123456789);
    expect(total).toBeGreaterThan(123456789 - 4);
    expect(JSON.stringify(last)).not.toMatch(/e\+/);
  });

  it('an empty list of steps prints an empty list', () => {
    const parsed = parseEpochScriptText(
      '{"n": 0, "stake": [], "block_at_registration": [], "steps": []}',
      'x',
    );
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(JSON.parse(formatEpochJson(epochSteps(parsed.script)))).toEqual({ steps: [] });
  });

  it('an unknown arithmetic is a usage error', () => {
    const parsed = parseEpochScriptText(
      '{"n": 0, "stake": [], "block_at_registration": [], "steps": []}',
      'x',
    );
    expect(parsed.ok && (() => epochSteps(parsed.script, 'fixed'))).toThrow(UsageError);
  });
});

describe('bad files', () => {
  let stderr = '';
  let stdout = '';
  const capture = () => {
    stderr = '';
    stdout = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
  };
  afterEach(() => vi.restoreAllMocks());

  async function run(file: string): Promise<number> {
    capture();
    try {
      return await epochCommand(file, {});
    } finally {
      vi.restoreAllMocks();
    }
  }

  it('a missing file', async () => {
    const file = join(EPOCH_FIXTURES, 'no-such-case.json');
    expect(await run(file)).toBe(2);
    expect(stderr).toBe(`error: ${file} (top level): no such file\n1 problem found\n`);
    expect(stdout).toBe('');
  });

  it('a file that is not JSON: JSON’s message at its line', async () => {
    // Written here rather than kept as a fixture: biome would report a broken .json in the tree.
    const dir = mkdtempSync(join(tmpdir(), 'epoch-'));
    const file = join(dir, 'not-json.json');
    writeFileSync(file, '{\n  "n": 4,\n  "stake": [1, 2, 3, 4\n  "steps": []\n}\n');
    const code = await run(file);
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(2);
    expect(stderr).toContain(
      `${file}:4:3 (top level): not valid JSON: Expected ',' or ']' after array element`,
    );
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('wrong lengths, uids past n, out-of-range values: every problem, by path and line', async () => {
    const file = join(EPOCH_FIXTURES, 'bad-shape.json');
    expect(await run(file)).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([
      `error: ${file}:3:12 stake: wrong number of entries: one per uid (found 3 entries; allowed: 4 (n is 4))`,
      `error: ${file}:5:24 params.kappa: too large (found 70000; allowed: ≤ 65535 — κ as the chain’s u16 (κ = kappa / 65535))`,
      `error: ${file}:9:47 steps[0].set_weights[0].uids[1]: no such uid (found 7; allowed: a uid from 0 to 3 (n is 4))`,
      '3 problems found',
    ]);
  });

  it('rows whose uids and values differ in length, repeated uids, bad replace uids', () => {
    const text = JSON.stringify({
      n: 3,
      stake: [1, 2, 3],
      block_at_registration: [0, 0, 0],
      validator_permit: [true, false],
      steps: [
        { block: 1, set_weights: [{ uid: 0, uids: [1, 1, 2], values: [1, 2] }], replace: [3] },
        { block: 2, reset_bond_column: [-1], set_weights: [{ uid: 9, uids: [], values: [] }] },
      ],
    });
    const parsed = parseEpochScriptText(text, 'f.json');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => `${formatProblem(p).split(' ')[1]} ${p.message}`)).toEqual([
      'validator_permit: wrong number of entries: one per uid',
      'steps[0].set_weights[0].uids[1]: uid listed twice in one row (the chain rejects duplicate uids)',
      'steps[0].set_weights[0].values: wrong number of entries: one value per entry of uids',
      'steps[0].replace[0]: no such uid',
      'steps[1].reset_bond_column[0]: too small',
      'steps[1].set_weights[0].uid: no such uid',
    ]);
  });

  it('documentation keys pass; a key one typo from a read key is a warning, not an error', () => {
    const parsed = parseEpochScriptText(
      '{"n": 1, "stake": [1], "block_at_registration": [0], "derived_by_reference_emulator": "x",\n' +
        ' "steps": [{"block": 1, "reference": {}, "expect": {"a": 1}, "test_listed_bonds_unchecked": [1], "emision": 5}]}',
      'f.json',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.warnings.map(formatProblem)).toEqual([
      'f.json:2:109 steps[0].emision: not read when running; did you mean "emission"?',
    ]);
  });
});

describe.concurrent('the command line', () => {
  it('prints one JSON entry per epoch, within tolerance of the references', async () => {
    const file = 'test/cases/yuma/test_yuma_3_kappa_moves_first.json';
    const r = await cli('epoch', file);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/e\+/);
    const script = await loadCase(file);
    expect(compareWithReferences(script, JSON.parse(r.stdout).steps, false)).toEqual([]);
  });

  it('--arithmetic exact prints the chain’s integers', async () => {
    const file = 'test/cases/yuma/test_outdated_weights.json';
    const r = await cli('epoch', file, '--arithmetic', 'exact');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const script = await loadCase(file);
    expect(compareWithReferences(script, JSON.parse(r.stdout).steps, true)).toEqual([]);
  });

  it('a bad file exits 2 with located problems, nothing on stdout and no stack trace', async () => {
    const r = await cli('epoch', join(EPOCH_FIXTURES, 'bad-shape.json'));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad-shape\.json:3:12 stake: wrong number of entries/);
    expect(r.stderr).toMatch(/steps\[0\]\.set_weights\[0\]\.uids\[1\]: no such uid/);
    expect(r.stderr).toContain('3 problems found');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});
