import { describe, expect, it } from 'vitest';
import { runMechanisms, splitMechanismEmission } from '../../../src/engine/yuma/mechanisms.ts';
import { input, params } from './build.ts';

describe('splitMechanismEmission (§1, chain split_emissions)', () => {
  it('splits evenly and gives the remainder to mechanism 0', () => {
    expect(splitMechanismEmission(3001, 3)).toEqual([1001, 1000, 1000]);
  });
  it('splits by u16 proportions, floors, pads missing entries with 0', () => {
    expect(splitMechanismEmission(1000, 2, [32768, 32767])).toEqual([501, 499]);
    expect(splitMechanismEmission(1000, 3, [65535])).toEqual([1000, 0, 0]);
    expect(splitMechanismEmission(1000, 0)).toEqual([]);
  });
  it('is exact for large rao amounts', () => {
    const e = 2 ** 52 + 1;
    const parts = splitMechanismEmission(e, 2, [21845, 43690]);
    expect(parts[0] + parts[1]).toBe(e);
    expect(parts[1]).toBe(Number((BigInt(e) * 43690n) / 65535n));
  });
});

// epoch_logs.rs::epoch_mechanism_three_mechanisms_separate_state (spec §7 C7): per mechanism, combined
// emission shares [.25,.25,.5,0], [.25,.25,.25,.25], [.25,.25,0,.5].
describe('runMechanisms', () => {
  const shared = input({ n: 4, stake: [1e9, 1e9, 0, 0], permits: [1, 1, 0, 0] });
  const mech = (targets: Record<number, number>) => {
    const x = input({ n: 4, stake: [1e9, 1e9, 0, 0], weights: { 0: targets, 1: targets } });
    return { weights: x.weights, weightsPresent: x.weightsPresent, bonds: x.bonds, lastUpdate: x.lastUpdate };
  };
  const mechanisms = [mech({ 2: 65535 }), mech({ 2: 65535, 3: 65535 }), mech({ 3: 65535 })];

  it('runs each mechanism on its own state and share of E, summing server and validator emission', () => {
    const r = runMechanisms(shared, mechanisms, 3000, params());
    expect(r.emissionPerMechanism).toEqual([1000, 1000, 1000]);
    expect(Array.from(r.mechanisms[0].emission)).toEqual([250, 250, 500, 0]);
    expect(Array.from(r.mechanisms[1].emission)).toEqual([250, 250, 250, 250]);
    expect(Array.from(r.mechanisms[2].emission)).toEqual([250, 250, 0, 500]);
    expect(Array.from(r.serverEmission)).toEqual([0, 0, 750, 750]);
    expect(Array.from(r.validatorEmission)).toEqual([750, 750, 0, 0]);
    // Combined emission is accumulated as ⌊acc + e_m·(1/3)⌋ per mechanism, as the chain does.
    expect(Array.from(r.emission)).toEqual([249, 249, 249, 249]);
    expect(r.dividends[0]).toBeCloseTo(0.5, 12);
    expect(Array.from(r.validatorPermit)).toEqual([1, 1, 0, 0]);
    // Each mechanism keeps its own bonds: mechanism 2 bonds only uid 3.
    expect(r.mechanisms[2].bonds[0 * 4 + 2]).toBe(0);
    expect(r.mechanisms[2].bonds[0 * 4 + 3]).toBe(65535);
  });

  it('with E = 0 mechanism 0 carries the whole weight of the aggregated terms', () => {
    const r = runMechanisms(shared, mechanisms, 0, params());
    expect(r.emissionPerMechanism).toEqual([0, 0, 0]);
    expect(r.consensus[2]).toBe(r.mechanisms[0].consensus[2]);
    expect(r.consensus[3]).toBe(0);
  });
});
