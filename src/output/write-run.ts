import type { SimulationConfig } from '../engine/config.ts';
import type { RunSummary } from '../engine/metrics/run-summary.ts';
import { runSimulation } from '../engine/run.ts';
import { openRunWriter, type RunOutput } from './run-writer.ts';

export type { RunOutput } from './run-writer.ts';

export interface RunProgress {
  block: number;
  blocks: number;
}

/**
 * Runs the simulation and streams its results into `dir` (run-writer.ts: neurons.csv and subnet.csv as
 * the epochs happen, network.csv and subnets.csv at each sample, then summary.json and
 * scenario.resolved.yaml). Each file appears atomically; if the run fails or `signal` aborts it, no file
 * of this run appears under its final name.
 */
export async function writeRun(
  config: SimulationConfig,
  output: RunOutput,
  onProgress?: (p: RunProgress) => void,
  signal?: AbortSignal,
): Promise<RunSummary> {
  const writer = await openRunWriter(config, output);
  try {
    const run = runSimulation(config);
    let step = run.next();
    while (!step.done) {
      signal?.throwIfAborted();
      await writer.write(step.value);
      onProgress?.({ block: step.value.block, blocks: config.blocks });
      step = run.next();
    }
    return await writer.commit(step.value, config.blocks);
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
