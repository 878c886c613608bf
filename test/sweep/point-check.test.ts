import { describe, expect, it } from 'vitest';
import { checkPoints } from '../../src/sweep/point-check.ts';

/**
 * The sweep's check before any run lists summary.json's numbers (the metrics a sweep may collect): it
 * must include what the runner adds during a run — the TAO/USD market and the contributors' packages —
 * not only what a fresh simulation holds.
 */

const SCENARIO = `
name: comp
duration: 2d
market: { tao_usd: { model: gbm, initial: 400 } }
subnets:
  - tempo: 99
    max_uids: 8
    validators: { count: 2, stake: 100 }
    miners: { count: 4 }
contributors:
  - name: dev
    packages:
      - name: tokens
        salary: 100000
        grants: [{ name: g, asset: tao, amount: 100, vesting: { convention: linear, duration: 2d } }]
`;

describe('checkPoints', () => {
  it("lists the compensation and market numbers of summary.json among a sweep's metrics", () => {
    const { problems, metrics } = checkPoints({
      scenarioText: SCENARIO,
      scenarioFile: 'comp.yaml',
      points: [[]],
    });
    expect(problems).toEqual([]);
    expect(metrics).toContain('compensation.contributors[0].packages[0].value_usd');
    expect(metrics).toContain('subnets[0].incentive_gini_mean');
    expect(metrics.some((m) => m.startsWith('market.'))).toBe(true);
  });

  it('reports a bad point without running it', () => {
    const { problems } = checkPoints({
      scenarioText: SCENARIO,
      scenarioFile: 'comp.yaml',
      points: [[], ['subnets[0].validators.count=-1']],
    });
    expect(problems.map((p) => p.path.join('.'))).toEqual(['subnets.0.validators.count']);
  });
});
