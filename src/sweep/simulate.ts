import { basename, extname } from 'node:path';
import { minerCabal } from '../engine/agents/cabal.ts';
import { epochMetrics } from '../engine/metrics/epoch-metrics.ts';
import { createRunSummary, type RunSummary } from '../engine/metrics/run-summary.ts';
import { runSimulation } from '../engine/run.ts';
import { compileScenario } from '../scenario/compile.ts';
import { parseScenarioText } from '../scenario/parse.ts';
import { formatProblem } from '../scenario/problem.ts';
import { resolvedScenarioText, runIdOf } from '../scenario/resolve.ts';
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
  /** `path=value` overrides, the value as YAML (JSON) text. */
  overrides: string[];
  metrics: string[];
  toolVersion: string;
}

export type RunOutcome =
  | { status: 'ok'; runIndex: number; runId: string; values: MetricValue[] }
  | { status: 'failed'; runIndex: number; runId: string; error: string };

/** Simulates a compiled scenario and folds its epochs into the summary.json figures. */
export function summarise(config: ReturnType<typeof compileScenario>): RunSummary {
  const summary = createRunSummary(config);
  const configByNetuid = new Map(config.subnets.map((s) => [s.netuid, s]));
  const run = runSimulation(config);
  let step = run.next();
  while (!step.done) {
    const record = step.value;
    if (record.kind !== 'sample') {
      const subnetConfig = configByNetuid.get(record.netuid)!;
      summary.add(
        record,
        epochMetrics(record, (uid) => minerCabal(subnetConfig, record.subnet, uid)),
      );
    }
    step = run.next();
  }
  return summary.finish(step.value);
}

export function runOne(spec: RunSpec): RunOutcome {
  const { runIndex } = spec;
  let runId = '';
  try {
    const parsed = parseScenarioText(spec.scenarioText, spec.scenarioFile, {
      overrides: spec.overrides,
      seed: spec.seed,
      defaultName: basename(spec.scenarioFile, extname(spec.scenarioFile)),
    });
    if (!parsed.ok) {
      return { status: 'failed', runIndex, runId, error: parsed.problems.map(formatProblem).join('; ') };
    }
    runId = runIdOf(resolvedScenarioText(parsed.scenario, spec.toolVersion));
    const summary = summarise(compileScenario(parsed.scenario));
    return { status: 'ok', runIndex, runId, values: pickMetrics(summary, spec.metrics) };
  } catch (error) {
    return {
      status: 'failed',
      runIndex,
      runId,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
