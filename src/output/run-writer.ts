import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { minerCabal } from '../engine/agents/cabal.ts';
import type { SimulationConfig } from '../engine/config.ts';
import type { RunEvent } from '../engine/events.ts';
import type { Simulation } from '../engine/init.ts';
import { createEpochMetricsScratch, epochMetrics } from '../engine/metrics/epoch-metrics.ts';
import { createRunSummary, type RunSummary } from '../engine/metrics/run-summary.ts';
import type { BlockTick } from '../engine/network/sample.ts';
import type { SimulationEvent } from '../engine/run.ts';
import { relocateSnapshots } from '../scenario/resolve.ts';
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
  header: Record<string, unknown>;
  /** Write events.csv even without a timeline (a live run logs registrations, prunings, shocks…). */
  eventLog?: boolean;
}

/**
 * The result files of one run, fed event by event: neurons.csv and subnet.csv as the epochs happen,
 * network.csv and subnets.csv at each sample, market.csv and contributors.csv each day (with a
 * timeline: TAO/USD, shocks or contributors); commit() then writes events.csv (the engine's event log
 * and any logged here, in block order), summary.json and scenario.resolved.yaml. Each file appears
 * atomically, and none appears under its final name unless commit() runs: abort() throws the rows away.
 */
export interface RunWriter {
  write(event: SimulationEvent | BlockTick): Promise<void>;
  /** An event the engine does not log itself (the live view's registrations, prunings, halvings…). */
  logEvent(event: RunEvent): void;
  /**
   * Ends the files after `blocks` blocks (all of them, or fewer when a live run stops early: the state at
   * that block then gets a last sample row, as the engine samples a run's last block). `trailer`: fields
   * appended to summary.json after the run's figures (a live run's shocks and stop).
   */
  commit(
    end: Pick<Simulation, 'state' | 'network' | 'timeline'>,
    blocks: number,
    trailer?: Record<string, unknown>,
  ): Promise<RunSummary>;
  abort(): Promise<void>;
}

export async function openRunWriter(config: SimulationConfig, output: RunOutput): Promise<RunWriter> {
  await mkdir(output.dir, { recursive: true });
  const sinks: CsvSink[] = [];
  const open = (name: string, columns: readonly string[]) => {
    const sink = createCsvSink(join(output.dir, name), columns);
    sinks.push(sink);
    return sink;
  };
  const neurons = output.neurons === false ? null : open('neurons.csv', NEURON_COLUMNS);
  const subnet = open('subnet.csv', SUBNET_COLUMNS);
  const network = open('network.csv', NETWORK_COLUMNS);
  const markets = open('subnets.csv', SUBNETS_COLUMNS);
  const timeline = config.timeline;
  const daily = timeline === undefined ? null : open('market.csv', MARKET_COLUMNS);
  const people =
    timeline === undefined || timeline.contributors.length === 0
      ? null
      : open('contributors.csv', CONTRIBUTOR_COLUMNS);
  const events =
    timeline === undefined && output.eventLog !== true ? null : open('events.csv', EVENT_COLUMNS);
  const logged: RunEvent[] = [];
  const summary = createRunSummary(config);
  const configByNetuid = new Map(config.subnets.map((s) => [s.netuid, s]));
  const scratch = createEpochMetricsScratch(); // reused by every epoch, as in sweeps
  let lastSample = 0;

  const write = async (event: SimulationEvent | BlockTick): Promise<void> => {
    if (event.kind === 'tick') return;
    if (event.kind === 'sample') {
      lastSample = event.block;
      await network.write(networkRow(event));
      for (const row of subnetMarketRows(event)) await markets.write(row);
      return;
    }
    if (event.kind === 'day') {
      for (const row of marketRows(event)) await daily?.write(row);
      for (const row of contributorRows(event)) await people?.write(row);
      return;
    }
    const subnetConfig = configByNetuid.get(event.netuid)!;
    const metrics = epochMetrics(event, (uid) => minerCabal(subnetConfig, event.subnet, uid), scratch);
    summary.add(event, metrics);
    if (neurons !== null) await neuronRows(event, neurons.write);
    await subnet.write(subnetRow(event, metrics));
  };

  const commit = async (
    end: Pick<Simulation, 'state' | 'network' | 'timeline'>,
    blocks: number,
    trailer: Record<string, unknown> = {},
  ) => {
    if (lastSample < blocks) {
      await write({ kind: 'sample', block: blocks, network: end.network, state: end.state });
    }
    const result = summary.finish(end, blocks);
    if (events !== null) {
      // The engine's log and the caller's, in block order (sort is stable: the engine's first at a block).
      const all = [...(end.timeline?.events ?? []), ...logged].sort((a, b) => a.block - b.block);
      for (const e of all) await events.write(eventRow(e));
    }
    for (const sink of sinks) await sink.commit();
    await writeFileAtomic(
      join(output.dir, 'scenario.resolved.yaml'),
      relocateSnapshots(output.resolvedText, output.dir),
    );
    await writeFileAtomic(
      join(output.dir, 'summary.json'),
      `${JSON.stringify({ ...output.header, ...result, ...trailer }, null, 2)}\n`,
    );
    return result;
  };

  const abort = async () => {
    await Promise.allSettled(sinks.map((s) => s.abort()));
  };

  return { write, logEvent: (e) => void logged.push(e), commit, abort };
}
