import { basename, extname } from 'node:path';
import { minerCabal } from '../engine/agents/cabal.ts';
import { createEpochMetricsScratch, epochMetrics } from '../engine/metrics/epoch-metrics.ts';
import { createRunSummary, type RunSummary } from '../engine/metrics/run-summary.ts';
import { runSimulation } from '../engine/run.ts';
import { compileScenario } from '../scenario/compile.ts';
import { fileReader } from '../scenario/market-data.ts';
import { formatProblem } from '../scenario/problem.ts';
import { resolvedScenarioText, runIdOf } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/schema.ts';
import { parseRunScenario } from './base-scenario.ts';
import { keepRun } from './keep-run.ts';
import { type MetricValue, pickMetrics } from './metrics.ts';

/**
 * One run of a sweep, in memory: the base scenario with the point's values applied as `--set` overrides
 * and the run's seed, simulated and summarised as `subnet-sim run` would (write-run.ts) but without files.
 * This is what a worker thread executes; a failure becomes a result, never a throw.
 */
export interface RunSpec {
  runIndex: number;
  point: number;
  replicate: number;
  seed: number;
  scenarioText: string;
  scenarioFile: string;
  /** Names the base scenario (sweep file, scenario path, hash of its text): each thread parses it once. */
  baseKey: string;
  /** `path=value` overrides, the value as YAML (JSON) text. */
  overrides: string[];
  metrics: string[];
  toolVersion: string;
  /** --keep-runs: the folder (`<out>/runs`) that receives each run's detail files. */
  keepRuns?: string;
}

export type RunOutcome =
  | { status: 'ok'; runIndex: number; runId: string; values: MetricValue[] }
  | { status: 'failed'; runIndex: number; runId: string; error: string };

/** Simulates a compiled scenario and folds its epochs into the summary.json figures. */
export function summarise(config: ReturnType<typeof compileScenario>): RunSummary {
  const summary = createRunSummary(config);
  const configByNetuid = new Map(config.subnets.map((s) => [s.netuid, s]));
  const scratch = createEpochMetricsScratch();
  const run = runSimulation(config);
  let step = run.next();
  while (!step.done) {
    const record = step.value;
    if (record.kind === 'epoch') {
      const subnetConfig = configByNetuid.get(record.netuid)!;
      summary.add(
        record,
        epochMetrics(record, (uid) => minerCabal(subnetConfig, record.subnet, uid), scratch),
      );
    }
    step = run.next();
  }
  return summary.finish(step.value);
}

type Prepared =
  | { ok: true; scenario: Scenario; resolvedText: string; runId: string }
  | { ok: false; error: string };

/** The run's scenario (the base with the point's overrides and the run's seed), resolved text and id. */
function prepare(spec: RunSpec): Prepared {
  const parsed = parseRunScenario(spec.baseKey, spec.scenarioText, spec.scenarioFile, {
    overrides: spec.overrides,
    seed: spec.seed,
    defaultName: basename(spec.scenarioFile, extname(spec.scenarioFile)),
    readText: fileReader(spec.scenarioFile),
  });
  if (!parsed.ok) return { ok: false, error: parsed.problems.map(formatProblem).join('; ') };
  const resolvedText = resolvedScenarioText(parsed.scenario, spec.toolVersion);
  return { ok: true, scenario: parsed.scenario, resolvedText, runId: runIdOf(resolvedText) };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One run in memory, no files (the runs.csv row's figures only). */
export function runOne(spec: RunSpec): RunOutcome {
  const { runIndex } = spec;
  let runId = '';
  try {
    const prepared = prepare(spec);
    if (!prepared.ok) return { status: 'failed', runIndex, runId, error: prepared.error };
    runId = prepared.runId;
    const summary = summarise(compileScenario(prepared.scenario));
    return { status: 'ok', runIndex, runId, values: pickMetrics(summary, spec.metrics) };
  } catch (error) {
    return { status: 'failed', runIndex, runId, error: message(error) };
  }
}

/**
 * What a worker executes: runOne, or with `keepRuns` the run written as `subnet-sim run` writes it
 * (write-run.ts) into `<keepRuns>/<run index>-<run id>/`, which appears whole or not at all (keep-run.ts).
 * The outcome comes back only once the folder is in place, so a run with a runs.csv row has its folder.
 */
export async function runTask(spec: RunSpec): Promise<RunOutcome> {
  if (spec.keepRuns === undefined) return runOne(spec);
  const { runIndex } = spec;
  let runId = '';
  try {
    const prepared = prepare(spec);
    if (!prepared.ok) return { status: 'failed', runIndex, runId, error: prepared.error };
    runId = prepared.runId;
    const summary = await keepRun(spec.keepRuns, `${runIndex}-${runId}`, prepared.scenario, {
      resolvedText: prepared.resolvedText,
      header: { scenario: prepared.scenario.name, run_id: runId, tool_version: spec.toolVersion },
    });
    return { status: 'ok', runIndex, runId, values: pickMetrics(summary, spec.metrics) };
  } catch (error) {
    return { status: 'failed', runIndex, runId, error: message(error) };
  }
}
