import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replicatesCommand } from '../../src/cli/replicates.ts';
import { TOOL_VERSION } from '../../src/cli/tool-version.ts';
import { CONTRIBUTOR_COLUMNS } from '../../src/output/timeline-rows.ts';
import { writeRun } from '../../src/output/write-run.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { resolvedScenarioText, runIdOf } from '../../src/scenario/resolve.ts';
import { inlineExecutor } from '../../src/sweep/executor.ts';
import { loadPlan } from '../../src/sweep/plan.ts';
import { runSweep } from '../../src/sweep/run-sweep.ts';
import { ROOT } from '../cli/fixtures/cli.ts';

/**
 * Results folders for the report tests, written by the real writers: a run of the CLI's package
 * comparison (3 days, GBM TAO/USD with a shock, a token and a hybrid package) with 3 Monte Carlo
 * replicates in the same folder, a Sobol sweep with kept runs whose contributors.csv are hand-made (to
 * check the bands by hand), and a sweep of the package comparison with --keep-runs.
 */

const PACKAGES = join(ROOT, 'test/cli/fixtures/packages.yaml');

/** The compensation charts of runFolder's report, in their order. */
export const COMPENSATION_CHARTS = [
  'tao-usd',
  'grant-value',
  'package-value-0',
  'package-bands-0',
  'package-bands-1',
  'package-comparison',
];

/** packages.yaml run once (neurons.csv on) and `--replicates 3` into the same folder. */
export async function runFolder(dir: string): Promise<void> {
  const loaded = await loadScenarioFile(PACKAGES, {});
  if (!loaded.ok) throw new Error('packages.yaml is invalid');
  const scenario = { ...loaded.scenario, output: { ...loaded.scenario.output, neurons: true } };
  const resolvedText = resolvedScenarioText(scenario, TOOL_VERSION);
  const runId = runIdOf(resolvedText);
  await writeRun(compileScenario(scenario), {
    dir,
    resolvedText,
    neurons: true,
    header: { scenario: scenario.name, run_id: runId, tool_version: TOOL_VERSION },
  });
  const status = await replicatesCommand(scenario, 3, { dir, quiet: true, resolvedText });
  if (status !== 0) throw new Error(`--replicates 3 exited ${status}`);
}

/** A contributors.csv in the writer's columns from a few cells per row (the rest empty). */
export function contributorsCsv(
  rows: Partial<Record<(typeof CONTRIBUTOR_COLUMNS)[number], string | number>>[],
) {
  const lines = rows.map((r) => CONTRIBUTOR_COLUMNS.map((c) => r[c] ?? '').join(','));
  return `${CONTRIBUTOR_COLUMNS.join(',')}\n${lines.join('\n')}\n`;
}

/**
 * The Sobol sweep fixture run in this thread, with a contributors.csv in 5 kept-run folders: alice holds
 * `p` (grant value 100 on day 0, then 10…50 on day 1 and twice that on day 2) and is quoted `q`, a
 * comparison package worth 10⁶ that the bands must leave out.
 */
export async function sweepFolder(dir: string): Promise<void> {
  await sweepInThisThread(join(ROOT, 'test/sweep/fixtures/sobol.yaml'), dir, false);
  for (let run = 0; run < 5; run++) {
    const folder = join(dir, 'runs', `${run}-fixture`);
    mkdirSync(folder, { recursive: true });
    const value = 10 * (run + 1);
    const rows = [100, value, 2 * value].flatMap((v, day) => [
      { day, contributor: 'alice', package: 'p', holds: 'true', grant: 'g', paper_usd: v, realised_usd: 0 },
      {
        day,
        contributor: 'alice',
        package: 'q',
        holds: 'false',
        grant: 'g',
        paper_usd: 1e6,
        realised_usd: 0,
      },
    ]);
    writeFileSync(join(folder, 'contributors.csv'), contributorsCsv(rows));
  }
}

/** packages.yaml swept over TAO/USD volatility (2 values × 2 replicates) with --keep-runs. */
export async function compensationSweepFolder(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const plan = join(dir, '..', `${dir.split('/').at(-1)}.sweep.yaml`);
  writeFileSync(
    plan,
    `scenario: ${PACKAGES}\nseed: 4\nreplicates: 2\nparameters:\n  market.tao_usd.volatility: { values: [0.5, 1.5] }\nmetrics:\n  - subnets[0].incentive_gini_mean\n`,
  );
  await sweepInThisThread(plan, dir, true);
}

async function sweepInThisThread(plan: string, out: string, keepRuns: boolean): Promise<void> {
  const loaded = await loadPlan(plan, TOOL_VERSION);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  await runSweep(loaded.value, {
    out,
    shard: null,
    retryFailed: false,
    executor: inlineExecutor(),
    inFlight: 2,
    keepRuns,
  });
}
