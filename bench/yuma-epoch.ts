/**
 * yuma_epoch_64x256_{yuma3,yuma1}_per_second: float Yuma epochs per second at full subnet size (256
 * uids, 64 permitted validators weighting 192 miners, carried-over bonds), one tinybench task per
 * version. Input built once per version by epoch-input.ts (untimed); every iteration is one runEpoch.
 */
import { runEpoch } from '../src/engine/yuma/epoch.ts';
import type { YumaParams } from '../src/engine/yuma/types.ts';
import { benchParams, makeEpochInput, SHAPE_64X256 } from './epoch-input.ts';
import { type BenchSuite, type Figure, round } from './figure.ts';
import { timeCalls } from './time-calls.ts';

const VERSIONS = ['yuma3', 'yuma1'] as const satisfies readonly YumaParams['version'][];

export const epochFigureName = (version: YumaParams['version']) =>
  `yuma_epoch_${SHAPE_64X256.validators}x${SHAPE_64X256.n}_${version}_per_second`;

/**
 * A year of one full subnet at tempo 360 is 7 300 epochs: at 1 000 epochs/s that is ~7 s of Yuma, so a
 * year-long run stays a matter of seconds, and a 100-run parameter sweep of it about 12 minutes of CPU.
 */
const TARGET_EPOCHS_PER_SECOND = 1000;

export const yumaEpoch: BenchSuite = {
  names: VERSIONS.map(epochFigureName),
  async run({ quick, log }) {
    const options = {
      time: quick ? 250 : 5000,
      iterations: quick ? 20 : 1000,
      warmupTime: quick ? 100 : 1000,
      warmupIterations: quick ? 10 : 200,
    };
    log(
      `yuma epoch ${SHAPE_64X256.validators}x${SHAPE_64X256.n}: tinybench, ${options.warmupTime} ms warm-up, then ≥ ${options.time} ms and ≥ ${options.iterations} iterations per version`,
    );
    const figures: Figure[] = [];
    for (const version of VERSIONS) {
      const name = epochFigureName(version);
      const params = benchParams(version);
      const input = makeEpochInput(params);
      const { latency, cpuPerCallUs: cpuPerCall } = await timeCalls(
        name,
        () => runEpoch(input, params),
        options,
      );
      log(`  ${version}: median ${(latency.p50 * 1000).toFixed(0)} µs, ${latency.samplesCount} iterations`);
      figures.push({
        name,
        // Median latency is robust to GC pauses and to other processes on the machine.
        value: round(1000 / latency.p50, 0),
        unit: 'epochs/s',
        target: TARGET_EPOCHS_PER_SECOND,
        better: 'higher',
        detail:
          `1000 / median latency ${(latency.p50 * 1000).toFixed(0)} µs over ${latency.samplesCount} iterations ` +
          `(mean ${(latency.mean * 1000).toFixed(0)} µs ± ${latency.rme.toFixed(1)} %, p99 ${(latency.p99 * 1000).toFixed(0)} µs; ` +
          `CPU ${cpuPerCall.toFixed(0)} µs per epoch incl. GC and warm-up)`,
      });
    }
    return figures;
  },
};
