import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { NETWORK_COLUMNS, SUBNETS_COLUMNS } from '../../src/output/network-rows.ts';
import { writeRun } from '../../src/output/write-run.ts';
import { configFromYaml } from '../helpers/scenario.ts';

/**
 * network.csv and subnets.csv (issue 4 "Outputs"): the columns, a row per sample every `sample_every`
 * blocks (default: the tempo) and at the last block, one subnets.csv row per subnet and sample, and
 * values that agree with each other (price = TAO reserve / alpha reserve at w = ½; the block emission
 * of the default 11.5 M TAO issued is 0.5 TAO).
 */
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const SCENARIO = `
seed: 2
duration: 175
output: { neurons: false }
subnets:
  - { netuid: 1, tempo: 50, validators: { count: 2 }, miners: { count: 3 } }
  - { netuid: 4, tempo: 60, pool: { tao: 2000, alpha: 50000 }, validators: { count: 2 }, miners: { count: 3 } }
`;

async function run(overrides: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'network-rows-'));
  dirs.push(dir);
  await writeRun(configFromYaml(SCENARIO, { overrides }), { dir, resolvedText: '', header: {} });
  const read = (file: string) =>
    parse(readFileSync(join(dir, file), 'utf8'), { columns: true }) as Record<string, string>[];
  return { network: read('network.csv'), subnets: read('subnets.csv'), dir };
}

describe('network.csv and subnets.csv', () => {
  it('have the columns the issue names, and a row every tempo (the first subnet’s) and at the end', async () => {
    const { network, subnets, dir } = await run();
    const header = (file: string) => readFileSync(join(dir, file), 'utf8').split('\n')[0].split(',');
    expect(header('network.csv')).toEqual([...NETWORK_COLUMNS]);
    expect(header('subnets.csv')).toEqual([...SUBNETS_COLUMNS]);
    for (const c of ['block', 'total_issuance', 'block_emission', 'total_stake'])
      expect(NETWORK_COLUMNS).toContain(c);
    for (const c of [
      'block',
      'netuid',
      'price',
      'moving_price',
      'tao_reserve',
      'alpha_reserve',
      'alpha_outstanding',
      'emission_share',
      'tao_in',
      'alpha_in',
      'owner_cut',
      'root_dividends',
    ])
      expect(SUBNETS_COLUMNS).toContain(c);
    expect(network.map((r) => r.block)).toEqual(['50', '100', '150', '175']);
    expect(subnets.map((r) => `${r.block}/${r.netuid}`)).toEqual(
      ['50', '100', '150', '175'].flatMap((b) => [`${b}/1`, `${b}/4`]),
    );
  });

  it('sample_every sets the interval', async () => {
    const { network } = await run(['network.sample_every=60']);
    expect(network.map((r) => r.block)).toEqual(['60', '120', '175']);
  });

  it('agree with the economy: E = 0.5 TAO at 11.5 M issued, issuance grows, price = TAO/alpha reserve', async () => {
    const { network, subnets } = await run();
    for (const r of network) expect(r.block_emission).toBe('0.500000000');
    const issued = network.map((r) => Number(r.total_issuance));
    for (let k = 1; k < issued.length; k++) expect(issued[k]).toBeGreaterThan(issued[k - 1]);
    for (const r of subnets) {
      expect(Number(r.price)).toBeCloseTo(Number(r.tao_reserve) / Number(r.alpha_reserve), 9);
      expect(Number(r.emission_share)).toBeGreaterThan(0);
      expect(Number(r.tao_in) + Number(r.excess_tao)).toBeGreaterThan(0);
    }
    // The smaller, cheaper pool of netuid 4 (price 0.04 vs 0.02) gets about twice the share: EMA prices.
    const last = subnets.slice(-2);
    expect(Number(last[1].emission_share) / Number(last[0].emission_share)).toBeCloseTo(2, 1);
  });
});
