import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, FIXTURES, STACK_LINE } from './fixtures/cli.ts';

/** `subnet-sim compare` through the real command line (two spawns; the rest is in test/engine/yuma/cases.test.ts). */

const dir = mkdtempSync(join(tmpdir(), 'compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('compare', () => {
  it('runs a case under every version and writes one CSV, a row per version, epoch and validator', async () => {
    const out = join(dir, 'nested', 'case1.csv');
    const r = await cli('compare', 'scenarios/yuma-cases/case-01-kappa-moves-first.yaml', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`case-01-kappa-moves-first: 40 epochs × 3 version(s) → ${out}`);
    expect(r.stdout).toMatch(/^ {2}yuma3-liquid +A 0\.\d{4} {2}B 0\.\d{4} {2}C 0\.\d{4}$/m);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(
      'version,epoch,validator,stake,weight_S1,weight_S2,dividend,bond_S1,bond_S2,incentive_S1,incentive_S2',
    );
    expect(lines).toHaveLength(1 + 3 * 40 * 3);
    expect(lines[1]).toMatch(/^yuma1,0,A,0\.8,1,0,0\.8,/);
    // C8's epoch-2 dividend of A under yuma3-liquid, 0.9382 (± 1e-3 as the chain test).
    const row = lines.find((l) => l.startsWith('yuma3-liquid,2,A,'))!.split(',');
    expect(Math.abs(Number(row[6]) - 0.9382)).toBeLessThanOrEqual(1e-3);
  });

  it('a bad case file exits 2 with located problems and writes nothing', async () => {
    const out = join(dir, 'bad.csv');
    const r = await cli('compare', join(FIXTURES, 'bad-case.yaml'), '--out', out);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad-case\.yaml:3:\d+ validators\.C: too small \(found -0\.1; allowed: ≥ 0/);
    expect(r.stderr).toContain('1 problem found');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(() => readFileSync(out)).toThrow();
  });
});
