import { availableParallelism } from 'node:os';
import { type PoolExecutor, poolExecutor } from '../sweep/executor.ts';
import type { ProgressMode } from '../sweep/progress.ts';
import type { SweepProgress } from '../sweep/run-sweep.ts';
import { EXIT_BAD_INPUT, EXIT_INTERRUPTED, EXIT_OK, UsageError } from './exit-codes.ts';
import { EXIT_RUNS_FAILED } from './sweep-exit-codes.ts';
import { TOOL_VERSION } from './tool-version.ts';

export interface SweepOptions {
  out?: string;
  workers?: number;
  shard?: string;
  retryFailed?: boolean;
  keepRuns?: boolean;
  progress?: string;
  quiet?: boolean;
}

function quoted(args: string[]): string {
  return args.map((a) => (/^[\w./:=-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)).join(' ');
}

/** `subnet-sim sweep <sweep.yaml>`: every point × replicate on a worker pool, into --out. */
export async function sweepCommand(file: string, options: SweepOptions): Promise<number> {
  const mode = (options.quiet ? 'none' : (options.progress ?? 'auto')) as ProgressMode;
  if (!['auto', 'json', 'none'].includes(mode)) throw new UsageError('--progress: one of auto, json, none');
  const workers = options.workers ?? availableParallelism();
  // The threads start loading tsx and the engine now, while this thread loads the sweep code and plan.
  const executor = poolExecutor(workers);
  try {
    return await sweepWith(executor, workers, file, options, mode);
  } finally {
    await executor.close();
  }
}

async function sweepWith(
  executor: PoolExecutor,
  workers: number,
  file: string,
  options: SweepOptions,
  mode: ProgressMode,
): Promise<number> {
  const [
    { loadPlan },
    { createProgressView },
    { runSweep, SweepFolderError },
    { parseShard },
    { printProblems },
  ] = await Promise.all([
    import('../sweep/plan.ts'),
    import('../sweep/progress.ts'),
    import('../sweep/run-sweep.ts'),
    import('../sweep/shard.ts'),
    import('./print-problems.ts'),
  ]);
  const loaded = await loadPlan(file, TOOL_VERSION, (request) => executor.check(request));
  if (!loaded.ok) {
    printProblems(loaded.problems);
    return EXIT_BAD_INPUT;
  }
  const plan = loaded.value;
  const shard = parseShard(options.shard, process.env, plan.sweep.shards);
  if (!shard.ok) throw new UsageError(shard.message);
  const out =
    options.out ?? `results/sweeps/${plan.sweep.name}${shard.shard ? `-s${shard.shard.index}` : ''}`;
  // On a terminal, the dashboard (src/tui/sweep, loaded only then) takes the progress events.
  const dashboard =
    mode === 'auto' && process.stderr.isTTY === true
      ? (await import('../tui/sweep/attach.tsx')).createSweepDashboard({
          workers,
          metric: plan.metrics[0] ?? null,
        })
      : null;
  const view = dashboard?.view ?? createProgressView(mode);
  const stop = new AbortController();
  const abandon = new AbortController();
  // First Ctrl-C: no new runs, running ones finish and are recorded. Second: abandon them too.
  const onSigint = () => (stop.signal.aborted ? abandon.abort() : stop.abort());
  process.on('SIGINT', onSigint);
  let last: SweepProgress | undefined;
  try {
    if (!options.quiet && mode !== 'json') {
      process.stderr.write(
        `${plan.sweep.name}: ${plan.design.count} points × ${plan.sweep.replicates} replicates = ${plan.runs} runs on ${workers} workers → ${out}\n`,
      );
    }
    const outcome = await runSweep(plan, {
      out,
      shard: shard.shard,
      retryFailed: options.retryFailed === true,
      keepRuns: options.keepRuns === true,
      executor: dashboard?.tap(executor) ?? executor,
      inFlight: workers * 2,
      stop: stop.signal,
      abandon: abandon.signal,
      onProgress: (p) => {
        last = p;
        view.update(p);
      },
    });
    view.finish(last);
    if (stop.signal.aborted && !outcome.complete) {
      const again = ['npx', 'subnet-sim', 'sweep', file, '--out', out];
      if (options.shard !== undefined) again.push('--shard', options.shard);
      if (options.keepRuns) again.push('--keep-runs');
      process.stderr.write(
        `interrupted: ${outcome.done} of ${outcome.total} runs recorded in ${out}/runs.csv; resume with\n  ${quoted(again)}\n`,
      );
      return EXIT_INTERRUPTED;
    }
    if (!options.quiet && mode !== 'json') {
      process.stderr.write(`${outcome.done} runs, ${outcome.failed} failed → ${out}\n`);
    }
    if (outcome.failed > 0) {
      if (!options.quiet) {
        process.stderr.write(
          `${outcome.failed} runs failed (status,error in runs.csv); re-run them with --retry-failed\n`,
        );
      }
      return EXIT_RUNS_FAILED;
    }
    return EXIT_OK;
  } catch (error) {
    view.finish(undefined);
    if (error instanceof SweepFolderError) throw new UsageError(error.message);
    throw error;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
