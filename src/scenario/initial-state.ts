import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type ChainSnapshot, isChainSnapshot } from '../engine/replay/snapshot.ts';
import { type SubnetSeed, subnetSeed } from '../engine/replay/subnet-seed.ts';
import type { ScenarioProblem } from './problem.ts';
import type { Scenario } from './schema.ts';

/**
 * `initial_state: { snapshot, block }`: the snapshot file is read when the scenario is checked (its
 * problems reported like any other, with their path) and again, from a small cache, when it is
 * compiled — also in a sweep's worker threads. When the scenario is checked the path is made absolute
 * (relative to the scenario file), the block filled in (default: the file's last) and the file's
 * SHA-256 recorded: the run id hashes that instead of the path (resolve.ts), and a resolved scenario
 * whose file has changed since is refused rather than run on other data.
 */

interface Found {
  snapshot: ChainSnapshot | null;
  /** Every block of the file, to say which exist. */
  blocks: number[];
}

/** The block of a line as `replay fetch` writes it, without parsing the (large) rest. */
const LINE_START = /^\{"format":"[^"]*","block":(\d+),/;

function find(text: string, block: number | undefined): Found {
  const lines = text.split('\n');
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
const hashes = new Map<string, string>();

/** The file's identity for the caches: a changed file has another size or modification time. */
function fileKey(path: string): string {
  const stat = statSync(path);
  return `${path}|${stat.size}|${stat.mtimeMs}`;
}

/** The file's bytes, read on first use only: a check's hash and seed share one read. */
function lazyRead(path: string): () => Buffer {
  let bytes: Buffer | undefined;
  return () => {
    bytes ??= readFileSync(path);
    return bytes;
  };
}

/** SHA-256 of the snapshot file, hex (cached: a sweep checks the same file for every run). */
function sha256Of(key: string, read: () => Buffer): string {
  let hash = hashes.get(key);
  if (hash === undefined) {
    hash = createHash('sha256').update(read()).digest('hex');
    hashes.set(key, hash);
  }
  return hash;
}

function seedOf(initial: { snapshot: string; block?: number }, key: string, read: () => Buffer): SubnetSeed {
  const hit = cache.get(`${key}|${initial.block ?? 'last'}`);
  if (hit !== undefined) return hit;
  const found = find(read().toString('utf8'), initial.block);
  if (found.snapshot === null) {
    const range =
      found.blocks.length > 0 ? `blocks ${found.blocks[0]}–${found.blocks[found.blocks.length - 1]}` : 'none';
    throw new Error(`no snapshot at block ${initial.block} (the file has ${found.blocks.length}: ${range})`);
  }
  const seed = subnetSeed(found.snapshot);
  cache.set(`${key}|${initial.block ?? 'last'}`, seed);
  // Also under its block: the check fills the block in, so compiling asks for it by number.
  cache.set(`${key}|${seed.block}`, seed);
  return seed;
}

/** The seed of `initial_state` (an absolute snapshot path, see resolveInitialStates); throws on bad input. */
export function readSubnetSeed(initial: { snapshot: string; block?: number }): SubnetSeed {
  return seedOf(initial, fileKey(initial.snapshot), lazyRead(initial.snapshot));
}

/**
 * Makes each `initial_state.snapshot` absolute (relative to `file`'s folder), reads it, and fills in its
 * block and SHA-256: the problems (not a file, no such block, a snapshot lacking weights, groups given
 * too, a file that no longer has the recorded SHA-256) with their paths. Called with the cross-field
 * checks, so that a scenario that loads also compiles, in every loader.
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
    const at = (key: 'snapshot' | 'block' | 'sha256') => ['subnets', s, 'initial_state', key];
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
    const key = fileKey(initial.snapshot);
    const read = lazyRead(initial.snapshot);
    const sha256 = sha256Of(key, read);
    if (initial.sha256 !== undefined && initial.sha256 !== sha256) {
      problems.push({
        file,
        path: at('sha256'),
        message: `${initial.snapshot} has changed since this scenario was resolved: its SHA-256 is ${sha256}`,
        found: initial.sha256,
        allowed: 'the file the scenario was resolved with (or remove sha256 to run on the file as it is now)',
      });
      return;
    }
    try {
      const { block } = seedOf(initial, key, read);
      // In the schema's key order, as a resolved file loads back.
      subnet.initial_state = { snapshot: initial.snapshot, block, sha256 };
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
