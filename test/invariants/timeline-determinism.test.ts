import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../src/cli/tool-version.ts';
import { writeRun } from '../../src/output/write-run.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import { resolvedScenarioText, runIdOf } from '../../src/scenario/resolve.ts';
import { scenarioFromYaml } from '../helpers/scenario.ts';

/**
 * Markets, shocks and contributors keep runs pure functions of their resolved scenario: the same seed
 * writes the same bytes in every file; another seed draws another TAO/USD path.
 */

const SCENARIO = `
name: timeline-determinism
seed: 21
duration: 3d
output: { neurons: false }
market:
  tao_usd:
    model: regimes
    regimes:
      - { name: bull, drift: 1, volatility: 0.8, transitions: { bear: 0.3 } }
      - { name: bear, drift: -1, volatility: 1.2, transitions: { bull: 0.3 } }
shocks:
  - { kind: tao_usd, at: 1d, change: -0.3, over: 1d }
  - { kind: sell_pressure, netuid: 1, at: 2d, alpha: 5000, over: 4h }
  - { kind: miner_quality, netuid: 1, at: 1d, change: 0.2 }
network:
  stakers: [{ count: 4, policy: random, balance: 200, rebalance_every: 4h }]
subnets:
  - alpha_issuance: 20000
    validators: { count: 3 }
    miners: { count: 6 }
contributors:
  - name: dev
    tax: { income: 0.3, capital_gains: 0.15 }
    leaves: { under_water: { by: 0.2, for: 1d } }
    packages:
      - name: alpha
        grants: [{ asset: alpha, netuid: 1, amount: 6000, vesting: { convention: linear, duration: 3d }, selling: { rule: sell_at_vest } }]
        operates: [{ netuid: 1, uids: [0] }]
      - name: usd
        salary: 50000
        grants: [{ asset: tao, usd: 9000, convert: vest_date, vesting: { convention: linear, duration: 3d } }]
        hedge: { forward: { fraction: 0.5 } }
`;

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function run(seed?: number): Promise<Map<string, string>> {
  const scenario = scenarioFromYaml(SCENARIO, seed === undefined ? {} : { seed });
  const dir = await mkdtemp(join(tmpdir(), 'subnet-sim-tl-'));
  dirs.push(dir);
  const resolvedText = resolvedScenarioText(scenario, TOOL_VERSION);
  await writeRun(compileScenario(scenario), {
    dir,
    resolvedText,
    neurons: false,
    header: { scenario: scenario.name, run_id: runIdOf(resolvedText), tool_version: TOOL_VERSION },
  });
  const files = (await readdir(dir)).sort();
  return new Map(
    await Promise.all(files.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)),
  );
}

describe('timeline determinism', () => {
  it('the same seed writes byte-identical files, events and contributors included', async () => {
    const [first, second] = await Promise.all([run(), run()]);
    expect([...first.keys()]).toEqual([
      'contributors.csv',
      'events.csv',
      'market.csv',
      'network.csv',
      'scenario.resolved.yaml',
      'subnet.csv',
      'subnets.csv',
      'summary.json',
    ]);
    for (const [file, text] of first) expect(second.get(file), file).toBe(text);
    expect(first.get('events.csv')!.split('\n').length).toBeGreaterThan(4);
  });

  it('TAO/USD draws from a stream of its own: a bigger network leaves the path as it was', async () => {
    const column = (csv: string) =>
      csv
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((row) => row.split(',')[2]);
    const scenario = scenarioFromYaml(SCENARIO, { overrides: ['subnets[0].miners.count=9'] });
    const dir = await mkdtemp(join(tmpdir(), 'subnet-sim-tl-'));
    dirs.push(dir);
    await writeRun(compileScenario(scenario), { dir, resolvedText: '', neurons: false, header: {} });
    const [base] = await Promise.all([run()]);
    const other = await readFile(join(dir, 'market.csv'), 'utf8');
    expect(column(other)).toEqual(column(base.get('market.csv')!));
    expect(await readFile(join(dir, 'subnet.csv'), 'utf8')).not.toBe(base.get('subnet.csv'));
  });

  it('another seed draws another TAO/USD path', async () => {
    const [first, other] = await Promise.all([run(), run(22)]);
    expect(other.get('market.csv')).not.toBe(first.get('market.csv'));
  });
});
