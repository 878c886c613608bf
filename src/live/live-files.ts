import type { SimulationConfig } from '../engine/config.ts';
import type { Simulation } from '../engine/init.ts';
import type { BlockTick } from '../engine/network/sample.ts';
import type { SimulationEvent } from '../engine/run.ts';
import { BLOCKS_PER_DAY } from '../engine/units.ts';
import { openRunWriter, type RunOutput, type RunWriter } from '../output/run-writer.ts';
import type { PriceShock } from './shocks.ts';
import type { LiveEvent } from './snapshot.ts';

/**
 * A live run's files: what `run` writes (run-writer.ts), streamed as the run goes, plus events.csv (the
 * event log) and a `live` block at the end of summary.json. All appear on commit, or none.
 */
export interface LiveFiles {
  write(event: SimulationEvent | BlockTick): Promise<void>;
  logEvent(event: LiveEvent): Promise<void>;
  commit(
    end: Pick<Simulation, 'state' | 'network' | 'timeline'>,
    block: number,
    complete: boolean,
    shocks: PriceShock[],
  ): Promise<void>;
  abort(): Promise<void>;
}

export async function openLiveFiles(config: SimulationConfig, output: RunOutput): Promise<LiveFiles> {
  const writer: RunWriter = await openRunWriter(config, { ...output, eventLog: true });
  return {
    write: (event) => writer.write(event),
    async logEvent(e) {
      writer.logEvent({
        block: e.block,
        day: Math.floor(e.block / BLOCKS_PER_DAY),
        kind: e.kind,
        netuid: e.netuid ?? -1,
        subject: '',
        amount: Number.NaN,
        detail: e.text,
      });
    },
    async commit(end, block, complete, shocks) {
      await writer.commit(end, block, {
        live: {
          complete,
          stopped_at_block: block,
          shocks: shocks.map((s) => ({
            block: s.block,
            target: s.target,
            change: s.change,
            over_blocks: s.overBlocks,
            source: s.source,
          })),
        },
      });
    },
    abort: () => writer.abort(),
  };
}
