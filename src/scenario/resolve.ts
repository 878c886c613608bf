import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import type { Scenario } from './schema.ts';

/**
 * scenario.resolved.yaml: the scenario with every default filled, the seed and the tool version. Loading
 * it again gives the same Scenario, so the run can be reproduced byte for byte.
 */
export function resolvedScenarioText(scenario: Scenario, toolVersion: string): string {
  const { name, description, seed, duration, output, network, subnets, market, shocks, contributors } =
    scenario;
  const ordered = {
    name,
    ...(description !== undefined ? { description } : {}),
    seed,
    duration,
    output,
    network,
    subnets,
    ...(market !== undefined ? { market } : {}),
    ...(shocks !== undefined ? { shocks } : {}),
    ...(contributors !== undefined ? { contributors } : {}),
  };
  return `# Resolved by subnet-sim ${toolVersion}: every default filled; durations in blocks.\n${stringify({
    ...ordered,
    subnet_sim_version: toolVersion,
  })}`;
}

/** A run's id: derived from its resolved scenario, so the same inputs always land in the same folder. */
export function runIdOf(resolvedText: string): string {
  return createHash('sha256').update(resolvedText).digest('hex').slice(0, 12);
}
