import { createHash } from 'node:crypto';
import { dirname, isAbsolute, join } from 'node:path';
import { closestKey } from '../scenario/did-you-mean.ts';
import { type Loaded, readTextFile } from '../scenario/document.ts';
import type { ScenarioProblem } from '../scenario/problem.ts';
import { createDesign, type Design } from './design.ts';
import { readSweepFile } from './parse.ts';
import type { PointCheck, PointCheckRequest } from './point-check.ts';
import type { Sweep } from './schema.ts';
import { runSeed } from './seeds.ts';
import type { RunSpec } from './simulate.ts';

/**
 * A sweep made ready to run: the validated file, its base scenario, the design's points and the metric
 * columns. Run i is replicate i mod R of point ⌊i / R⌋, so a point's replicates are neighbours in runs.csv.
 */
export interface SweepPlan {
  sweep: Sweep & { name: string };
  sweepFile: string;
  scenarioFile: string;
  scenarioText: string;
  /** The runs' RunSpec.baseKey. */
  baseKey: string;
  design: Design;
  runs: number;
  metrics: string[];
  /** Identifies the sweep's runs: resume and merge refuse another sweep's files. */
  hash: string;
  toolVersion: string;
}

/** `path=value` overrides applying a point's values (JSON is YAML, so any value round-trips). */
export function overridesOf(design: Design, point: number): string[] {
  const values = design.at(point);
  return design.parameters.map((path, k) => `${path}=${JSON.stringify(values[k])}`);
}

export function runSpec(plan: SweepPlan, runIndex: number): RunSpec {
  const replicates = plan.sweep.replicates;
  const point = Math.floor(runIndex / replicates);
  const replicate = runIndex % replicates;
  return {
    runIndex,
    point,
    replicate,
    seed: runSeed(plan.sweep.seed, point, replicate),
    scenarioText: plan.scenarioText,
    scenarioFile: plan.scenarioFile,
    baseKey: plan.baseKey,
    overrides: overridesOf(plan.design, point),
    metrics: plan.metrics,
    toolVersion: plan.toolVersion,
  };
}

function sweepHash(sweep: Sweep, scenarioText: string, toolVersion: string): string {
  // What decides the runs; the name, description and shard count do not.
  const { name: _n, description: _d, shards: _s, ...decisive } = sweep;
  return createHash('sha256')
    .update(JSON.stringify({ decisive, scenarioText, toolVersion }))
    .digest('hex')
    .slice(0, 16);
}

/** Runs the point checks: in this thread by default; the CLI hands them to a worker. */
export type PointChecker = (request: PointCheckRequest) => Promise<PointCheck>;

const checkHere: PointChecker = async (request) => (await import('./point-check.ts')).checkPoints(request);

export async function loadPlan(
  sweepFile: string,
  toolVersion: string,
  check: PointChecker = checkHere,
): Promise<Loaded<SweepPlan>> {
  const loaded = await readSweepFile(sweepFile);
  if (!loaded.ok) return loaded;
  const sweep = loaded.value;
  const scenarioFile = isAbsolute(sweep.scenario) ? sweep.scenario : join(dirname(sweepFile), sweep.scenario);
  const text = await readTextFile(scenarioFile);
  if (!text.ok) return text;
  const design = createDesign(sweep);
  const ends = design.count > 1 ? [0, design.count - 1] : [0];
  const checked = await check({
    scenarioText: text.value,
    scenarioFile,
    points: ends.map((point) => overridesOf(design, point)),
  });
  if (checked.problems.length > 0) return { ok: false, problems: checked.problems };
  const problems: ScenarioProblem[] = [];
  (sweep.metrics ?? []).forEach((metric, k) => {
    if (checked.metrics.includes(metric)) return;
    const guess = closestKey(metric, checked.metrics);
    problems.push({
      file: sweepFile,
      path: ['metrics', k],
      message: `no such number in summary.json${guess !== undefined ? `; did you mean "${guess}"?` : ''}`,
    });
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      sweep,
      sweepFile,
      scenarioFile,
      scenarioText: text.value,
      baseKey: `${sweepFile}\n${scenarioFile}\n${createHash('sha256').update(text.value).digest('hex')}`,
      design,
      runs: design.count * sweep.replicates,
      metrics: sweep.metrics ?? checked.metrics,
      hash: sweepHash(sweep, text.value, toolVersion),
      toolVersion,
    },
  };
}
