import { access, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { executeRuns } from './execute.ts';
import type { Executor } from './executor.ts';
import { finalizeResults } from './finalize.ts';
import { type Manifest, manifestOf, readManifest, writeManifest } from './manifest.ts';
import type { SweepPlan } from './plan.ts';
import { removeTemporaryRuns } from './run-folders.ts';
import {
  createRowIndex,
  cutTornTail,
  indexRunsFile,
  openRunsAppender,
  type RowIndex,
  runsHeader,
  STATUS_FAILED,
  STATUS_NONE,
} from './runs-file.ts';
import { inShard, type Shard, shardSize } from './shard.ts';

/**
 * A sweep into a results folder: checks the folder holds this sweep (or nothing), skips the runs it
 * already has (and failed ones unless retrying), appends the others as they finish, and once every run of
 * the shard has a row writes the final, sorted files.
 */
export interface SweepProgress {
  /** Runs of this shard with a row (including those done before a resume). */
  done: number;
  total: number;
  failed: number;
  /** Runs done in this session, and its seconds so far: the rate and ETA. */
  sessionDone: number;
  seconds: number;
}

export interface SweepRunOptions {
  out: string;
  shard: Shard | null;
  retryFailed: boolean;
  executor: Executor;
  inFlight: number;
  /** Write each run's detail files under `<out>/runs/<run index>-<run id>/`. */
  keepRuns?: boolean;
  onProgress?: (p: SweepProgress) => void;
  stop?: AbortSignal;
  abandon?: AbortSignal;
  now?: () => number;
}

export interface SweepOutcome {
  total: number;
  done: number;
  failed: number;
  /** Whether every run of the shard has a row (the final files were written). */
  complete: boolean;
}

export class SweepFolderError extends Error {}

async function checkFolder(out: string, manifest: Manifest): Promise<void> {
  const existing = await readManifest(out);
  if (existing === undefined) {
    const runs = join(out, 'runs.csv');
    const orphan = await access(runs).then(
      () => true,
      () => false,
    );
    if (orphan)
      throw new SweepFolderError(`${out} holds a runs.csv without manifest.json: not a sweep folder`);
    return;
  }
  if (existing.sweep_hash !== manifest.sweep_hash) {
    throw new SweepFolderError(
      `${out} holds another sweep (${existing.sweep}, hash ${existing.sweep_hash}; this one is ${manifest.sweep_hash}): choose another --out`,
    );
  }
  const shardText = (s: Shard | null) => (s === null ? 'the whole sweep' : `shard ${s.index}/${s.count}`);
  if (shardText(existing.shard) !== shardText(manifest.shard)) {
    throw new SweepFolderError(`${out} holds ${shardText(existing.shard)}, not ${shardText(manifest.shard)}`);
  }
}

async function indexFolder(path: string, plan: SweepPlan): Promise<RowIndex> {
  const index = createRowIndex(plan.runs, runsHeader(plan.design.parameters, plan.metrics));
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (exists) {
    await cutTornTail(path);
    await indexRunsFile(index, path);
  }
  return index;
}

function* pending(index: RowIndex, shard: Shard | null, retryFailed: boolean): Generator<number> {
  for (let run = 0; run < index.status.length; run++) {
    if (!inShard(run, shard)) continue;
    const status = index.status[run];
    if (status === STATUS_NONE || (retryFailed && status === STATUS_FAILED)) yield run;
  }
}

function countRows(index: RowIndex, shard: Shard | null, retryFailed: boolean) {
  let done = 0;
  let failed = 0;
  for (let run = 0; run < index.status.length; run++) {
    if (!inShard(run, shard) || index.status[run] === STATUS_NONE) continue;
    if (index.status[run] === STATUS_FAILED && retryFailed) continue;
    done++;
    if (index.status[run] === STATUS_FAILED) failed++;
  }
  return { done, failed };
}

export async function runSweep(plan: SweepPlan, options: SweepRunOptions): Promise<SweepOutcome> {
  const { out, shard } = options;
  const now = options.now ?? (() => performance.now());
  const manifest = manifestOf(plan, shard);
  await mkdir(out, { recursive: true });
  await checkFolder(out, manifest);
  await writeManifest(out, manifest);
  const path = join(out, 'runs.csv');
  const index = await indexFolder(path, plan);
  const total = shardSize(plan.runs, shard);
  let { done, failed } = countRows(index, shard, options.retryFailed);
  const started = now();
  let sessionDone = 0;
  const report = () =>
    options.onProgress?.({ done, total, failed, sessionDone, seconds: (now() - started) / 1000 });
  report();
  // A run counts as done only by its runs.csv row; a detail folder without a row is redone (keep-run.ts).
  const keepRuns = options.keepRuns ? resolve(out, 'runs') : undefined;
  if (keepRuns !== undefined) {
    await mkdir(keepRuns, { recursive: true });
    await removeTemporaryRuns(keepRuns);
  }
  const appender = await openRunsAppender(path, index.header);
  try {
    await executeRuns({
      plan,
      executor: options.executor,
      todo: pending(index, shard, options.retryFailed),
      inFlight: options.inFlight,
      keepRuns,
      stop: options.stop,
      abandon: options.abandon,
      async record(row, outcome) {
        await appender.append(row);
        done++;
        sessionDone++;
        if (outcome.status === 'failed') failed++;
        report();
      },
    });
  } finally {
    await appender.close();
  }
  const final = await indexFolder(path, plan);
  const counts = countRows(final, shard, false);
  const complete = counts.done === total;
  if (complete) await finalizeResults(out, final, manifest, shard === null);
  return { total, done: counts.done, failed: counts.failed, complete };
}
