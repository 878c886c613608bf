import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeRun } from '../output/write-run.ts';
import { compileScenario } from '../scenario/compile.ts';
import { loadScenarioFile } from '../scenario/load.ts';
import { resolvedScenarioText, runIdOf } from '../scenario/resolve.ts';
import { EXIT_BAD_INPUT, EXIT_INTERRUPTED, EXIT_OK } from './exit-codes.ts';
import { printProblems } from './print-problems.ts';
import { createProgressBar } from './progress.ts';
import { TOOL_VERSION } from './tool-version.ts';

export interface RunOptions {
  out?: string;
  seed?: number;
  set?: string[];
  quiet?: boolean;
  /** Monte Carlo replicates of a scenario with contributors (replicates.ts). */
  replicates?: number;
}

async function existsAsNonDirectory(path: string): Promise<boolean> {
  try {
    return !(await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** `subnet-sim run <scenario>`: simulates and writes results/<name>/<run-id>/ (or --out). */
export async function runCommand(file: string, options: RunOptions): Promise<number> {
  const loaded = await loadScenarioFile(file, { overrides: options.set, seed: options.seed });
  if (!loaded.ok) {
    printProblems(loaded.problems);
    return EXIT_BAD_INPUT;
  }
  const scenario = loaded.scenario;
  const resolvedText = resolvedScenarioText(scenario, TOOL_VERSION);
  const runId = runIdOf(resolvedText);
  const dir = options.out ?? join('results', scenario.name, runId);
  if (await existsAsNonDirectory(dir)) {
    process.stderr.write(`error: --out ${dir}: exists and is not a folder\n`);
    return EXIT_BAD_INPUT;
  }
  if (options.replicates !== undefined) {
    const { replicatesCommand } = await import('./replicates.ts');
    return replicatesCommand(scenario, options.replicates, { ...options, runId, resolvedText });
  }
  const config = compileScenario(scenario);
  const bar = options.quiet ? null : createProgressBar(`${scenario.name}`);
  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort();
  process.once('SIGINT', onSigint);
  const started = performance.now();
  try {
    const summary = await writeRun(
      config,
      {
        dir,
        resolvedText,
        neurons: scenario.output.neurons,
        header: { scenario: scenario.name, run_id: runId, tool_version: TOOL_VERSION },
      },
      (p) => bar?.update(p.block, p.blocks),
      interrupt.signal,
    );
    bar?.finish();
    if (!options.quiet) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const epochs = summary.subnets.reduce((sum, s) => sum + s.epochs, 0);
      process.stdout.write(
        `${scenario.name}: ${config.blocks} blocks, ${epochs} epochs in ${seconds}s → ${dir}\n`,
      );
    }
    return EXIT_OK;
  } catch (error) {
    bar?.finish();
    if (interrupt.signal.aborted) {
      process.stderr.write('interrupted: no result file was written under its final name\n');
      return EXIT_INTERRUPTED;
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
