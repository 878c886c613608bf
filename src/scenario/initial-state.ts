import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type ChainSnapshot, isChainSnapshot } from '../engine/replay/snapshot.ts';
import { type SubnetSeed, subnetSeed } from '../engine/replay/subnet-seed.ts';
import type { ScenarioProblem } from './problem.ts';
import type { Scenario } from './schema.ts';

/**
 * `initial_state: { snapshot, block }`: the snapshot file is read when the scenario is checked (its
 * problems reported like any other, with their path) and again, from a small cache, when it is
 * compiled — also in a sweep's worker threads. The path is made absolute when the scenario is checked,
 * relative to the scenario file, so its resolved scenario still finds the snapshot.
 */

interface Found {
  snapshot: ChainSnapshot | null;
  /** Every block of the file, to say which exist. */
  blocks: number[];
}

/** The block of a line as `replay fetch` writes it, without parsing the (large) rest. */
const LINE_START = /^\{"format":"[^"]*","block":(\d+),/;

function find(path: string, block: number | undefined): Found {
  const lines = readFileSync(path, 'utf8').split('\n');
  const blocks: number[] = [];
  let wanted = -1;
  lines.forEach((line, k) => {
    if (line.trim() === '') return;
    const start = LINE_START.exec(line);
    const b = start ? Number(start[1]) : Number((JSON.parse(line) as { block?: unknown }).block);
    blocks.push(b);
    if (block === undefined || b === block) wanted = k;
  });
  if (wanted < 0) return { snapshot: null, blocks };
  const value: unknown = JSON.parse(lines[wanted]);
  if (!isChainSnapshot(value))
    throw new Error(`line ${wanted + 1} is not a chain snapshot written by \`replay fetch\``);
  return { snapshot: value, blocks };
}

const cache = new Map<string, SubnetSeed>();

/** The seed of `initial_state` (an absolute snapshot path, see resolveInitialStates); throws on bad input. */
export function readSubnetSeed(initial: { snapshot: string; block?: number }): SubnetSeed {
  const stat = statSync(initial.snapshot);
  const key = `${initial.snapshot}|${initial.block ?? 'last'}|${stat.size}|${stat.mtimeMs}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const found = find(initial.snapshot, initial.block);
  if (found.snapshot === null) {
    const range =
      found.blocks.length > 0 ? `blocks ${found.blocks[0]}–${found.blocks[found.blocks.length - 1]}` : 'none';
    throw new Error(`no snapshot at block ${initial.block} (the file has ${found.blocks.length}: ${range})`);
  }
  const seed = subnetSeed(found.snapshot);
  cache.set(key, seed);
  return seed;
}

/**
 * Makes each `initial_state.snapshot` absolute (relative to `file`'s folder) and reads it: the problems
 * (not a file, no such block, a snapshot lacking weights, groups given too) with their paths. Called
 * with the cross-field checks, so that a scenario that loads also compiles, in every loader.
 */
export function initialStateProblems(scenario: Scenario, file: string): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  scenario.subnets.forEach((subnet, s) => {
    const initial = subnet.initial_state;
    if (initial === undefined) return;
    initial.snapshot = resolve(dirname(file), initial.snapshot);
    for (const kind of ['validators', 'miners'] as const) {
      if (subnet[kind].groups.length > 0)
        problems.push({
          file,
          path: ['subnets', s, kind, 'groups'],
          message: 'groups cannot be combined with initial_state: the snapshot decides who is a validator',
          allowed: `no groups (the top-level ${kind} settings apply to every uid of that role)`,
        });
    }
    const at = (key: 'snapshot' | 'block') => ['subnets', s, 'initial_state', key];
    let isFile = false;
    try {
      isFile = statSync(initial.snapshot).isFile();
    } catch {
      problems.push({ file, path: at('snapshot'), message: `no such file: ${initial.snapshot}` });
      return;
    }
    if (!isFile) {
      problems.push({ file, path: at('snapshot'), message: `not a file: ${initial.snapshot}` });
      return;
    }
    try {
      readSubnetSeed(initial);
    } catch (error) {
      problems.push({
        file,
        path: at(initial.block === undefined ? 'snapshot' : 'block'),
        message: `${initial.snapshot}: ${(error as Error).message}`,
      });
    }
  });
  return problems;
}
