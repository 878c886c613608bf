/**
 * quickstart_wall_time: what a user waits for `npx subnet-sim run scenarios/quickstart.yaml`, measured
 * as the whole child process (node start-up, tsx, module loading, simulation, CSV output, exit).
 */
import { cliArgs, QUICKSTART, runCli } from './cli-process.ts';
import { type BenchSuite, median, round, spread } from './figure.ts';

export const QUICKSTART_WALL_TIME = 'quickstart_wall_time';

/** The promise: the quickstart "runs in a few seconds". */
const TARGET_SECONDS = 5;

export const quickstartWallTime: BenchSuite = {
  names: [QUICKSTART_WALL_TIME],
  async run({ quick, root, log }) {
    // One untimed run first: it fills tsx's transform cache and the OS file cache, so the timed runs
    // see what a user sees from the second run on.
    const warmups = 1;
    const runs = quick ? 1 : 5;
    log(`${QUICKSTART_WALL_TIME}: node ${cliArgs(QUICKSTART, '<tmp>').join(' ')} × ${warmups}+${runs}`);
    for (let k = 0; k < warmups; k++) await runCli({ root });
    const seconds: number[] = [];
    for (let k = 0; k < runs; k++) {
      const { wallMs } = await runCli({ root });
      seconds.push(wallMs / 1000);
      log(`  run ${k + 1}/${runs}: ${(wallMs / 1000).toFixed(2)} s`);
    }
    return [
      {
        name: QUICKSTART_WALL_TIME,
        value: round(median(seconds), 3),
        unit: 's',
        target: TARGET_SECONDS,
        better: 'lower',
        detail: `${spread(seconds, 2, 's')} after ${warmups} untimed run`,
      },
    ];
  },
};
