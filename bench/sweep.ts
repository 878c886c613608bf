/**
 * The sweep figures of issue 6, each through the real sweep code (loadPlan, poolExecutor, runSweep):
 *
 * - sweep_speedup_2_workers: runs per second with 2 workers over runs per second with 1, for runs of
 *   ~1 s (scenarios/quickstart.yaml with its duration scaled so one run takes ~1 s in this thread), on
 *   a pool whose threads have loaded their modules and compiled their hot code (a pool's start-up is
 *   paid once per sweep, not per run);
 * - sweep_pool_overhead_ms: wall time per run of a sweep of a minimal scenario (1 block, 2 neurons) on
 *   one warm worker: parse, resolve, simulate, post to and from the thread, append to runs.csv, final
 *   files; everything a run costs beyond its simulation;
 * - sweep_peak_rss_mb: peak resident memory (VmHWM, main thread and workers: one process)
 *   of `subnet-sim sweep` over 10 000 runs of the minimal scenario with 2 workers, read by a probe preloaded
 *   with `--import` as in quickstart-peak-rss.ts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOOL_VERSION } from '../src/cli/tool-version.ts';
import { type Executor, poolExecutor } from '../src/sweep/executor.ts';
import { loadPlan, runSpec, type SweepPlan } from '../src/sweep/plan.ts';
import { runSweep } from '../src/sweep/run-sweep.ts';
import { runOne } from '../src/sweep/simulate.ts';
import { RSS_FILE_ENV, RSS_PROBE_FLAG, readPeakRssMb, runNode } from './cli-process.ts';
import { type BenchSuite, type Figure, median, round, spread } from './figure.ts';

export const SWEEP_SPEEDUP = 'sweep_speedup_2_workers';
export const SWEEP_POOL_OVERHEAD = 'sweep_pool_overhead_ms';
export const SWEEP_PEAK_RSS = 'sweep_peak_rss_mb';

/** Issue 6: near-linear scaling on this 2-core machine, a negligible pool, memory flat over 10 000 runs. */
const TARGET_SPEEDUP = 1.8;
const TARGET_OVERHEAD_MS = 5;
const TARGET_RSS_MB = 300;

const MINIMAL = `name: sweep-minimal
duration: 1
subnets:
  - tempo: 99
    max_uids: 2
    validators: { count: 1, stake: 100 }
    miners: { count: 1 }
`;

const BLOCKS_PER_DAY = 7200;

async function plan(dir: string, name: string, text: string): Promise<SweepPlan> {
  const file = join(dir, `${name}.yaml`);
  await writeFile(file, text);
  const loaded = await loadPlan(file, TOOL_VERSION);
  if (!loaded.ok) throw new Error(`${name}: ${JSON.stringify(loaded.problems)}`);
  return loaded.value;
}

function time(f: () => unknown): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

/**
 * Waits until every thread of the pool has loaded its modules: piscina gives tasks to ready threads
 * only, so `workers` tasks at once run in parallel (about one task's time) once all are ready.
 */
async function warm(executor: Executor, p: SweepPlan, workers: number): Promise<void> {
  const run = async (k: number) => {
    const outcome = await executor.run(runSpec(p, k % p.runs));
    if (outcome.status !== 'ok') throw new Error(`warm-up run failed: ${outcome.error}`);
  };
  for (let round = 0; round < 40; round++) {
    const one = performance.now();
    await run(0);
    const single = performance.now() - one;
    const all = performance.now();
    await Promise.all(Array.from({ length: workers }, (_, k) => run(k)));
    if (workers === 1 || performance.now() - all < 1.5 * single) return;
  }
  throw new Error(`the pool of ${workers} never ran ${workers} runs at once`);
}

/**
 * `perThread` runs of `p` on each thread, untimed. A fresh thread's first long runs are slower, and V8's
 * helper threads spend them compiling its hot code (helper CPU measured on one worker, ~1 s runs: 760,
 * 190, 80 ms, then ~45 ms a run). A sweep pays that once per thread, not per run; timed, it fell on the
 * 2-worker side twice (each thread compiles for itself) and competed with the other worker for the
 * second core, which one worker leaves idle for it.
 */
async function warmCode(executor: Executor, p: SweepPlan, workers: number, perThread: number): Promise<void> {
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let r = 0; r < perThread; r++) {
        const outcome = await executor.run(runSpec(p, (w * perThread + r) % p.runs));
        if (outcome.status !== 'ok') throw new Error(`warm-up run failed: ${outcome.error}`);
      }
    }),
  );
}

