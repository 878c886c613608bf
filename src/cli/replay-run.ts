import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readSnapshots } from '../chain/snapshot-file.ts';
import type { Arithmetic } from '../engine/replay/check-pair.ts';
import { Counterfactual, type CounterfactualEpoch } from '../engine/replay/counterfactual.ts';
import type { ChainSnapshot } from '../engine/replay/snapshot.ts';
import { type YumaPatch, yumaPatch } from '../engine/replay/yuma-overrides.ts';
import { writeFileAtomic } from '../output/atomic-file.ts';
import { createCsvSink } from '../output/csv-sink.ts';
import { NEURON_COLUMNS, replayNeuronRows, replaySubnetRow, SUBNET_COLUMNS } from '../output/replay-rows.ts';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError } from './exit-codes.ts';
import { replayResultsDir } from './replay-check.ts';
import { TOOL_VERSION } from './tool-version.ts';

/**
 * `replay run <file> --set yuma.<key>=<value> …`: a counterfactual on the chain's inputs
 * (engine/replay/counterfactual.ts), written as `subnet-sim run` writes a run: neurons.csv, subnet.csv
 * and summary.json, which also says how much incentive and dividends moved against the chain's.
 */

export interface ReplayRunOptions {
  set?: string[];
  out?: string;
  arithmetic?: string;
  quiet?: boolean;
}

function patchesOf(assignments: readonly string[]): YumaPatch[] {
  const problems: string[] = [];
  const patches: YumaPatch[] = [];
  for (const a of assignments) {
    const eq = a.indexOf('=');
    if (eq <= 0) {
      problems.push(`--set ${a}: not of the form path=value (e.g. yuma.version=yuma3)`);
      continue;
    }
    let value: unknown;
    try {
      value = parseYaml(a.slice(eq + 1));
    } catch {
      value = a.slice(eq + 1);
    }
    const patch = yumaPatch(a.slice(0, eq).trim(), value);
    if (typeof patch === 'string') problems.push(`--set ${a}: ${patch}`);
    else patches.push(patch);
  }
  if (problems.length > 0) throw new UsageError(problems.join('\nerror: '));
  return patches;
}

/** The run's folder name: its overrides, readable ("yuma.version-yuma3"), or "chain" for none. */
function slugOf(assignments: readonly string[], arithmetic: string): string {
  const parts = assignments.map((a) => a.replace(/[^A-Za-z0-9._-]+/g, '-'));
  return [parts.length === 0 ? 'chain' : parts.join('_'), ...(arithmetic === 'exact' ? ['exact'] : [])].join(
    '_',
  );
}

/** ½ Σ|ours − chain|: the fraction of a distribution that moved (0: same, 1: disjoint). */
function moved(ours: Float64Array, chainU16: Float64Array): number {
  let sum = 0;
  for (let uid = 0; uid < chainU16.length; uid++) sum += Math.abs(ours[uid] - chainU16[uid] / 65535);
  return sum / 2;
}

export async function replayRunCommand(file: string, options: ReplayRunOptions): Promise<number> {
  const assignments = options.set ?? [];
  const patches = patchesOf(assignments);
  const arithmetic = (options.arithmetic ?? 'float') as Arithmetic;
  if (arithmetic !== 'float' && arithmetic !== 'exact')
    throw new UsageError(`--arithmetic ${arithmetic}: float or exact`);
  const dir = options.out ?? join(replayResultsDir(file), slugOf(assignments, arithmetic));
  await mkdir(dir, { recursive: true });
  const neurons = createCsvSink(join(dir, 'neurons.csv'), NEURON_COLUMNS);
  const subnet = createCsvSink(join(dir, 'subnet.csv'), SUBNET_COLUMNS);
  const counterfactual = new Counterfactual(patches, arithmetic);
  const skipped: { block: number; reason: string }[] = [];
  const shifts = { epochs: 0, incentive: 0, dividends: 0 };
  let balance = new BigInt64Array(0);
  let hotkeys: string[] = [];
  let first: CounterfactualEpoch | null = null;
  let netuid = -1;
  const step = async (snapshot: ChainSnapshot, next: ChainSnapshot | null) => {
    netuid = snapshot.netuid;
    const e = counterfactual.run(snapshot, next);
    if (e.status === 'skipped') {
      skipped.push({ block: e.block, reason: e.reason });
      return;
    }
    first ??= e;
    if (balance.length !== e.view.n) balance = new BigInt64Array(e.view.n);
    e.view.hotkeys.forEach((h, uid) => {
      if (hotkeys[uid] !== undefined && hotkeys[uid] !== h) balance[uid] = 0n;
      balance[uid] += BigInt(e.result.serverEmission[uid] + e.result.validatorEmission[uid]);
    });
    hotkeys = e.view.hotkeys;
    for (const row of replayNeuronRows(e, balance)) await neurons.write(row);
    await subnet.write(replaySubnetRow(e));
    if (e.chainAfter !== null && e.chainAfter.n === e.view.n) {
      shifts.epochs++;
      shifts.incentive += moved(e.result.incentive, e.chainAfter.incentiveU16);
      shifts.dividends += moved(e.result.dividends, e.chainAfter.dividendsU16);
    }
  };
  try {
    let previous: ChainSnapshot | null = null;
    for await (const snapshot of readSnapshots(file)) {
      if (previous !== null) await step(previous, snapshot);
      previous = snapshot;
    }
    if (previous !== null) await step(previous, null);
    if (first === null) {
      await Promise.all([neurons.abort(), subnet.abort()]);
      process.stderr.write(
        `error: ${file}: no epoch could run${skipped.length > 0 ? `: block ${skipped[0].block} ${skipped[0].reason}` : ' (no snapshots)'}\n`,
      );
      return EXIT_BAD_INPUT;
    }
    await neurons.commit();
    await subnet.commit();
  } catch (error) {
    await Promise.all([neurons.abort(), subnet.abort()]);
    throw error;
  }
  const ran = first as CounterfactualEpoch;
  const summary = {
    snapshots: file,
    netuid,
    tool_version: TOOL_VERSION,
    arithmetic,
    overrides: assignments,
    epochs: counterfactual.epochsRun(),
    params_first_epoch: ran.params,
    assumed: ran.assumed,
    skipped,
    vs_chain: {
      epochs: shifts.epochs,
      incentive_moved: shifts.epochs > 0 ? shifts.incentive / shifts.epochs : null,
      dividends_moved: shifts.epochs > 0 ? shifts.dividends / shifts.epochs : null,
    },
  };
  await writeFileAtomic(join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  if (!options.quiet) {
    const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)} %`);
    process.stdout.write(
      `netuid ${netuid}: ${summary.epochs} epoch${summary.epochs === 1 ? '' : 's'} under ${assignments.length > 0 ? assignments.join(' ') : 'the chain’s parameters'}; ` +
        `vs the chain: incentive moved ${pct(summary.vs_chain.incentive_moved)}, dividends moved ${pct(summary.vs_chain.dividends_moved)} per epoch → ${dir}\n`,
    );
  }
  return EXIT_OK;
}
