import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticImports } from '../helpers/import-graph.ts';
import { type CliResult, cli, FIXTURES, ROOT, STACK_LINE } from './fixtures/cli.ts';

/**
 * `subnet-sim live` without a terminal (stdout piped, as here): plain progress lines, the results `run`
 * writes plus events.csv; bad input; and the import graph that keeps React out of every command but the
 * terminal views (which the commands import only on a terminal).
 */

const TINY = join(FIXTURES, 'tiny.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'subnet-sim-live-cli-'));
let live: CliResult;

beforeAll(async () => {
  let run: CliResult;
  [live, run] = await Promise.all([
    cli('live', TINY, '--out', join(tmp, 'live'), '--seed', '4'),
    cli('run', TINY, '--out', join(tmp, 'run'), '--seed', '4', '--quiet'),
  ]);
  if (run.status !== 0) throw new Error(`run failed: ${run.stderr}`);
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('subnet-sim live, not on a terminal', () => {
  it('prints a line per simulated day and where the results went', () => {
    expect(live.status).toBe(0);
    expect(live.stderr).toBe('');
    expect(live.stdout).toMatch(
      /^day 1 00:00 {2}block 7,200\/7,200 {2}emission [\d.]+ τ\/block {2}subnets 1 {2}registrations \+\d+ {2}pruned \+\d+$/m,
    );
    expect(live.stdout.trimEnd().split('\n').at(-1)).toBe(`cli-tiny: 7200 blocks → ${join(tmp, 'live')}`);
  });

  it('writes what `run` writes, identical, plus events.csv', () => {
    for (const file of [
      'neurons.csv',
      'subnet.csv',
      'network.csv',
      'subnets.csv',
      'scenario.resolved.yaml',
    ]) {
      expect(readFileSync(join(tmp, 'live', file), 'utf8')).toBe(
        readFileSync(join(tmp, 'run', file), 'utf8'),
      );
    }
    expect(readFileSync(join(tmp, 'live', 'events.csv'), 'utf8')).toMatch(
      /^block,day,kind,netuid,subject,amount,detail\n/,
    );
  });

  it('a bad scenario: the problem, exit 2, no stack trace, nothing written', async () => {
    const bad = await cli('live', join(FIXTURES, 'bad-run.yaml'), '--out', join(tmp, 'bad'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(STACK_LINE);
    expect(bad.stderr).toContain('bad-run.yaml');
    expect(existsSync(join(tmp, 'bad'))).toBe(false);
  });
});

describe('import graph', () => {
  it('run, sweep, the workers, report and live load neither React nor ink nor src/tui until a terminal view is shown', () => {
    for (const file of [
      'src/cli/main.ts',
      'src/cli/run.ts',
      'src/cli/sweep.ts',
      'src/sweep/simulate.ts',
      'src/cli/report.ts',
      'src/cli/live.ts',
      'src/live/session.ts',
      'src/live/plain-progress.ts',
    ]) {
      const loaded = staticImports(ROOT, file);
      expect(
        loaded.filter((f) => ['react', 'ink'].includes(f) || f.startsWith('src/tui/')),
        file,
      ).toEqual([]);
    }
  });
});
