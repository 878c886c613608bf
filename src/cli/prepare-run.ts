import { stat } from 'node:fs/promises';
import { compileScenario } from '../scenario/compile.ts';
import { loadScenarioFile } from '../scenario/load.ts';
import { resolvedScenarioText, runIdOf } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/schema.ts';
import { EXIT_BAD_INPUT } from './exit-codes.ts';
import { printProblems } from './print-problems.ts';
import { TOOL_VERSION } from './tool-version.ts';

/** The options `run` and `live` share. */
export interface ScenarioRunOptions {
  out?: string;
  seed?: number;
  set?: string[];
}

export interface PreparedRun {
  scenario: Scenario;
  config: ReturnType<typeof compileScenario>;
  resolvedText: string;
  runId: string;
  dir: string;
}

async function existsAsNonDirectory(path: string): Promise<boolean> {
  try {
    return !(await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A scenario file made ready to run: loaded with the overrides and seed, resolved (its run id), compiled,
 * and its results folder chosen (--out, or `defaultDir`). Problems are printed; the exit code returned.
 */
export async function prepareRun(
  file: string,
  options: ScenarioRunOptions,
  defaultDir: (name: string, runId: string) => string,
): Promise<PreparedRun | number> {
  const loaded = await loadScenarioFile(file, { overrides: options.set, seed: options.seed });
  if (!loaded.ok) {
    printProblems(loaded.problems);
    return EXIT_BAD_INPUT;
  }
  const scenario = loaded.scenario;
  const resolvedText = resolvedScenarioText(scenario, TOOL_VERSION);
  const runId = runIdOf(resolvedText);
  const dir = options.out ?? defaultDir(scenario.name, runId);
  if (await existsAsNonDirectory(dir)) {
    process.stderr.write(`error: --out ${dir}: exists and is not a folder\n`);
    return EXIT_BAD_INPUT;
  }
  return { scenario, config: compileScenario(scenario), resolvedText, runId, dir };
}
