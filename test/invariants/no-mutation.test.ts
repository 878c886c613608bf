import { describe, expect, it } from 'vitest';
import type { SimulationConfig } from '../../src/engine/config.ts';
import { runToEnd } from '../helpers/run.ts';
import { configFromYaml } from '../helpers/scenario.ts';

/** The engine reads its config and never writes it: the same compiled config can be run twice. */
const SCENARIO = `
seed: 9
duration: 1500
subnets:
  - tempo: 30
    max_uids: 16
    immunity_period: 40
    min_non_immune_uids: 2
    validators:
      count: 5
      groups:
        - { count: 1, behaviour: lazy, resubmit_every: 2 }
        - { count: 1, behaviour: weight_copier }
        - { count: 1, behaviour: cabal, cabal: red }
        - { count: 1, behaviour: random, weights: { rule: top_k, k: 2 } }
    miners:
      count: 10
      quality: { drift: "0.01 * (0.8 - q)", noise: "0.01 + 0 * epoch" }
      groups:
        - { count: 2, behaviour: copier, copy_lag: 1 }
        - { count: 1, behaviour: idle }
        - { count: 2, cabal: red }
    registration: { per_day: 200, miner: { behaviour: copier, quality: { initial: 0.5 } } }
`;

/** A structuredClone-able view of the config: functions (compiled expressions) become indices into `fns`. */
function view(value: unknown, fns: unknown[]): unknown {
  if (typeof value === 'function') {
    fns.push(value);
    return { fn: fns.length - 1 };
  }
  if (Array.isArray(value)) return value.map((v) => view(v, fns));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, view(v, fns)]));
  }
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('a run does not mutate its config', () => {
  it('the config is deep-equal before and after, with the same expression functions', () => {
    const config: SimulationConfig = configFromYaml(SCENARIO);
    const fnsBefore: unknown[] = [];
    const before = structuredClone(view(config, fnsBefore));
    expect(fnsBefore.length).toBeGreaterThanOrEqual(2); // the drift and noise expressions are in the view
    let registrations = 0;
    runToEnd(config, (r) => {
      registrations += r.registrations;
    });
    expect(registrations).toBeGreaterThan(0); // the registration template was used
    const fnsAfter: unknown[] = [];
    expect(view(config, fnsAfter)).toEqual(before);
    expect(fnsAfter).toHaveLength(fnsBefore.length);
    for (const [k, fn] of fnsAfter.entries()) expect(fn).toBe(fnsBefore[k]);
  });

  it('a deep-frozen config runs (any write would throw in strict-mode ESM) and gives the same result', () => {
    const frozen = deepFreeze(configFromYaml(SCENARIO));
    expect(() => {
      (frozen.subnets[0] as { tempo: number }).tempo = 1;
    }).toThrow(TypeError);
    const a = runToEnd(frozen).state.subnets[0];
    const b = runToEnd(configFromYaml(SCENARIO)).state.subnets[0];
    expect(Array.from(a.neurons.balance)).toEqual(Array.from(b.neurons.balance));
    expect(a.burned).toBe(b.burned);
  });
});
