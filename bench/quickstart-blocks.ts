/**
 * quickstart_blocks_per_second: the engine alone on the quickstart, in this process: the scenario is
 * loaded and compiled once (untimed), then each run drains runSimulation(config) (state set-up, every
 * block, every epoch) without metrics or file output.
 */
import { join } from 'node:path';
import { runSimulation } from '../src/engine/run.ts';
import { compileScenario } from '../src/scenario/compile.ts';
import { loadScenarioFile } from '../src/scenario/load.ts';
import { QUICKSTART } from './cli-process.ts';
import { type BenchSuite, median, spread } from './figure.ts';

export const QUICKSTART_BLOCKS_PER_SECOND = 'quickstart_blocks_per_second';

/**
 * A year of one subnet (2 628 000 blocks) within a minute, which also keeps the 7-day quickstart's
 * 50 400 blocks to about a second of the 5 s wall-time budget.
 */
const TARGET_BLOCKS_PER_SECOND = 50_000;

export const quickstartBlocks: BenchSuite = {
  names: [QUICKSTART_BLOCKS_PER_SECOND],
  async run({ quick, root, log }) {
    const loaded = await loadScenarioFile(join(root, QUICKSTART));
    if (!loaded.ok) throw new Error(`${QUICKSTART} does not load: ${JSON.stringify(loaded.problems)}`);
    const config = compileScenario(loaded.scenario);
    // The first run compiles the engine's hot loops; it is timed but not counted.
    const warmups = 1;
    const runs = quick ? 1 : 5;
    log(`${QUICKSTART_BLOCKS_PER_SECOND}: runSimulation(${QUICKSTART}) × ${warmups}+${runs}, in process`);
    const rates: number[] = [];
    const cpuSeconds: number[] = [];
    let epochs = 0;
    for (let k = 0; k < warmups + runs; k++) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      epochs = 0;
      const run = runSimulation(config);
      while (!run.next().done) epochs++;
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      if (k >= warmups) {
        rates.push(config.blocks / seconds);
        cpuSeconds.push((cpu.user + cpu.system) / 1e6);
        log(`  run ${k - warmups + 1}/${runs}: ${seconds.toFixed(3)} s`);
      }
    }
    return [
      {
        name: QUICKSTART_BLOCKS_PER_SECOND,
        value: Math.round(median(rates)),
        unit: 'blocks/s',
        target: TARGET_BLOCKS_PER_SECOND,
        better: 'higher',
        detail: `${spread(rates, 0, 'blocks/s')}; ${config.blocks} blocks, ${epochs} epochs per run, median CPU ${median(cpuSeconds).toFixed(3)} s`,
      },
    ];
  },
};
