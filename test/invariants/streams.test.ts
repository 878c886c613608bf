import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/init.ts';
import { ROLE_MINER } from '../../src/engine/state.ts';
import { configFromYaml, type YamlOptions } from '../helpers/scenario.ts';

/**
 * rng.ts / streams.ts: each concern draws from its own stream, so a draw added to one concern never
 * shifts another's. Registration arrivals (and newcomers' draws) use the registration stream; the initial
 * miners' qualities use the quality stream.
 */
const SCENARIO = `
seed: 31
duration: 1000
subnets:
  - tempo: 50
    max_uids: 64
    validators: { count: 4 }
    miners: { count: 20, quality: { initial: { min: 0.1, max: 0.9 } } }
    registration: { per_day: 0 }
`;

function initialMinerQualities(options: YamlOptions = {}): number[] {
  const subnet = createSimulation(configFromYaml(SCENARIO, options)).state.subnets[0];
  const out: number[] = [];
  for (let j = 0; j < subnet.n; j++)
    if (subnet.neurons.role[j] === ROLE_MINER) out.push(subnet.neurons.quality[j]);
  return out;
}

describe('random streams are independent', () => {
  it("changing registration.per_day leaves the initial miners' qualities unchanged", () => {
    const base = initialMinerQualities();
    expect(base).toHaveLength(20);
    for (const perDay of [1, 50, 5000]) {
      const other = createSimulation(
        configFromYaml(SCENARIO, { overrides: [`subnets[0].registration.per_day=${perDay}`] }),
      ).state.subnets[0];
      expect(other.nextRegistrationBlock).toBeLessThan(Number.POSITIVE_INFINITY); // registrations are on
      expect(initialMinerQualities({ overrides: [`subnets[0].registration.per_day=${perDay}`] })).toEqual(
        base,
      );
    }
  });

  it("adding validators (which draw no quality) leaves the miners' qualities unchanged, in order", () => {
    expect(initialMinerQualities({ overrides: ['subnets[0].validators.count=9'] })).toEqual(
      initialMinerQualities(),
    );
  });

  it('the qualities do depend on the seed (the comparison above is not vacuous)', () => {
    const base = initialMinerQualities();
    expect(new Set(base).size).toBe(20);
    const other = initialMinerQualities({ seed: 32 });
    expect(other.filter((q, k) => q === base[k])).toHaveLength(0);
  });
});
