import { join } from 'node:path';
import { writeRun } from '../output/write-run.ts';
import { EXIT_INTERRUPTED, EXIT_OK } from './exit-codes.ts';
import { prepareRun, type ScenarioRunOptions } from './prepare-run.ts';
import { createProgressBar } from './progress.ts';
import { TOOL_VERSION } from './tool-version.ts';

export interface RunOptions extends ScenarioRunOptions {
  quiet?: boolean;
  /** Monte Carlo replicates of a scenario with contributors (replicates.ts). */
  replicates?: number;
}

/** `subnet-sim run <scenario>`: simulates and writes results/<name>/<run-id>/ (or --out). */
export async function runCommand(file: string, options: RunOptions): Promise<number> {
  const replicates = options.replicates;
  const prepared = await prepareRun(file, options, (name, runId) =>
    join('results', name, replicates === undefined ? runId : `${runId}-x${replicates}`),
  );
  if (typeof prepared === 'number') return prepared;
  const { scenario, config, resolvedText, runId, dir } = prepared;
  if (replicates !== undefined) {
    const { replicatesCommand } = await import('./replicates.ts');
    return replicatesCommand(scenario, replicates, { dir, quiet: options.quiet, resolvedText });
  }
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
