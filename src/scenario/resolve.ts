import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Scenario } from './schema.ts';

/**
 * scenario.resolved.yaml: the scenario with every default filled, the seed and the tool version. Loading
 * it again gives the same Scenario, so the run can be reproduced byte for byte.
 *
 * A snapshot (`initial_state`) is named by its location and its SHA-256. The location is not part of
 * the run's identity: the run id hashes the text without it, so the same inputs get the same id in any
 * checkout or on any shard's machine. In the folder it is written to, the resolved file names the
 * snapshot relative to itself (`relocateSnapshots`), which is how a scenario file's paths resolve: the
 * results folder re-runs from any working directory, and a checkout moved or cloned with its results
 * still finds the file (the SHA-256 then proves it is the same).
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

interface ResolvedSubnet {
  initial_state?: { snapshot?: string };
}

/** The resolved text with each snapshot path mapped; untouched (same bytes) without snapshots. */
function mapSnapshotPaths(resolvedText: string, map: (path: string) => string): string {
  if (!resolvedText.includes('initial_state:')) return resolvedText;
  const data = parse(resolvedText) as { subnets?: ResolvedSubnet[] } | null;
  const subnets = (data?.subnets ?? []).filter((s) => typeof s?.initial_state?.snapshot === 'string');
  if (subnets.length === 0) return resolvedText;
  for (const s of subnets) s.initial_state!.snapshot = map(s.initial_state!.snapshot!);
  // The comment line resolvedScenarioText starts with, then the data as it writes it.
  const header = resolvedText.startsWith('#') ? resolvedText.slice(0, resolvedText.indexOf('\n') + 1) : '';
  return `${header}${stringify(data)}`;
}

/** The resolved text as written into `dir`: snapshot paths relative to that folder. */
export function relocateSnapshots(resolvedText: string, dir: string): string {
  return mapSnapshotPaths(resolvedText, (path) => {
    if (!isAbsolute(path)) return path;
    const near = relative(dir, path);
    // Another drive (Windows) has no relative path.
    return isAbsolute(near) ? path : near.split(sep).join('/');
  });
}

/**
 * A run's id: derived from its resolved scenario, so the same inputs always land in the same folder. A
 * snapshot counts by its SHA-256 (in the text), not by where it lies.
 */
export function runIdOf(resolvedText: string): string {
  return createHash('sha256')
    .update(mapSnapshotPaths(resolvedText, () => ''))
    .digest('hex')
    .slice(0, 12);
}
