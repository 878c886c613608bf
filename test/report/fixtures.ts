import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOOL_VERSION } from '../../src/cli/tool-version.ts';
import { writeRun } from '../../src/output/write-run.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { inlineExecutor } from '../../src/sweep/executor.ts';
import { loadPlan } from '../../src/sweep/plan.ts';
import { runSweep } from '../../src/sweep/run-sweep.ts';
import { ROOT } from '../cli/fixtures/cli.ts';

/**
 * Results folders for the report tests: a real run (tiny scenario) and a real Sobol sweep, plus
 * synthetic compensation files (contributors.csv, packages.csv, kept runs' contributors.csv) of the
 * shape report/grant-columns.ts reads, until the compensation issue writes real ones.
 */

/** A run of the CLI's tiny scenario, with a contributors.csv (alice holds two grants) and a packages.csv. */
export async function runFolder(dir: string): Promise<void> {
  const loaded = await loadScenarioFile(join(ROOT, 'test/cli/fixtures/tiny.yaml'), {});
  if (!loaded.ok) throw new Error('tiny.yaml is invalid');
  await writeRun(compileScenario(loaded.scenario), {
    dir,
    resolvedText: '',
    header: { scenario: loaded.scenario.name, run_id: 'fixture', tool_version: TOOL_VERSION },
  });
  writeFileSync(
    join(dir, 'contributors.csv'),
    'day,contributor,grant,vested,unvested,paper_usd\n' +
      '0,alice,a1,0,100,1000\n0,alice,a2,0,50,500\n0,bob,b1,0,10,300\n' +
      '1,alice,a1,10,90,900\n1,alice,a2,5,45,450\n1,bob,b1,1,9,240\n',
  );
  writeFileSync(
    join(dir, 'packages.csv'),
    'day,package,p5,p25,p50,p75,p95\n0,alice,1500,1500,1500,1500,1500\n1,alice,700,1000,1350,1600,2100\n',
  );
}

/** The Sobol sweep fixture run in this thread, with contributors.csv in 5 kept-run folders (values 10…50). */
export async function sweepFolder(dir: string): Promise<void> {
  const loaded = await loadPlan(join(ROOT, 'test/sweep/fixtures/sobol.yaml'), TOOL_VERSION);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  await runSweep(loaded.value, {
    out: dir,
    shard: null,
    retryFailed: false,
    executor: inlineExecutor(),
    inFlight: 2,
  });
  for (let run = 0; run < 5; run++) {
    const folder = join(dir, 'runs', `${run}-fixture`);
    mkdirSync(folder, { recursive: true });
    const value = 10 * (run + 1);
    writeFileSync(
      join(folder, 'contributors.csv'),
      `day,contributor,paper_usd\n0,alice,100\n1,alice,${value}\n2,alice,${2 * value}\n`,
    );
  }
}
