import { createRunSummary } from '../engine/metrics/run-summary.ts';
import { runSimulation } from '../engine/run.ts';
import { compileScenario } from '../scenario/compile.ts';
import { parseScenarioFileText } from '../scenario/load.ts';
import type { ScenarioProblem } from '../scenario/problem.ts';
import { numericLeaves } from './metrics.ts';

/**
 * Checks a sweep's first and last points against its base scenario before any run (a misspelt path fails
 * here, once, not in every run) and lists the numbers of summary.json (the default metrics). It needs the
 * scenario schema and the engine, so the CLI runs it on a worker thread (a task like a run) and the main
 * thread, which only schedules runs and writes files, never loads them.
 */
export interface PointCheckRequest {
  scenarioText: string;
  scenarioFile: string;
  /** The overrides of each point to check (the first, and the last if there are two or more). */
  points: string[][];
}

export interface PointCheck {
  problems: ScenarioProblem[];
  /** The numeric leaves of summary.json for the first point. */
  metrics: string[];
}

export function checkPoints(request: PointCheckRequest): PointCheck {
  let metrics: string[] = [];
  for (const [k, overrides] of request.points.entries()) {
    // As the file itself loads (a CSV series it names is read next to it), not as bare text.
    const parsed = parseScenarioFileText(request.scenarioText, request.scenarioFile, {
      overrides,
      defaultName: 'sweep',
    });
    if (!parsed.ok) return { problems: parsed.problems, metrics };
    if (k === 0) {
      // One block run, so the parts of summary.json the runner creates (market, compensation) are there.
      const config = { ...compileScenario(parsed.scenario), blocks: 1 };
      const run = runSimulation(config);
      let step = run.next();
      while (!step.done) step = run.next();
      metrics = numericLeaves(createRunSummary(config).finish(step.value));
    }
  }
  return { problems: [], metrics };
}
