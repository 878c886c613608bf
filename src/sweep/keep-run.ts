import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { RunSummary } from '../engine/metrics/run-summary.ts';
import { syncDirectory } from '../output/atomic-file.ts';
import { type RunOutput, writeRun } from '../output/write-run.ts';
import { compileScenario } from '../scenario/compile.ts';
import type { Scenario } from '../scenario/schema.ts';
import { TEMP_PREFIX } from './run-folders.ts';

/**
 * --keep-runs: a run's detail files (neurons.csv, subnet.csv, network.csv, subnets.csv, summary.json,
 * scenario.resolved.yaml, exactly as `subnet-sim run` writes them) in `<runs>/<run index>-<run id>/`.
 * The run is written into a hidden temporary folder that is renamed onto the final name once complete,
 * so a folder under its final name is always whole. A sweep killed after the rename but before the
 * runs.csv row leaves a folder without a row: resume redoes the run and replaces the folder.
 */

export async function keepRun(
  runs: string,
  name: string,
  scenario: Scenario,
  output: Pick<RunOutput, 'resolvedText' | 'header'>,
): Promise<RunSummary> {
  const temp = join(
    runs,
    `${TEMP_PREFIX}${name}.${process.pid}.${threadId}.${randomBytes(4).toString('hex')}`,
  );
  const dir = join(runs, name);
  try {
    const summary = await writeRun(compileScenario(scenario), {
      ...output,
      dir: temp,
      neurons: scenario.output.neurons,
    });
    // A folder left by an interrupted earlier attempt (renamed, but its row never written) goes first.
    await rm(dir, { recursive: true, force: true });
    await rename(temp, dir);
    await syncDirectory(runs);
    return summary;
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}
