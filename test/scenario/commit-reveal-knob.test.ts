import { describe, expect, it } from 'vitest';
import { minerCabal } from '../../src/engine/agents/cabal.ts';
import { epochMetrics } from '../../src/engine/metrics/epoch-metrics.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { formatProblem } from '../../src/scenario/problem.ts';
import { runToEnd } from '../helpers/run.ts';
import { configFromYaml, scenarioFromYaml, subnetFromYaml } from '../helpers/scenario.ts';

/**
 * The scenario knob `yuma.commit_reveal: { enabled, reveal_period_epochs }`: its defaults (the chain's:
 * on, period 1; yuma.md §6, §3.15), its bounds, what it compiles to, and what it does to a whole run.
 */

function problems(text: string): string[] {
  const result = parseScenarioText(text, 'inline.yaml', { defaultName: 'inline' });
  return result.ok ? [] : result.problems.map(formatProblem);
}

const knob = (value: string) => `subnets: [{ yuma: { commit_reveal: ${value} } }]`;

describe('yuma.commit_reveal in the scenario file', () => {
  it("defaults to the chain's: enabled, reveal period 1 epoch", () => {
    expect(scenarioFromYaml('{}').subnets[0].yuma.commit_reveal).toEqual({
      enabled: true,
      reveal_period_epochs: 1,
    });
    expect(configFromYaml('{}').subnets[0].commitReveal).toEqual({ enabled: true, revealPeriodEpochs: 1 });
    expect(configFromYaml(knob('{ reveal_period_epochs: 7 }')).subnets[0].commitReveal).toEqual({
      enabled: true,
      revealPeriodEpochs: 7,
    });
  });

  it('compiles to the engine config; off means no commit queue at all', () => {
    expect(configFromYaml(knob('{ enabled: false }')).subnets[0].commitReveal).toEqual({
      enabled: false,
      revealPeriodEpochs: 1,
    });
    expect(subnetFromYaml(knob('{ enabled: false }')).subnet.commits).toBeNull();
    const on = subnetFromYaml(knob('{ enabled: true, reveal_period_epochs: 100 }')).subnet.commits;
    expect(on?.period).toBe(100);
    expect(on?.rows).toHaveLength(0); // rings are allocated on a uid's first commit
  });

  it.each([
    ['{ reveal_period_epochs: 0 }', /reveal_period_epochs: too small/],
    ['{ reveal_period_epochs: 101 }', /reveal_period_epochs: too large/],
    ['{ reveal_period_epochs: 1.5 }', /reveal_period_epochs/],
    ['{ enabled: yes }', /commit_reveal\.enabled/],
    ['{ enable: true }', /unknown key; did you mean "enabled"/],
  ])('rejects %s', (value, pattern) => {
    const found = problems(knob(value));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(pattern);
  });

  it('accepts the bounds 1 and 100, and expressions', () => {
    expect(problems(knob('{ reveal_period_epochs: 1 }'))).toEqual([]);
    expect(problems(knob('{ reveal_period_epochs: 100 }'))).toEqual([]);
    expect(
      configFromYaml(knob('{ reveal_period_epochs: "2 * 3" }')).subnets[0].commitReveal.revealPeriodEpochs,
    ).toBe(6);
  });
});

describe('commit-reveal over whole runs', () => {
  // 6 honest validators and 3 weight copiers of equal stake; miners' models jump often, so the consensus
  // keeps moving (weight-copiers.yaml in small).
  const copiers = (commitReveal: string, seed: number) => `
seed: ${seed}
duration: 14000
subnets:
  - tempo: 50
    max_uids: 64
    yuma: { commit_reveal: ${commitReveal} }
    validators:
      count: 12
      stake: 5000
      noise: 0.08
      weights: { rule: top_k, k: 8 }
      groups:
        - { count: 4, behaviour: weight_copier }
    miners:
      count: 52
      quality: { initial: { min: 0.2, max: 0.6 }, noise: 0.02, release: { probability: 0.08, size: 0.08 } }
`;

  function shares(commitReveal: string, seed: number) {
    const config = configFromYaml(copiers(commitReveal, seed));
    const rows: ReturnType<typeof epochMetrics>[] = [];
    runToEnd(config, (r) =>
      rows.push(epochMetrics(r, (uid) => minerCabal(config.subnets[0], r.subnet, uid))),
    );
    const late = rows.slice(10); // past the first epochs, when there is little consensus to copy
    return late.reduce((s, m) => s + m.dividend_share.weight_copier, 0) / late.length;
  }

  it('weight copiers earn a smaller dividend share with commit-reveal, and smaller still with a longer period', () => {
    // Copiers hold 4/12 of the stake: a share of 0.333 would mean copying pays as well as evaluating.
    // Averaged over three seeds: one seed's gap ranges 0.015–0.05 (seeds 7–11), too close to the bound.
    const mean = (cr: string) => [7, 8, 9].reduce((sum, seed) => sum + shares(cr, seed), 0) / 3;
    const off = mean('{ enabled: false }'); // observed ≈ 0.270
    const on = mean('{ enabled: true, reveal_period_epochs: 1 }'); // ≈ 0.242
    const long = mean('{ enabled: true, reveal_period_epochs: 4 }'); // ≈ 0.199
    expect(off).toBeLessThan(0.3);
    expect(off - on).toBeGreaterThan(0.015);
    expect(on - long).toBeGreaterThan(0.015);
  });
});
