import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../src/cli/tool-version.ts';
import { writeRun } from '../../src/output/write-run.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import { resolvedScenarioText, runIdOf } from '../../src/scenario/resolve.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { scenarioFromYaml, type YamlOptions } from '../helpers/scenario.ts';

/**
 * Same inputs → the same bytes: a run is a pure function of its resolved scenario. Checked through
 * writeRun (as the CLI calls it) and through the CLI itself in a fresh process.
 */

const FILES = ['neurons.csv', 'subnet.csv', 'summary.json', 'scenario.resolved.yaml'] as const;

const SCENARIO = `
name: determinism
seed: 17
duration: 2400
subnets:
  - tempo: 40
    max_uids: 16
    immunity_period: 60
    validators:
      count: 5
      weights: { rule: softmax, temperature: 0.1 }
      groups:
        - { count: 1, behaviour: random }
        - { count: 1, behaviour: lazy, resubmit_every: 3 }
    miners:
      count: 10
      quality: { drift: "0.01 * (0.8 - q)", noise: 0.02 }
      groups:
        - { count: 2, behaviour: copier }
    registration: { per_day: 80 }
`;

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'subnet-sim-det-'));
  dirs.push(dir);
  return dir;
}

/** What `subnet-sim run` does, minus the file loading and progress bar. */
async function runScenario(scenario: Scenario): Promise<string> {
  const dir = await tempDir();
  const resolvedText = resolvedScenarioText(scenario, TOOL_VERSION);
  await writeRun(compileScenario(scenario), {
    dir,
    resolvedText,
    header: { scenario: scenario.name, run_id: runIdOf(resolvedText), tool_version: TOOL_VERSION },
  });
  return dir;
}

async function filesOf(dir: string): Promise<Record<string, Buffer>> {
  const entries = await Promise.all(FILES.map(async (f) => [f, await readFile(join(dir, f))] as const));
  return Object.fromEntries(entries);
}

const run = (text: string, options: YamlOptions = {}) => runScenario(scenarioFromYaml(text, options));

describe('determinism', () => {
  let first: Record<string, Buffer>;
  let firstDir: string;
  beforeAll(async () => {
    firstDir = await run(SCENARIO);
    first = await filesOf(firstDir);
  });
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('the run writes non-trivial files (so equality below means something)', () => {
    const neurons = first['neurons.csv'].toString('utf8').trim().split('\n');
    // 60 epochs × 15–16 uids, plus the header.
    expect(neurons.length).toBeGreaterThan(60 * 15);
    const summary = JSON.parse(first['summary.json'].toString('utf8'));
    expect(summary.subnets[0].registrations).toBeGreaterThan(5);
  });

  it('same seed → byte-identical files', async () => {
    const again = await filesOf(await run(SCENARIO));
    for (const f of FILES) expect(again[f].equals(first[f]), f).toBe(true);
  });

  it('another seed → every file differs', async () => {
    const other = await filesOf(await run(SCENARIO, { seed: 18 }));
    for (const f of FILES) expect(other[f].equals(first[f]), f).toBe(false);
  });

  it('the resolved scenario resolves to itself and reproduces the run byte for byte', async () => {
    const resolvedText = first['scenario.resolved.yaml'].toString('utf8');
    const reparsed = scenarioFromYaml(resolvedText, { defaultName: 'something-else' });
    expect(resolvedScenarioText(reparsed, TOOL_VERSION)).toBe(resolvedText);
    const replay = await filesOf(await runScenario(reparsed));
    for (const f of FILES) expect(replay[f].equals(first[f]), f).toBe(true);
  });

  it('the CLI, in a fresh process, replays scenario.resolved.yaml to the same bytes', async () => {
    // One CLI start costs a few seconds (tsx, mathjs), so one invocation: the resolved copy as input.
    const exec = promisify(execFile);
    const bin = join(import.meta.dirname, '../../bin/subnet-sim.mjs');
    const out = join(await tempDir(), 'cli');
    const resolved = join(firstDir, 'scenario.resolved.yaml');
    const { stdout } = await exec(process.execPath, [bin, 'run', resolved, '--out', out, '--quiet']);
    expect(stdout).toBe('');
    const files = await filesOf(out);
    for (const f of FILES) expect(files[f].equals(first[f]), f).toBe(true);
  });
});
