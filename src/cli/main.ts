import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, UsageError } from './exit-codes.ts';
import { TOOL_VERSION } from './tool-version.ts';

/** Entry point: parses arguments, dispatches, and maps every failure to an exit code without a stack trace. */

/** Errors of the user's input or environment (by name, so that their modules load only on use): exit 2, one line. */
const USER_ERRORS = new Set(['ChainError', 'SnapshotFileError', 'SnapshotFieldError']);

/** A parser for an option that takes a whole number from `min` to `max`. */
function wholeNumber(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`a whole number from ${min} to ${max}`);
    return n;
  };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The options `run` and `live` share: where the results go, and what to change in the scenario. */
function scenarioRunOptions(command: Command): Command {
  return command
    .option('--out <dir>', 'write the result files to this folder instead')
    .option('--seed <n>', "replace the scenario's seed", wholeNumber(0, 2 ** 32 - 1))
    .option(
      '--set <path=value>',
      'override a scenario value, e.g. subnets[0].yuma.kappa=0.4 (repeatable)',
      collect,
    );
}

function program(): Command {
  const cli = new Command('subnet-sim')
    .description('Simulate Bittensor-style contribution rewards with the chain’s own mechanics.')
    .version(TOOL_VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  const run = cli
    .command('run')
    .description(
      'run a scenario; writes results/<name>/<run-id>/ (neurons.csv, subnet.csv, network.csv, subnets.csv, summary.json, scenario.resolved.yaml)',
    )
    .argument('<scenario>', 'scenario file (YAML or JSON)');
  scenarioRunOptions(run)
    .option('--quiet', 'print nothing but errors')
    .option(
      '--replicates <n>',
      'Monte Carlo: run it n times (seeds derived from its seed) and write packages.csv, replicates.csv, vest-dates.csv for its contributors',
      wholeNumber(1, 1_000_000),
    )
    .action(async (file: string, options) => {
      // Commands load their modules on use, so --help and --version start fast.
      const { runCommand } = await import('./run.ts');
      process.exitCode = await runCommand(file, options);
    });
  const live = cli
    .command('live')
    .description(
      'watch a scenario run in a full-screen terminal view (keys: space pause, +/- speed, tab subnet, s shock, q quit, ? help); writes what `run` writes plus events.csv to results/<name>/<run-id>-live/; plain progress lines when stdout is not a terminal',
    )
    .argument('<scenario>', 'scenario file (YAML or JSON)');
  scenarioRunOptions(live).action(async (file: string, options) => {
    const { liveCommand } = await import('./live.ts');
    process.exitCode = await liveCommand(file, options);
  });
  cli
    .command('report')
    .description(
      "write report.html for a run's or a sweep's results folder: one self-contained page of charts (uPlot and the data inlined; opens offline)",
    )
    .argument(
      '<results-dir>',
      'a folder written by run (with or without --replicates), live or sweep, e.g. results/quickstart/<run-id>',
    )
    .option('--out <file>', 'write the page here instead of <results-dir>/report.html')
    .option('--quiet', 'print nothing but errors')
    .action(async (dir: string, options) => {
      const { reportCommand } = await import('./report.ts');
      process.exitCode = await reportCommand(dir, options);
    });
  cli
    .command('validate')
    .description('check scenario files and print every problem found (exit 2 if any)')
    .argument('<scenario...>', 'scenario files')
    .option('--set <path=value>', 'apply an override before checking (repeatable)', collect)
    .option('--quiet', 'print only problems')
    .action(async (files: string[], options) => {
      const { validateCommand } = await import('./validate.ts');
      process.exitCode = await validateCommand(files, options);
    });
  cli
    .command('schema')
    .description('print the JSON Schema of scenario files (for editors and YAML language servers)')
    .action(async () => {
      const { schemaCommand } = await import('./schema.ts');
      process.exitCode = schemaCommand();
    });
  cli
    .command('compare')
    .description(
      'run a named Yuma case (scenarios/yuma-cases/*.yaml) under several Yuma versions; writes one CSV (default results/compare/<case>.csv)',
    )
    .argument('<case>', 'case file (YAML), e.g. scenarios/yuma-cases/case-01-kappa-moves-first.yaml')
    .option(
      '--versions <list>',
      'comma-separated: yuma1 (original EMA bonds), yuma3 (Yuma3, liquid alpha off), yuma3-liquid (Yuma3 + liquid alpha: alpha_low 0.1, alpha_high 0.3, steepness 1000). All run the chain Yuma3 tests’ setup: bonds_moving_average 975000 (α 0.025), bonds_penalty 0, kappa 32767/65535, tempo 1, E 1e9',
      'yuma1,yuma3,yuma3-liquid',
    )
    .option('--out <file>', 'write the CSV here instead')
    .option('--quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      '\nCSV: a row per version, epoch and validator — version,epoch,validator,stake,weight_<server>…,dividend,bond_<server>…,incentive_<server>…\n(see the README, "Comparing Yuma versions on the named cases")',
    )
    .action(async (file: string, options) => {
      const { compareCommand } = await import('./compare.ts');
      process.exitCode = await compareCommand(file, options);
    });
  cli
    .command('epoch')
    .description(
      'run an epoch script (the chain-test case format of test/cases/yuma/README.md) and print every epoch’s outputs as JSON',
    )
    .argument('<case>', 'epoch script (JSON or YAML), e.g. test/cases/yuma/test_yuma_3_stable_miner.json')
    .option(
      '--arithmetic <mode>',
      'float (float64, default) or exact (the chain’s I32F32 fixed point: integers equal the chain’s)',
      'float',
    )
    .addHelpText(
      'after',
      '\nJSON: { "steps": [ { "block", stake, active_stake, consensus, validator_trust, incentive, dividends,\nincentive_u16, dividends_u16, emission, server_emission, validator_emission, new_validator_permit,\nbonds_u16 }, … ] }: one entry per step that runs an epoch, keys as the cases\' `reference`',
    )
    .action(async (file: string, options) => {
      const { epochCommand } = await import('./epoch.ts');
      process.exitCode = await epochCommand(file, options);
    });
  cli
    .command('quote')
    .description(
      'quote one stake (TAO in, alpha out) or unstake (alpha in, TAO out) against a subnet pool; prints JSON',
    )
    .argument('<direction>', 'stake or unstake')
    .requiredOption('--tao-reserve <T>', 'TAO in the pool (whole TAO, decimals allowed)')
    .requiredOption('--alpha-reserve <A>', 'alpha in the pool (whole alpha)')
    .requiredOption('--amount <X>', 'TAO to stake or alpha to unstake, fee included (whole units)')
    .option('--fee-rate <F>', 'swap fee, a fraction of the input (default 33/65535 ≈ 0.000504)')
    .option('--alpha-weight <W>', 'the pool’s alpha weight w1, 0.01–0.99 (default 0.5: constant product)')
    .addHelpText(
      'after',
      '\nJSON: { "amount_in", "amount_out", "fee", "price_before", "price_after" }: amounts in whole units\n(the fee in the input token), prices in TAO per alpha (see the README, "Quoting a stake or unstake")',
    )
    .action(async (direction: string, options) => {
      const { quoteCommand } = await import('./quote.ts');
      process.exitCode = quoteCommand(direction, options);
    });
  cli
    .command('sweep')
    .description(
      'run a parameter sweep (sweeps/*.yaml) on worker threads; writes runs.csv, points.csv, manifest.json (and sensitivity.csv for design: sobol) into --out; resumable',
    )
    .argument('<sweep>', 'sweep file (YAML), e.g. sweeps/kappa-vs-cabal.yaml')
    .option('--out <dir>', 'results folder (default results/sweeps/<name>); the same --out resumes')
    .option('--workers <n>', 'worker threads (default: available cores)', wholeNumber(1, 1024))
    .option(
      '--shard <k/N|auto>',
      'run shard k of N (0 ≤ k < N); auto reads JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID',
    )
    .option('--retry-failed', 're-run the runs recorded as failed')
    .option('--keep-runs', "also write each run's files, as `run` does, to <out>/runs/<run index>-<run id>/")
    .option(
      '--progress <mode>',
      'auto (a bar on a terminal), json (a JSON line per update on stdout), none',
      'auto',
    )
    .option('--quiet', 'print nothing but errors')
    .action(async (file: string, options) => {
      const { sweepCommand } = await import('./sweep.ts');
      process.exitCode = await sweepCommand(file, options);
    });
  cli
    .command('merge')
    .description(
      'merge shard folders of one sweep into one result (the runs.csv the unsharded sweep would write)',
    )
    .argument('<shards...>', "the shards' --out folders")
    .requiredOption('--out <dir>', 'folder for the merged result')
    .action(async (shards: string[], options) => {
      const { mergeCommand } = await import('./merge.ts');
      process.exitCode = await mergeCommand(shards, options);
    });
  const replay = cli
    .command('replay')
    .description(
      'pull a subnet’s metagraph from the Bittensor chain (fetch), run our epoch on it against the chain’s results (check), or under other parameters (run)',
    );
  replay
    .command('fetch')
    .description(
      'snapshots of a subnet over a range of blocks → JSON Lines (one line per block); resumes an interrupted fetch',
    )
    .requiredOption('--endpoint <url>', 'node WebSocket URL, e.g. wss://archive.chain.opentensor.ai:443')
    .requiredOption('--netuid <n>', 'subnet id')
    .requiredOption(
      '--from <block>',
      'first block, or head (the latest finalized block; a lite node keeps ~300)',
    )
    .option('--to <block>', 'last block (default: --from)')
    .option('--every <n|tempo>', 'a snapshot every n blocks, or before every epoch (tempo)', 'tempo')
    .option('--what <part>', 'metagraph, weights (Weights, Bonds, hyper-parameters) or all', 'all')
    .requiredOption('--out <file>', 'JSON Lines file to write or resume')
    .option(
      '--rps <r>',
      'requests per second (default 1 for remote nodes, no limit on this machine; 0: none)',
    )
    .option('--mechid <id>', 'mechanism (sub-subnet) id', '0')
    .option('--quiet', 'print nothing but errors')
    .action(async (options) => {
      const { replayFetchCommand } = await import('./replay-fetch.ts');
      process.exitCode = await replayFetchCommand(options);
    });
  replay
    .command('check')
    .description(
      'run our epoch on each pair of snapshots around an epoch and compare incentive, dividends and bonds with the chain’s (u16 units); writes check.csv',
    )
    .argument('<snapshots>', 'JSON Lines file written by `replay fetch`')
    .option('--out <file>', 'CSV to write (default results/replay/<file name>/check.csv)')
    .option('--arithmetic <mode>', 'exact (the chain’s fixed point, default) or float', 'exact')
    .option('--quiet', 'print nothing but errors')
    .action(async (file: string, options) => {
      const { replayCheckCommand } = await import('./replay-check.ts');
      process.exitCode = await replayCheckCommand(file, options);
    });
  replay
    .command('run')
    .description(
      'a counterfactual on the chain’s inputs: each snapshot’s epoch under changed parameters; writes neurons.csv, subnet.csv, summary.json as `run` does',
    )
    .argument('<snapshots>', 'JSON Lines file written by `replay fetch`')
    .option(
      '--set <path=value>',
      'change a Yuma parameter, e.g. yuma.version=yuma3, yuma.kappa=0.4, yuma.liquid_alpha.enabled=true (repeatable)',
      collect,
    )
    .option('--out <dir>', 'folder for the files (default results/replay/<file name>/<changes>/)')
    .option('--arithmetic <mode>', 'float (default) or exact (the chain’s fixed point)', 'float')
    .option('--quiet', 'print nothing but errors')
    .action(async (file: string, options) => {
      const { replayRunCommand } = await import('./replay-run.ts');
      process.exitCode = await replayRunCommand(file, options);
    });
  return cli;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage problem.
      return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    }
    if (error instanceof UsageError || (error instanceof Error && USER_ERRORS.has(error.name))) {
      process.stderr.write(`error: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`internal error: ${message}\n(set SUBNET_SIM_DEBUG=1 for the stack trace)\n`);
    if (process.env.SUBNET_SIM_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return EXIT_INTERNAL;
  }
}

process.exitCode = await main(process.argv.slice(2));
