import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenario/compile.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { parsePriceCsv } from '../../src/scenario/price-csv.ts';
import { formatProblem } from '../../src/scenario/problem.ts';
import { resolvedScenarioText } from '../../src/scenario/resolve.ts';

/** Historical TAO/USD from CSV: read when the scenario is loaded, every bad row named by its line. */

const PATH = ['market', 'tao_usd', 'csv'];

describe('parsePriceCsv', () => {
  it('dates become days since the first row (or `start`), comments and blank lines skipped', () => {
    const text =
      '# TAO/USD, illustrative\ndate,price,volume\n2025-01-01,400,1\n\n2025-01-11,500,2\n2025-03-01,300,3\n';
    const r = parsePriceCsv(text, 'p.csv', PATH);
    expect(r).toEqual({
      ok: true,
      points: [
        { day: 0, price: 400 },
        { day: 10, price: 500 },
        { day: 59, price: 300 },
      ],
    });
    // Day 0 on 2025-01-06: halfway between the first two rows, interpolated, earlier rows dropped.
    const later = parsePriceCsv(text, 'p.csv', PATH, '2025-01-06');
    expect(later).toEqual({
      ok: true,
      points: [
        { day: 0, price: 450 },
        { day: 5, price: 500 },
        { day: 54, price: 300 },
      ],
    });
  });

  it('blocks become days at 7200 blocks a day', () => {
    expect(parsePriceCsv('block,price\n0,100\n3600,110\n14400,90\n', 'p.csv', PATH)).toEqual({
      ok: true,
      points: [
        { day: 0, price: 100 },
        { day: 0.5, price: 110 },
        { day: 2, price: 90 },
      ],
    });
  });

  it('every bad row is a problem naming the CSV file, its line and what is allowed', () => {
    const text = [
      'date,price', // 1
      '2025-01-01,400', // 2
      '2025-02-30,410', // 3: no such day
      '2025-01-03,abc', // 4
      '# a comment', // 5
      '2025-01-04,-5', // 6
      '2025-01-01,420', // 7: no later than row 2 (the last good row)
      '2025-01-09,', // 8
    ].join('\n');
    const r = parsePriceCsv(text, 'prices.csv', PATH);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem)).toEqual([
      'prices.csv:3:1 market.tao_usd.csv: not a date (found "2025-02-30"; allowed: a calendar date YYYY-MM-DD)',
      'prices.csv:4:1 market.tao_usd.csv: not a price (found "abc"; allowed: a number > 0 (USD per TAO))',
      'prices.csv:6:1 market.tao_usd.csv: not a price (found "-5"; allowed: a number > 0 (USD per TAO))',
      'prices.csv:7:1 market.tao_usd.csv: dates must increase from row to row (found "2025-01-01"; allowed: a date after the previous row\'s)',
      'prices.csv:8:1 market.tao_usd.csv: not a price (found ""; allowed: a number > 0 (USD per TAO))',
    ]);
  });

  it('a header without the columns, an empty file, broken quoting', () => {
    const bad = (text: string) => {
      const r = parsePriceCsv(text, 'p.csv', PATH);
      return r.ok ? [] : r.problems.map(formatProblem);
    };
    expect(bad('day,usd\n1,2\n')).toEqual([
      'p.csv:1:1 market.tao_usd.csv: the header does not name the columns (found "day,usd"; allowed: a header with date (or block) and price columns)',
    ]);
    expect(bad('# nothing\n')[0]).toMatch(/^p\.csv market\.tao_usd\.csv: no rows/);
    expect(bad('date,price\n2025-01-01,"400\n')[0]).toMatch(
      /^p\.csv:\d+:1 market\.tao_usd\.csv: not valid CSV/,
    );
    expect(bad('block,price\n-1,5\n')[0]).toContain('not a block number');
  });
});

describe('a scenario with a CSV series', () => {
  const dir = mkdtempSync(join(tmpdir(), 'subnet-sim-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const scenario = (csv: string) => `duration: 3d\nmarket: { tao_usd: { model: historical, csv: ${csv} } }\n`;

  it('is loaded into points (and scenario.resolved.yaml carries them, not the file name)', async () => {
    writeFileSync(join(dir, 'tao.csv'), 'date,price\n2025-01-01,400\n2025-01-03,300\n');
    writeFileSync(join(dir, 'good.yaml'), scenario('tao.csv'));
    const r = await loadScenarioFile(join(dir, 'good.yaml'));
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.scenario.market?.tao_usd).toEqual({
      model: 'historical',
      points: [
        { day: 0, price: 400 },
        { day: 2, price: 300 },
      ],
      source: 'tao.csv',
    });
    const resolved = resolvedScenarioText(r.scenario, 'x');
    expect(resolved).not.toContain('csv:');
    const again = parseScenarioText(resolved, 'resolved.yaml', { defaultName: 'x' });
    expect(again.ok).toBe(true);
    const path = compileScenario(r.scenario).timeline?.taoUsd;
    expect(path).toEqual({
      model: 'historical',
      points: r.scenario.market!.tao_usd.model === 'historical' ? r.scenario.market!.tao_usd.points : [],
    });
  });

  it('a bad row is reported with the CSV file and its line', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'date,price\n2025-01-01,400\n2025-01-02,four hundred\n');
    writeFileSync(join(dir, 'bad.yaml'), scenario('bad.csv'));
    const r = await loadScenarioFile(join(dir, 'bad.yaml'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem)).toEqual([
      `${join(dir, 'bad.csv')}:3:1 market.tao_usd.csv: not a price (found "four hundred"; allowed: a number > 0 (USD per TAO))`,
    ]);
  });

  it('a missing file is reported at the scenario line that names it', async () => {
    writeFileSync(join(dir, 'missing.yaml'), scenario('nowhere.csv'));
    const r = await loadScenarioFile(join(dir, 'missing.yaml'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatProblem(r.problems[0])).toBe(
      `${join(dir, 'missing.yaml')}:2:46 market.tao_usd.csv: cannot read the CSV: no such file (found "${join(dir, 'nowhere.csv')}"; allowed: a CSV file, relative to the scenario file)`,
    );
  });

  it('parsed from text without a reader, a csv reference is a problem, not a crash', () => {
    const r = parseScenarioText(scenario('tao.csv'), 'inline.yaml', { defaultName: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toContain('read when the scenario is loaded');
  });
});
