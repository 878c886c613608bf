import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { minerCabal } from '../engine/agents/cabal.ts';
import type { SimulationConfig } from '../engine/config.ts';
import { epochMetrics } from '../engine/metrics/epoch-metrics.ts';
import { createRunSummary, type RunSummary } from '../engine/metrics/run-summary.ts';
import { runSimulation } from '../engine/run.ts';
import { writeFileAtomic } from './atomic-file.ts';
import { type CsvSink, createCsvSink } from './csv-sink.ts';
import { NETWORK_COLUMNS, networkRow, SUBNETS_COLUMNS, subnetMarketRows } from './network-rows.ts';
import { NEURON_COLUMNS, neuronRows, SUBNET_COLUMNS, subnetRow } from './rows.ts';
import {
  CONTRIBUTOR_COLUMNS,
  contributorRows,
  EVENT_COLUMNS,
  eventRow,
  MARKET_COLUMNS,
  marketRows,
} from './timeline-rows.ts';

export interface RunOutput {
  /** Folder the files go to (created if missing). */
  dir: string;
  /** Whether to write neurons.csv (a row per uid per epoch: large for big networks). */
  neurons?: boolean;
  /** scenario.resolved.yaml content. */
  resolvedText: string;
  /** Extra fields at the top of summary.json (scenario name, run id, tool version). */
  header: Record<string, string | number>;
}

export interface RunProgress {
  block: number;
  blocks: number;
}

/**
 * Runs the simulation and streams its results into `dir`: neurons.csv and subnet.csv as the epochs
 * happen, network.csv and subnets.csv at each sample, market.csv and contributors.csv each day (with a
 * timeline), then events.csv, summary.json and scenario.resolved.yaml. Each file appears atomically; if
 * the run fails or `signal` aborts it, no file of this run appears under its final name.
 */
export async function writeRun(
  config: SimulationConfig,
  output: RunOutput,
  onProgress?: (p: RunProgress) => void,
  signal?: AbortSignal,
): Promise<RunSummary> {
  await mkdir(output.dir, { recursive: true });
  const sinks: CsvSink[] = [];
  const neurons =
    output.neurons === false ? null : createCsvSink(join(output.dir, 'neurons.csv'), NEURON_COLUMNS);
  if (neurons !== null) sinks.push(neurons);
  const subnet = createCsvSink(join(output.dir, 'subnet.csv'), SUBNET_COLUMNS);
  sinks.push(subnet);
  const network = createCsvSink(join(output.dir, 'network.csv'), NETWORK_COLUMNS);
  sinks.push(network);
  const markets = createCsvSink(join(output.dir, 'subnets.csv'), SUBNETS_COLUMNS);
  sinks.push(markets);
  // With TAO/USD, shocks or contributors: market.csv, events.csv and (with contributors) contributors.csv.
  const timeline = config.timeline;
  const daily = timeline === undefined ? null : createCsvSink(join(output.dir, 'market.csv'), MARKET_COLUMNS);
  const events = timeline === undefined ? null : createCsvSink(join(output.dir, 'events.csv'), EVENT_COLUMNS);
  const people =
    timeline === undefined || timeline.contributors.length === 0
      ? null
      : createCsvSink(join(output.dir, 'contributors.csv'), CONTRIBUTOR_COLUMNS);
  for (const sink of [daily, events, people]) if (sink !== null) sinks.push(sink);
  try {
    const summary = createRunSummary(config);
    const configByNetuid = new Map(config.subnets.map((s) => [s.netuid, s]));
    const run = runSimulation(config);
    let step = run.next();
    while (!step.done) {
      signal?.throwIfAborted();
      const record = step.value;
      if (record.kind === 'sample') {
        await network.write(networkRow(record));
        for (const row of subnetMarketRows(record)) await markets.write(row);
        onProgress?.({ block: record.block, blocks: config.blocks });
        step = run.next();
        continue;
      }
      if (record.kind === 'day') {
        for (const row of marketRows(record)) await daily?.write(row);
        for (const row of contributorRows(record)) await people?.write(row);
        step = run.next();
        continue;
      }
      const subnetConfig = configByNetuid.get(record.netuid)!;
      const metrics = epochMetrics(record, (uid) => minerCabal(subnetConfig, record.subnet, uid));
      summary.add(record, metrics);
      if (neurons !== null) await neuronRows(record, neurons.write);
      await subnet.write(subnetRow(record, metrics));
      onProgress?.({ block: record.block, blocks: config.blocks });
      step = run.next();
    }
    const result = summary.finish(step.value);
    for (const event of step.value.timeline?.events ?? []) await events?.write(eventRow(event));
    for (const sink of [daily, events, people]) await sink?.commit();
    await neurons?.commit();
    await subnet.commit();
    await network.commit();
    await markets.commit();
    await writeFileAtomic(join(output.dir, 'scenario.resolved.yaml'), output.resolvedText);
    await writeFileAtomic(
      join(output.dir, 'summary.json'),
      `${JSON.stringify({ ...output.header, ...result }, null, 2)}\n`,
    );
    return result;
  } catch (error) {
    await Promise.allSettled(sinks.map((s) => s.abort()));
    throw error;
  }
}
