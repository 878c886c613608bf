import type { PackageOutcome } from '../engine/compensation/outcome.ts';
import { openReplicateFiles, replicateRow } from '../output/replicate-files.ts';
import { createPackageDays, type PackageDays } from '../replicates/package-days.ts';
import { packageStats } from '../replicates/package-stats.ts';
import { dayCount, runReplicates } from '../replicates/run-replicates.ts';
import type { Scenario } from '../scenario/schema.ts';
import { EXIT_BAD_INPUT, EXIT_INTERRUPTED, EXIT_OK } from './exit-codes.ts';
import { createProgressBar } from './progress.ts';

/**
 * `subnet-sim run <scenario> --replicates N`: N Monte Carlo runs of the scenario on this thread, writing
 * replicates.csv, packages.csv, vest-dates.csv, package-days.csv and scenario.resolved.yaml into `dir`
 * (run.ts names it: results/<name>/<run-id>-x<N>/, or --out).
 */
export async function replicatesCommand(
  scenario: Scenario,
  count: number,
  options: { dir: string; quiet?: boolean; resolvedText: string },
): Promise<number> {
  if ((scenario.contributors ?? []).length === 0) {
    process.stderr.write('error: --replicates compares packages: the scenario has no contributors\n');
    return EXIT_BAD_INPUT;
  }
  const { dir } = options;
  const files = await openReplicateFiles(dir);
  const bar = options.quiet ? null : createProgressBar(`${scenario.name} ×${count}`);
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.once('SIGINT', onSigint);
  const started = performance.now();
  try {
    const runs: PackageOutcome[][] = [];
    let days: PackageDays | null = null;
    for (const r of runReplicates(scenario, count, (k, block) =>
      bar?.update(k * scenario.duration + block, count * scenario.duration),
    )) {
      for (const o of r.outcomes) await files.write(replicateRow(r.replicate, r.seed, o));
      runs.push(r.outcomes);
      days ??= createPackageDays(r.outcomes, dayCount(scenario.duration), count);
      days.add(r.replicate, r.daily);
      // Yield to the event loop between replicates so Ctrl-C is seen.
      await new Promise((resolve) => setImmediate(resolve));
      if (interrupted) {
        await files.abort();
        bar?.finish();
        process.stderr.write('interrupted: no result file was written under its final name\n');
        return EXIT_INTERRUPTED;
      }
    }
    await files.finish(packageStats(runs), days?.rows() ?? [], options.resolvedText);
    bar?.finish();
    if (!options.quiet) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`${scenario.name}: ${count} replicates in ${seconds}s → ${dir}\n`);
    }
    return EXIT_OK;
  } catch (error) {
    bar?.finish();
    await files.abort();
    throw error;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
