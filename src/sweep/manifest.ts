import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { writeFileAtomic } from '../output/atomic-file.ts';
import type { SweepPlan } from './plan.ts';
import type { Shard } from './shard.ts';

/** manifest.json: what a results folder holds, so resume and merge can tell whose runs they are. */
export interface Manifest {
  sweep: string;
  sweep_hash: string;
  tool_version: string;
  sweep_file: string;
  scenario_file: string;
  design: string;
  seed: number;
  parameters: Record<string, unknown>;
  points: number;
  replicates: number;
  runs: number;
  metrics: string[];
  shard: Shard | null;
}

export function manifestOf(plan: SweepPlan, shard: Shard | null): Manifest {
  const { sweep } = plan;
  return {
    sweep: sweep.name,
    sweep_hash: plan.hash,
    tool_version: plan.toolVersion,
    sweep_file: relative(process.cwd(), plan.sweepFile),
    scenario_file: relative(process.cwd(), plan.scenarioFile),
    design: sweep.design,
    seed: sweep.seed,
    parameters: sweep.parameters,
    points: plan.design.count,
    replicates: sweep.replicates,
    runs: plan.runs,
    metrics: plan.metrics,
    shard,
  };
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The folder's manifest, or undefined if it has none. */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${join(dir, 'manifest.json')}: not a sweep manifest (${(error as Error).message})`);
  }
}
