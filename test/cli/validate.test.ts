import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, ROOT, STACK_LINE } from './fixtures/cli.ts';

/** `subnet-sim validate` through the real command line. */

describe.concurrent('validate', () => {
  it('every bundled scenario is valid: exit 0, one ok line each', async () => {
    const files = readdirSync(join(ROOT, 'scenarios'))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => `scenarios/${f}`);
    expect(files.length).toBeGreaterThan(0);
    const r = await cli('validate', ...files);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const file of files) expect(r.stdout).toMatch(new RegExp(`^${file}: ok \\(`, 'm'));
  });

  it('reports every problem of every file, a missing file included, and exits 2 (--quiet: problems only)', async () => {
    const json = join(FIXTURES, 'many-problems.json');
    const missing = join(FIXTURES, 'does-not-exist.yaml');
    const r = await cli('validate', '--quiet', 'scenarios/quickstart.yaml', json, missing);
    expect(r.status).toBe(2);
    // --quiet drops the "ok" line of the good file, not the problems of the others.
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('quickstart');
    const lines = r.stderr.trimEnd().split('\n');
    const problems = lines.filter((l) => l.startsWith(`error: ${json}:`));
    const expected: [number, string, RegExp][] = [
      [2, 'nmae', /unknown key; did you mean "name"\?/],
      [3, 'duration', /unknown unit 'fortnights'.*found "3 fortnights"/],
      [6, 'subnets[0].tempo', /too small \(found 0; allowed: ≥ 1(\)| — )/],
      [7, 'subnets[0].yuma.kappa', /too large \(found 32767; allowed: ≤ 1(\)| — )/],
      [8, 'subnets[0].validators.count', /too small \(found -3; allowed: ≥ 0(\)| — )/],
      [8, 'subnets[0].validators.behaviour', /not an allowed value \(found "evil"; allowed: one of "honest"/],
      [8, 'subnets[0].validators.weights.rule', /found "median"; allowed: one of "proportional"/],
      [9, 'subnets[0].miners.quality.drift', /function 'evaluate' is not allowed/],
    ];
    expect(problems).toHaveLength(expected.length);
    for (const [line, path, what] of expected) {
      const match = problems.find((p) => p.includes(` ${path}: `));
      expect(match, `${path} in:\n${r.stderr}`).toBeDefined();
      expect(match).toMatch(new RegExp(`^error: ${escapeRegExp(json)}:${line}:\\d+ ${escapeRegExp(path)}: `));
      expect(match).toMatch(what);
    }
    expect(lines).toContain('8 problems found');
    expect(lines).toContain(`error: ${missing} (top level): no such file`);
    expect(lines).toContain('1 problem found');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('a --set with a bad path exits 2 and names the assignment', async () => {
    const r = await cli('validate', 'scenarios/quickstart.yaml', '--set', 'subnets[0]tempo=100');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'error: --set subnets[0]tempo=100 (top level): not of the form path=value (allowed: e.g. subnets[0].tempo=100)',
    );
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
