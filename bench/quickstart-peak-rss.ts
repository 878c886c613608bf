/**
 * quickstart_peak_rss_mb: peak resident memory of the same whole-process quickstart run, read from the
 * child's own high-water mark (VmHWM, see cli-process.ts) by a probe preloaded with `--import`.
 */
import { cliArgs, QUICKSTART, runCli } from './cli-process.ts';
import { type BenchSuite, median, round, spread } from './figure.ts';

export const QUICKSTART_PEAK_RSS = 'quickstart_peak_rss_mb';

/**
 * The first run a newcomer makes must fit a 1 GiB container or free-tier VM (the smallest common size)
 * with half of it left to the OS and the shell.
 */
const TARGET_MB = 512;

export const quickstartPeakRss: BenchSuite = {
  names: [QUICKSTART_PEAK_RSS],
  async run({ quick, root, log }) {
    const runs = quick ? 1 : 3;
    log(
      `${QUICKSTART_PEAK_RSS}: node --import=<rss probe> ${cliArgs(QUICKSTART, '<tmp>').join(' ')} × ${runs}`,
    );
    const mb: number[] = [];
    for (let k = 0; k < runs; k++) {
      const { peakRssMb } = await runCli({ root, measureRss: true });
      if (peakRssMb === undefined) throw new Error('the RSS probe reported nothing');
      mb.push(peakRssMb);
      log(`  run ${k + 1}/${runs}: ${peakRssMb.toFixed(1)} MiB`);
    }
    return [
      {
        name: QUICKSTART_PEAK_RSS,
        value: round(median(mb), 1),
        unit: 'MiB',
        target: TARGET_MB,
        better: 'lower',
        detail: `${spread(mb, 1, 'MiB')}, VmHWM of the CLI process`,
      },
    ];
  },
};