/**
 * Milliseconds for runSweep over the whole plan on a warm pool of `workers`, and the CPU milliseconds the
 * process spent meanwhile (every thread: main, workers, V8's helpers). CPU per run barely moves with the
 * machine's load, so comparing it for 1 and 2 workers shows what two threads cost each other even when
 * other work makes the wall-clock ratio meaningless. `codeWarmRuns`: runs of the plan per thread before
 * the clock starts (warmCode).
 */
async function timedSweep(
  p: SweepPlan,
  workers: number,
  warmPlan: SweepPlan,
  out: string,
  codeWarmRuns = 0,
): Promise<{ ms: number; cpuMs: number }> {
  const executor = poolExecutor(workers);
  try {
    await warm(executor, warmPlan, workers);
    await warmCode(executor, p, workers, codeWarmRuns);
    const cpu = process.cpuUsage();
    const start = performance.now();
    const outcome = await runSweep(p, {
      out,
      shard: null,
      retryFailed: false,
      executor,
      inFlight: workers * 2,
    });
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (!outcome.complete || outcome.failed > 0)
      throw new Error(`sweep into ${out}: ${JSON.stringify(outcome)}`);
    return { ms, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    await executor.close();
  }
}

/** `node --import=<probe> bin/subnet-sim.mjs sweep <file> --out <out> --workers 2 --quiet`: peak RSS, MiB. */
async function sweepPeakRss(root: string, file: string, out: string, rssFile: string): Promise<number> {
  const args = [
    RSS_PROBE_FLAG,
    'bin/subnet-sim.mjs',
    'sweep',
    file,
    '--out',
    out,
    '--workers',
    '2',
    '--quiet',
  ];
  await runNode(root, args, { [RSS_FILE_ENV]: rssFile });
  return readPeakRssMb(rssFile);
}

export const sweepFigures: BenchSuite = {
  names: [SWEEP_SPEEDUP, SWEEP_POOL_OVERHEAD, SWEEP_PEAK_RSS],
  async run({ quick, root, log }) {
    const work = await mkdtemp(join(tmpdir(), 'subnet-sim-bench-sweep-'));
    try {
      const minimalFile = join(work, 'minimal.yaml');
      await writeFile(minimalFile, MINIMAL);
      const sweepOf = (runs: number, extra = '') =>
        `scenario: ${minimalFile}\nseed: 1\nreplicates: ${runs}\n${extra}metrics: ["subnets[0].incentive_gini_mean"]\n`;
      const quickstart = join(root, 'scenarios/quickstart.yaml');
      // Warm-up runs of ~50 ms, long enough for `warm` to tell parallel runs from queued ones.
      const warmPlan = await plan(
        work,
        'warm',
        `scenario: ${quickstart}\nseed: 1\nreplicates: 4\nparameters:\n  duration: { values: [5d] }\n`,
      );
      const figures: Figure[] = [];

      // Runs of ~1 s: the quickstart network over as many blocks as take ~1 s in this thread.
      const target = quick ? 200 : 1000;
      const probeDays = 7;
      const probe = await plan(
        work,
        'probe',
        `scenario: ${quickstart}\nseed: 1\nparameters:\n  duration: { values: [${probeDays * BLOCKS_PER_DAY}] }\n`,
      );
      runOne(runSpec(probe, 0));
      const probeMs = median([0, 1, 2].map(() => time(() => runOne(runSpec(probe, 0)))));
      const runs = quick ? 4 : 16;
      const longPlan = (blocks: number) =>
        plan(
          work,
          'long',
          `scenario: ${quickstart}\nseed: 1\nreplicates: ${runs}\nparameters:\n  duration: { values: [${blocks}] }\nmetrics: ["subnets[0].incentive_gini_mean"]\n`,
        );
      // Time is not quite proportional to blocks (the network grows): scale once more from a first guess.
      const guess = Math.round((probeDays * BLOCKS_PER_DAY * target) / probeMs);
      const guessPlan = await longPlan(guess);
      const guessMs = time(() => runOne(runSpec(guessPlan, 0)));
      const blocks = Math.round((guess * target) / guessMs);
      const long = await longPlan(blocks);
      const oneRun = time(() => runOne(runSpec(long, 0)));
      const repeats = quick ? 1 : 3;
      const codeWarmRuns = quick ? 1 : 3;
      log(
        `${SWEEP_SPEEDUP}: ${runs} runs of quickstart.yaml over ${blocks} blocks (${oneRun.toFixed(0)} ms each in this thread), 1 and 2 warm workers (${codeWarmRuns} untimed runs each first) × ${repeats}`,
      );
      const ratios: number[] = [];
      const rates: [number, number][] = [];
      const cpuPerRun: [number, number][] = [];
      for (let k = 0; k < repeats; k++) {
        const one = await timedSweep(long, 1, warmPlan, join(work, `long-1-${k}`), codeWarmRuns);
        const two = await timedSweep(long, 2, warmPlan, join(work, `long-2-${k}`), codeWarmRuns);
        ratios.push(one.ms / two.ms);
        rates.push([(runs * 1000) / one.ms, (runs * 1000) / two.ms]);
        cpuPerRun.push([one.cpuMs / runs, two.cpuMs / runs]);
        log(
          `  ${k + 1}/${repeats}: 1 worker ${(one.ms / 1000).toFixed(2)} s (CPU ${(one.cpuMs / 1000).toFixed(2)} s), 2 workers ${(two.ms / 1000).toFixed(2)} s (CPU ${(two.cpuMs / 1000).toFixed(2)} s)`,
        );
      }
      const rateText = (i: 0 | 1) => median(rates.map((r) => r[i])).toFixed(2);
      const cpuText = (i: 0 | 1) => median(cpuPerRun.map((r) => r[i])).toFixed(0);
      figures.push({
        name: SWEEP_SPEEDUP,
        value: round(median(ratios), 3),
        unit: '×',
        target: TARGET_SPEEDUP,
        better: 'higher',
        detail: `${spread(ratios, 3, '×')}: ${rateText(0)} vs ${rateText(1)} runs/s, CPU ${cpuText(0)} vs ${cpuText(1)} ms a run, ${runs} runs of ~${oneRun.toFixed(0)} ms (quickstart over ${blocks} blocks), warm pools (${codeWarmRuns} untimed runs a thread first), runSweep into a fresh folder`,
      });

      // Per-run overhead: a sweep of the minimal scenario, one warm worker.
      const count = quick ? 200 : 2000;
      const minimal = await plan(work, 'minimal-sweep', sweepOf(count));
      for (let k = 0; k < 50; k++) runOne(runSpec(minimal, k));
      const inThread =
        time(() => {
          for (let k = 0; k < 200; k++) runOne(runSpec(minimal, k));
        }) / 200;
      log(
        `${SWEEP_POOL_OVERHEAD}: ${count} runs of a 1-block, 2-neuron scenario on 1 warm worker × ${repeats}`,
      );
      const perRun: number[] = [];
      for (let k = 0; k < repeats; k++) {
        const ms = (await timedSweep(minimal, 1, warmPlan, join(work, `minimal-${k}`))).ms / count;
        perRun.push(ms);
        log(`  ${k + 1}/${repeats}: ${ms.toFixed(3)} ms a run`);
      }
      figures.push({
        name: SWEEP_POOL_OVERHEAD,
        value: round(median(perRun), 3),
        unit: 'ms',
        target: TARGET_OVERHEAD_MS,
        better: 'lower',
        detail: `${spread(perRun, 3, 'ms')} a run over ${count} runs of a 1-block scenario on 1 warm worker, runs.csv and points.csv included; the run alone in this thread: ${inThread.toFixed(3)} ms`,
      });

      // Peak RSS of a whole 10 000-run sweep process (100 kappa values × 100 replicates).
      const total = quick ? 1000 : 10_000;
      const big = join(work, 'big.yaml');
      await writeFile(
        big,
        `scenario: ${minimalFile}\nseed: 1\nreplicates: ${total / 100}\nparameters:\n  subnets[0].yuma.kappa: { range: { from: 0.01, to: 1.0, step: 0.01 } }\n`,
      );
      log(
        `${SWEEP_PEAK_RSS}: node --import=<rss probe> bin/subnet-sim.mjs sweep <${total} runs> --workers 2`,
      );
      const started = performance.now();
      const mb = await sweepPeakRss(root, big, join(work, 'big'), join(work, 'rss.json'));
      const seconds = (performance.now() - started) / 1000;
      log(`  ${mb.toFixed(1)} MiB, ${seconds.toFixed(1)} s`);
      figures.push({
        name: SWEEP_PEAK_RSS,
        value: round(mb, 1),
        unit: 'MiB',
        target: TARGET_RSS_MB,
        better: 'lower',
        detail: `VmHWM of \`subnet-sim sweep\` (main thread and 2 workers) over ${total} runs of a 1-block scenario, every metric of summary.json, in ${seconds.toFixed(0)} s`,
      });
      return figures;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};
