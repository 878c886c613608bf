import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type CliResult, cli, FIXTURES, ROOT, STACK_LINE } from './fixtures/cli.ts';

/**
 * `subnet-sim run` end to end on a tiny scenario: the six result files, --seed, --set, --quiet, the
 * default results/<name>/<run-id>/ folder, and a bad scenario that writes nothing.
 */

const TINY = join(FIXTURES, 'tiny.yaml');
const BAD = join(FIXTURES, 'bad-run.yaml');
const FILES = [
  'network.csv',
  'neurons.csv',
  'scenario.resolved.yaml',
  'subnet.csv',
  'subnets.csv',
  'summary.json',
];

// The columns README.md documents.
const NEURON_HEADER =
  'block,epoch,netuid,uid,hotkey,role,behaviour,quality,served_quality,stake,validator_permit,active,' +
  'consensus,incentive,dividends,validator_trust,emission,balance';
const SUBNET_HEADER =
  'block,epoch,netuid,n,validators,miners,permitted_validators,active_validators,distributed,owner_cut,' +
  'dust_rao,registrations,pruned,mean_quality,best_quality,quality_incentive_correlation,incentive_gini,' +
  'best_miner_incentive,mean_validator_trust,cabal_incentive_share,incentive_share_honest,' +
  'incentive_share_copier,incentive_share_idle,dividend_share_honest,dividend_share_weight_copier,' +
  'dividend_share_lazy,dividend_share_cabal,dividend_share_random';

const tmp = mkdtempSync(join(tmpdir(), 'subnet-sim-cli-'));
// A name no one else uses, for the run that writes under results/.
const NAME = `cli-test-${process.pid}-${Date.now()}`;

const out = { base: join(tmp, 'base'), set: join(tmp, 'set'), bad: join(tmp, 'bad', 'nested') };
let base: CliResult;
let reseeded: CliResult;
let withSet: CliResult;
let bad: CliResult;

beforeAll(async () => {
  [base, reseeded, withSet, bad] = await Promise.all([
    cli('run', TINY, '--out', out.base, '--quiet'),
    cli('run', TINY, '--seed', '2', '--set', `name=${NAME}`),
    cli('run', TINY, '--out', out.set, '--quiet', '--set', 'subnets[0].tempo=100', '--set', 'duration=2000'),
    cli('run', BAD, '--out', out.bad),
  ]);
}, 120_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(join(ROOT, 'results', NAME), { recursive: true, force: true });
});

function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}

function summaryOf(dir: string) {
  return JSON.parse(read(dir, 'summary.json')) as {
    scenario: string;
    run_id: string;
    seed: number;
    blocks: number;
    subnets: { netuid: number; epochs: number; miner_emission: string; miners: unknown }[];
  };
}

describe('run', () => {
  it('writes the six result files with the documented headers; --quiet prints nothing', () => {
    expect(base.stderr).toBe('');
    expect(base.status).toBe(0);
    expect(base.stdout).toBe('');
    expect(readdirSync(out.base).sort()).toEqual(FILES);
    const neurons = read(out.base, 'neurons.csv').split('\n');
    const subnet = read(out.base, 'subnet.csv').split('\n');
    expect(neurons[0]).toBe(NEURON_HEADER);
    expect(subnet[0]).toBe(SUBNET_HEADER);
    // 1 day at tempo 360: 20 epochs, one subnet row each and a row per uid.
    expect(subnet.filter((l) => l !== '')).toHaveLength(1 + 20);
    expect(neurons.filter((l) => l !== '').length).toBeGreaterThanOrEqual(1 + 20 * 6);
    const summary = summaryOf(out.base);
    expect(summary).toMatchObject({ scenario: 'cli-tiny', seed: 1, blocks: 7200 });
    expect(summary.run_id).toMatch(/^[0-9a-f]{12}$/);
    expect(summary.subnets[0].epochs).toBe(20);
    const resolved = parseYaml(read(out.base, 'scenario.resolved.yaml'));
    expect(resolved).toMatchObject({ name: 'cli-tiny', seed: 1, duration: 7200 });
    expect(resolved.subnets[0].miners.quality.drift).toBe('0.001 * (1 - q)');
  });

  it('without --out writes results/<name>/<run-id>/ and says where', () => {
    expect(reseeded.stderr).toBe('');
    expect(reseeded.status).toBe(0);
    const runs = readdirSync(join(ROOT, 'results', NAME));
    expect(runs).toHaveLength(1);
    const [runId] = runs;
    const dir = join(ROOT, 'results', NAME, runId);
    expect(readdirSync(dir).sort()).toEqual(FILES);
    expect(summaryOf(dir).run_id).toBe(runId);
    expect(reseeded.stdout).toContain(`→ ${join('results', NAME, runId)}`);
  });

  it('another --seed gives another run: other results, other run id', () => {
    const dir = join(ROOT, 'results', NAME, readdirSync(join(ROOT, 'results', NAME))[0]);
    const a = summaryOf(out.base);
    const b = summaryOf(dir);
    expect(b.seed).toBe(2);
    expect(b.run_id).not.toBe(a.run_id);
    expect(b.subnets).not.toEqual(a.subnets);
    expect(read(dir, 'neurons.csv')).not.toBe(read(out.base, 'neurons.csv'));
    expect(parseYaml(read(dir, 'scenario.resolved.yaml')).seed).toBe(2);
  });

  it('--set takes effect and is recorded in scenario.resolved.yaml', () => {
    expect(withSet.stderr).toBe('');
    expect(withSet.status).toBe(0);
    const resolved = parseYaml(read(out.set, 'scenario.resolved.yaml'));
    expect(resolved.subnets[0].tempo).toBe(100);
    expect(resolved.duration).toBe(2000);
    // 2000 blocks at tempo 100: 20 epochs again, but every 100 blocks.
    const summary = summaryOf(out.set);
    expect(summary.blocks).toBe(2000);
    expect(summary.subnets[0].epochs).toBeGreaterThanOrEqual(19);
    const blocks = read(out.set, 'subnet.csv')
      .split('\n')
      .slice(1, 4)
      .map((l) => Number(l.split(',')[0]));
    expect(blocks[1] - blocks[0]).toBe(100);
    expect(blocks[2] - blocks[1]).toBe(100);
  });

  it('a scenario with a wrong key, a negative count and a forbidden expression: exit 2, every path named, nothing written', () => {
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    const lines = bad.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('3 problems found');
    const problems = lines.slice(0, 3).join('\n');
    expect(problems).toMatch(
      new RegExp(
        `^error: ${escapeRegExp(BAD)}:7:14 subnets\\[0\\]\\.validators\\.cuont: unknown key; did you mean "count"\\?`,
        'm',
      ),
    );
    expect(problems).toMatch(
      new RegExp(
        `^error: ${escapeRegExp(BAD)}:9:14 subnets\\[0\\]\\.miners\\.count: too small \\(found -4; allowed: ≥ 0(\\)$| — )`,
        'm',
      ),
    );
    expect(problems).toMatch(
      new RegExp(
        `^error: ${escapeRegExp(BAD)}:11:16 subnets\\[0\\]\\.miners\\.quality\\.drift: .*function 'import' is not allowed`,
        'm',
      ),
    );
    expect(bad.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(join(tmp, 'bad'))).toBe(false);
    expect(existsSync(join(ROOT, 'results', 'cli-bad-run'))).toBe(false);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
