/**
 * Runs the CLI as a user does, in a child process: `node bin/subnet-sim.mjs run <scenario> --out <tmp>
 * --quiet`, from the repository root, timing spawn to exit. Optionally preloads a tiny probe that
 * reports the child's peak RSS (VmHWM) when it exits, since `/usr/bin/time -v` is not
 * available everywhere.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const QUICKSTART = 'scenarios/quickstart.yaml';

/** Environment variable naming the file the probe writes `{ "peakKiB": <KiB> }` to. */
export const RSS_FILE_ENV = 'SUBNET_SIM_BENCH_RSS_FILE';

/**
 * Preloaded with `--import` (a data: URL, so nothing is written to disk and the command stays the CLI's
 * own). Runs in the child's main thread and reads the process's high-water mark (all threads share one
 * address space). Linux's VmHWM, not getrusage's ru_maxrss: exec carries the parent's resident size at
 * spawn into the child's ru_maxrss, so a child of a bench process that had grown to 350 MB reported
 * 350 MB whatever it used itself. ru_maxrss only where /proc is missing.
 */
const RSS_PROBE = `import { readFileSync, writeFileSync } from 'node:fs';
process.on('exit', () => {
  let peakKiB = process.resourceUsage().maxRSS;
  try {
    const hwm = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) peakKiB = Number(hwm[1]);
  } catch {}
  writeFileSync(process.env.${RSS_FILE_ENV}, JSON.stringify({ peakKiB }));
});`;

/** The node flag that preloads the probe. */
export const RSS_PROBE_FLAG = `--import=data:text/javascript,${encodeURIComponent(RSS_PROBE)}`;

/** What the probe wrote to `file`, in MiB. */
export async function readPeakRssMb(file: string): Promise<number> {
  const { peakKiB } = JSON.parse(await readFile(file, 'utf8')) as { peakKiB: number };
  return peakKiB / 1024;
}

export interface CliRun {
  /** Spawn to exit, milliseconds. */
  wallMs: number;
  /** Peak resident set size in MiB, when measured. */
  peakRssMb?: number;
}

export interface CliRunOptions {
  root: string;
  scenario?: string;
  measureRss?: boolean;
}

/** The argument list after `node`, for the docs and error messages. */
export function cliArgs(scenario: string, outDir: string): string[] {
  return ['bin/subnet-sim.mjs', 'run', scenario, '--out', outDir, '--quiet'];
}

/**
 * Runs `node <args>` from `root` with `env` added, stdout ignored; the milliseconds from spawn to exit.
 * A non-zero exit throws with the child's stderr.
 */
export async function runNode(root: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const started = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ code: exitCode, stderr: err }));
  });
  const wallMs = performance.now() - started;
  if (code !== 0) {
    const shown = args.map((a) => (a === RSS_PROBE_FLAG ? '--import=<rss probe>' : a));
    throw new Error(`node ${shown.join(' ')} exited with ${code}:\n${stderr.trim()}`);
  }
  return wallMs;
}

export async function runCli(options: CliRunOptions): Promise<CliRun> {
  const scenario = options.scenario ?? QUICKSTART;
  const work = await mkdtemp(join(tmpdir(), 'subnet-sim-bench-'));
  try {
    const rssFile = join(work, 'rss.json');
    const args = cliArgs(scenario, join(work, 'out'));
    if (options.measureRss) args.unshift(RSS_PROBE_FLAG);
    const wallMs = await runNode(options.root, args, { [RSS_FILE_ENV]: rssFile });
    if (!options.measureRss) return { wallMs };
    return { wallMs, peakRssMb: await readPeakRssMb(rssFile) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
