/**
 * The named Yuma cases (scenarios/yuma-cases/) through the case runner, against the subtensor tests
 * they mirror: case 1 = C8 test_yuma_3_kappa_moves_first, case 16 = C13 test_yuma_3_stable_miner
 * (opentensor/subtensor@14bc6f9 tests/epoch.rs; dividends asserted there to 1e-3). Also the case
 * file format's checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseVersions } from '../../../src/cli/compare.ts';
import { COMPARE_VERSIONS, runYumaCase } from '../../../src/engine/yuma/cases/run-case.ts';
import { formatProblem } from '../../../src/scenario/problem.ts';
import { parseYumaCaseText } from '../../../src/scenario/yuma-case-schema.ts';

const dir = fileURLToPath(new URL('../../../scenarios/yuma-cases/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function load(file: string) {
  const parsed = parseYumaCaseText(readFileSync(dir + file, 'utf8'), file, file.replace(/\.yaml$/, ''));
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  return parsed.yumaCase;
}

function problemsOf(text: string): string[] {
  const parsed = parseYumaCaseText(text, 'x.yaml', 'x');
  return parsed.ok ? [] : parsed.problems.map(formatProblem);
}

function expectDividends(actual: number[], expected: number[], where: string) {
  expected.forEach((d, i) => {
    expect(
      Math.abs(actual[i] - d),
      `${where} validator ${i}: got ${actual[i]}, expected ${d}`,
    ).toBeLessThanOrEqual(1e-3);
  });
}

describe('the bundled case files', () => {
  it('cover cases 1–14 and 16, and every one parses and runs under every version', () => {
    const numbers = files.map((f) => Number(/^case-(\d+)/.exec(f)?.[1]));
    for (let k = 1; k <= 14; k++) expect(numbers).toContain(k);
    expect(numbers).toContain(16);
    for (const file of files) {
      expect(readFileSync(dir + file, 'utf8')).toMatch(/^# Case \d+ — /);
      const c = load(file);
      expect(c.epochs).toBe(40);
      for (const version of COMPARE_VERSIONS) {
        const out = runYumaCase(c, version);
        expect(out).toHaveLength(40);
        for (const e of out) {
          const sum = e.dividends.reduce((a, b) => a + b, 0);
          expect(Math.abs(sum - 1), `${file} ${version} epoch ${e.epoch}`).toBeLessThan(1e-9);
        }
      }
    }
  });
});

describe('chain tests reproduced under yuma3-liquid', () => {
  it('case 1 = C8 test_yuma_3_kappa_moves_first', () => {
    const out = runYumaCase(load('case-01-kappa-moves-first.yaml'), 'yuma3-liquid');
    const c8 = [
      [0.8, 0.1, 0.1],
      [1, 0, 0],
      [0.9382, 0.0618, 0],
      [0.8819, 0.0773, 0.0407],
      [0.8564, 0.0844, 0.0592],
      [0.8418, 0.0884, 0.0697],
    ];
    c8.forEach((d, e) => {
      expectDividends(out[e].dividends, d, `epoch ${e}`);
    });
    // The bonds the test lists (never compared by it), e.g. epoch 2: A [0.0815, 0.1924], C [0.5580, 0].
    expect(out[2].bonds[0][0]).toBeCloseTo(0.0815, 3);
    expect(out[2].bonds[0][1]).toBeCloseTo(0.1924, 3);
    expect(out[2].bonds[2][0]).toBeCloseTo(0.558, 3);
  });

  it('case 16 = C13 test_yuma_3_stable_miner', () => {
    const out = runYumaCase(load('case-16-stable-miner-half.yaml'), 'yuma3-liquid');
    const c13 = [
      [0.8, 0.1, 0.1],
      [0.8226, 0.0745, 0.1028],
      [0.775, 0.1685, 0.0565],
      [0.7864, 0.1372, 0.0764],
      [0.7912, 0.1241, 0.0847],
      [0.7937, 0.1173, 0.089],
    ];
    c13.forEach((d, e) => {
      expectDividends(out[e].dividends, d, `epoch ${e}`);
    });
  });
});

describe('versions and case semantics', () => {
  it('when everyone moves together, every version pays the stake shares (case 4)', () => {
    const c = load('case-04-all-validators-switch.yaml');
    for (const version of COMPARE_VERSIONS)
      for (const e of runYumaCase(c, version)) expectDividends(e.dividends, [0.8, 0.1, 0.1], version);
  });

  it('original Yuma rewards the first mover far above its stake, Yuma3 only a little (case 2)', () => {
    const c = load('case-02-kappa-moves-second.yaml');
    const meanB = (v: (typeof COMPARE_VERSIONS)[number]) =>
      runYumaCase(c, v).reduce((s, e) => s + e.dividends[1], 0) / c.epochs;
    expect(meanB('yuma1')).toBeGreaterThan(0.5);
    expect(meanB('yuma3')).toBeGreaterThan(0.1);
    expect(meanB('yuma3')).toBeLessThan(0.12);
  });

  it('a stake change applies from its epoch on, and Yuma3 pays it at once (case 9)', () => {
    const c = load('case-09-small-validators-merged.yaml');
    expect(c.stakes[5]).toEqual([0.8, 0.1, 0.1]);
    expect(c.stakes[6]).toEqual([0.8, 0.2, 0]);
    const out = runYumaCase(c, 'yuma3');
    expectDividends(out[5].dividends, [0.8, 0.1, 0.1], 'epoch 5');
    expectDividends(out[6].dividends, [0.8, 0.2, 0], 'epoch 6');
  });

  it('a reset wipes the server’s bond column before its epoch (case 8, S2 at epoch 20)', () => {
    const c = load('case-08-big-vali-moves-late-then-late.yaml');
    expect(c.resets).toEqual([{ epoch: 20, server: 1 }]);
    const out = runYumaCase(c, 'yuma3');
    // Everyone still weights S2 at epoch 20: one EMA step from 0 leaves α = 0.025 (β = 0: W̃ = W).
    for (let i = 0; i < 3; i++) expect(out[20].bonds[i][1]).toBeCloseTo(0.025, 4);
    expect(out[19].bonds[0][1]).toBeGreaterThan(0.3);
  });

  it('later schedule entries override earlier ones; uncovered epochs keep the previous row', () => {
    const c = load('case-14-one-validator-switches-for-one-epoch.yaml');
    expect(c.weights[19][2]).toEqual([1, 0]);
    expect(c.weights[20]).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    expect(c.weights[21][2]).toEqual([1, 0]);
    const kept = parseYumaCaseText(
      'epochs: 4\nvalidators: {A: 1}\nschedule: [{epochs: 0, A: S2}, {epochs: 2, A: [1, 3]}]',
      'x.yaml',
      'x',
    );
    expect(kept.ok && kept.yumaCase.weights.map((w) => w[0])).toEqual([
      [0, 1],
      [0, 1],
      [1, 3],
      [1, 3],
    ]);
  });
});

describe('case file problems', () => {
  it('the README example of the format is a valid case', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const example = /## Comparing Yuma versions[\s\S]*?```yml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(problemsOf(example!)).toEqual([]);
  });

  it('schema problems name the path and the line', () => {
    const problems = problemsOf(
      [
        'epochs: 0',
        'validators: {A: 0.8, B: -1}',
        'schedule:',
        '  - {epochs: "3..5", all: S1}',
        'colour: red',
      ].join('\n'),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^x\.yaml:1:\d+ epochs: too small \(found 0; allowed: ≥ 1/),
        expect.stringMatching(/^x\.yaml:2:\d+ validators\.B: too small \(found -1/),
        expect.stringMatching(/^x\.yaml:4:\d+ schedule\[0\]\.epochs: .*found "3\.\.5"/),
        expect.stringMatching(/^x\.yaml:5:\d+ colour: unknown key/),
      ]),
    );
  });

  it('cross-field problems: unknown validator or server (with a guess), row length, epochs past the end', () => {
    const problems = problemsOf(
      [
        'epochs: 10',
        'validators: {Alice: 0.8, Bob: 0.2}',
        'servers: [S1, S2]',
        'schedule:',
        '  - {epochs: 0, all: S1}',
        '  - {epochs: 3-12, Alcie: S2, Bob: [1, 0, 0]}',
        '  - {epochs: 4, Bob: S3}',
        'resets: [{epoch: 10, server: S1}]',
        'stakes: [{epoch: 2, Carol: 1}]',
      ].join('\n'),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^x\.yaml:6:\d+ schedule\[1\]\.epochs: past the last epoch \(found 12; allowed: 0 to 9/,
      ),
      expect.stringMatching(
        /^x\.yaml:6:\d+ schedule\[1\]\.Alcie: unknown validator .*did you mean "Alice"\?/,
      ),
      expect.stringMatching(
        /^x\.yaml:6:\d+ schedule\[1\]\.Bob: a row needs one weight per server .*2 numbers/,
      ),
      expect.stringMatching(/^x\.yaml:7:\d+ schedule\[2\]\.Bob: unknown server; did you mean "S1"\?/),
      expect.stringMatching(/^x\.yaml:8:\d+ resets\[0\]\.epoch: past the last epoch/),
      expect.stringMatching(/^x\.yaml:9:\d+ stakes\[0\]\.Carol: unknown validator/),
    ]);
  });

  it('every validator needs a row at epoch 0', () => {
    expect(problemsOf('validators: {A: 1, B: 1}\nschedule: [{epochs: 0, A: S1}]')).toEqual([
      expect.stringMatching(/schedule: no row for epoch 0 of B/),
    ]);
  });

  it('--versions: known names in order, without repeats; anything else is a usage error', () => {
    expect(parseVersions('yuma3-liquid, yuma1,yuma1')).toEqual(['yuma3-liquid', 'yuma1']);
    expect(() => parseVersions('yuma2,yuma3')).toThrow(
      /unknown version "yuma2" \(allowed: yuma1, yuma3, yuma3-liquid\)/,
    );
  });
});
