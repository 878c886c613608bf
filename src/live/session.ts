import { join } from 'node:path';
import type { SimulationConfig } from '../engine/config.ts';
import type { BlockTick } from '../engine/network/sample.ts';
import { runSimulation } from '../engine/run.ts';
import { BLOCKS_PER_DAY, RAO_PER_ALPHA } from '../engine/units.ts';
import { type CsvSink, createCsvSink } from '../output/csv-sink.ts';
import { openRunWriter, type RunOutput, type RunWriter } from '../output/run-writer.ts';
import { subnetLines, topMiners, topValidators } from './build-snapshot.ts';
import { createEventDetector, type FoundEvent } from './event-detector.ts';
import { describeShock, liveShock, type PriceShock, shockFactor } from './shocks.ts';
import { simulatedDate } from './simulated-date.ts';
import type { ContributorLine, LiveEvent, LiveSnapshot, LiveStatus } from './snapshot.ts';
import { clampSpeed, DEFAULT_SPEED, SPEEDS, speedLabel } from './speed.ts';
import { SubnetBoard } from './subnet-board.ts';

/**
 * A simulation run the live view can watch and steer. The engine is stepped block by block in slices of
 * at most SLICE_MS on this thread, paced to the chosen speed, so key presses and redraws get through
 * between slices. Results stream into the run's files as `run` writes them (plus events.csv, the event
 * log); quit() writes what has run so far.
 */
export type LiveCommand = 'toggle-pause' | 'faster' | 'slower' | 'next-subnet' | 'previous-subnet' | 'shock';

/** Data beyond the engine's, shown when the scenario provides it (compensation). */
export interface LiveSources {
  /** TAO/USD at a block before live shocks, when the scenario has a price path. */
  taoUsd?: (block: number) => number;
  /** The grants at a block, when the scenario has contributors. */
  contributors?: (block: number) => ContributorLine[];
  /** Calendar date (ISO 8601) of block 0. */
  startDate?: string;
}

/** Time, injected so tests step the session by hand. */
export interface LiveClock {
  now(): number;
  later(run: () => void, ms: number): void;
}

export interface LiveSessionOptions {
  config: SimulationConfig;
  scenario: string;
  output: RunOutput;
  sources?: LiveSources;
  /** Index into SPEEDS. */
  speed?: number;
  clock?: LiveClock;
}

export interface LiveOutcome {
  status: 'written' | 'failed';
  dir: string;
  /** Blocks run, and whether that is the whole run. */
  block: number;
  complete: boolean;
  error?: string;
}

export interface LiveSession {
  /** Opens the result files, simulates the first block and starts stepping. */
  start(): Promise<void>;
  snapshot(): LiveSnapshot;
  /** Called when there is something new to draw: at most 10 times a second, and after every command. */
  subscribe(listener: () => void): () => void;
  /** Called with each event as it is logged. */
  onEvent(listener: (event: LiveEvent) => void): () => void;
  /** Called at the end of each simulated day (every BLOCKS_PER_DAY blocks) and of the last block. */
  onDay(listener: (block: number) => void): () => void;
  command(command: LiveCommand): void;
  /** Stops stepping and writes the results so far (at once if the run has ended and been written). */
  quit(): Promise<LiveOutcome>;
  /** Settles once the results are written, whether the run ended or was quit. */
  readonly written: Promise<LiveOutcome>;
}

export const SLICE_MS = 25;
export const EVENTS_COLUMNS = ['block', 'kind', 'netuid', 'detail'] as const;
const REDRAW_MS = 100;
const LOG_KEPT = 50;

const realClock: LiveClock = {
  now: () => performance.now(),
  later: (run, ms) => void setTimeout(run, ms),
};

export function createLiveSession(options: LiveSessionOptions): LiveSession {
  const { config, output } = options;
  const sources = options.sources ?? {};
  const clock = options.clock ?? realClock;
  const run = runSimulation(config, { ticks: true });
  const boards = config.subnets.map((s) => new SubnetBoard(s.maxUids));
  const indexOf = new Map(config.subnets.map((s, k) => [s.netuid, k]));
  const detect = createEventDetector(config);
  const shocks: PriceShock[] = [];
  const log: LiveEvent[] = [];
  const listeners = new Set<() => void>();
  const eventListeners = new Set<(event: LiveEvent) => void>();
  const dayListeners = new Set<(block: number) => void>();
  let writer: RunWriter | undefined;
  let eventsFile: CsvSink | undefined;
  let tick: BlockTick | null = null;
  let ended = false;
  let status: LiveStatus = 'running';
  let message = '';
  let speed = clampSpeed(options.speed ?? DEFAULT_SPEED);
  let selected = 0;
  let credit = 0;
  let last = 0;
  let lastNotify = Number.NEGATIVE_INFINITY;
  let scheduled = false;
  let slicing: Promise<void> | null = null;
  let committing: Promise<LiveOutcome> | null = null;
  let settle: (outcome: LiveOutcome) => void = () => {};
  const written = new Promise<LiveOutcome>((resolve) => {
    settle = resolve;
  });

  const notify = (force: boolean) => {
    const t = clock.now();
    if (!force && t - lastNotify < REDRAW_MS) return;
    lastNotify = t;
    for (const listener of listeners) listener();
  };

  let logged = 0;
  const record = async (found: FoundEvent) => {
    const event: LiveEvent = { id: logged++, ...found };
    log.push(event);
    if (log.length > 4 * LOG_KEPT) log.splice(0, log.length - LOG_KEPT);
    await eventsFile?.write([event.block, event.kind, event.netuid ?? '', event.text]);
    for (const listener of eventListeners) listener(event);
  };

  /** Runs the engine to the end of the next block; false once the run has no block left. */
  const stepBlock = async (): Promise<boolean> => {
    for (;;) {
      const step = run.next();
      if (step.done) return false;
      const event = step.value;
      await writer!.write(event);
      if (event.kind === 'epoch') boards[indexOf.get(event.netuid)!].recordEpoch(event);
      else if (event.kind === 'sample') {
        for (let k = 0; k < boards.length; k++) boards[k].recordSample(event, k);
      } else {
        tick = event;
        for (const found of detect(event)) await record(found);
        if (event.block % BLOCKS_PER_DAY === 0 || event.block === config.blocks) {
          for (const listener of dayListeners) listener(event.block);
        }
        return true;
      }
    }
  };

  const commit = (): Promise<LiveOutcome> => {
    committing ??= (async (): Promise<LiveOutcome> => {
      const block = tick?.block ?? 0;
      const complete = ended;
      status = 'writing';
      notify(true);
      try {
        if (tick === null) throw new Error('no block was simulated');
        await eventsFile!.commit();
        await writer!.commit(tick, block, {
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
        status = 'written';
        message = output.dir;
        return { status: 'written', dir: output.dir, block, complete };
      } catch (error) {
        await Promise.allSettled([writer?.abort(), eventsFile?.abort()]);
        status = 'failed';
        message = (error as Error).message;
        return { status: 'failed', dir: output.dir, block, complete, error: message };
      } finally {
        notify(true);
      }
    })();
    committing.then(settle);
    return committing;
  };

  const slice = async () => {
    const start = clock.now();
    const bps = SPEEDS[speed];
    // Credit in blocks earned since the last slice, capped so a slow slice is not made up in a burst.
    if (Number.isFinite(bps))
      credit = Math.min(credit + ((start - last) * bps) / 1000, Math.max(1, bps / 10));
    last = start;
    while (status === 'running') {
      if (Number.isFinite(bps) && credit < 1) break;
      if (clock.now() - start >= SLICE_MS) break;
      if (!(await stepBlock())) {
        ended = true;
        status = 'finished';
        await commit();
        return;
      }
      credit -= 1;
    }
    notify(false);
  };

  const schedule = () => {
    if (scheduled || slicing !== null || status !== 'running') return;
    scheduled = true;
    const bps = SPEEDS[speed];
    const wait =
      Number.isFinite(bps) && credit < 1 ? Math.min(100, Math.max(1, ((1 - credit) * 1000) / bps)) : 0;
    clock.later(() => {
      scheduled = false;
      if (status !== 'running') return;
      slicing = slice()
        .catch(async (error: unknown) => {
          // An engine or disk failure: keep nothing half-written, say what failed.
          await Promise.allSettled([writer?.abort(), eventsFile?.abort()]);
          status = 'failed';
          message = (error as Error).message;
          committing ??= Promise.resolve({
            status: 'failed',
            dir: output.dir,
            block: tick?.block ?? 0,
            complete: false,
            error: message,
          });
          committing.then(settle);
          notify(true);
        })
        .finally(() => {
          slicing = null;
          schedule();
        });
    }, wait);
  };

  const applyShock = async () => {
    const shock = liveShock(tick?.block ?? 0);
    shocks.push(shock);
    await record({ block: shock.block, kind: 'shock', netuid: null, text: describeShock(shock) });
  };

  return {
    async start() {
      writer = await openRunWriter(config, output);
      eventsFile = createCsvSink(join(output.dir, 'events.csv'), EVENTS_COLUMNS);
      // The first block at once, so the first frame has a state to show.
      if (!(await stepBlock())) {
        ended = true;
        status = 'finished';
        await commit();
        return;
      }
      last = clock.now();
      schedule();
      notify(true);
    },

    snapshot() {
      const block = tick?.block ?? 0;
      const factor = shockFactor(shocks, block);
      const base = sources.taoUsd?.(block);
      const emission = tick === null ? 0 : tick.network.blockEmission;
      const subnet = tick?.state.subnets[selected];
      return {
        scenario: options.scenario,
        block,
        blocks: config.blocks,
        date: simulatedDate(block, sources.startDate),
        status,
        message,
        speed: speedLabel(speed),
        taoUsd: base === undefined ? null : base * factor,
        shockFactor: factor,
        blockEmission: emission / RAO_PER_ALPHA,
        era: config.network.era,
        halvings: emission > 0 ? Math.round(Math.log2(RAO_PER_ALPHA / emission)) : 0,
        subnets: tick === null ? [] : subnetLines(tick, boards),
        selected,
        miners: subnet === undefined ? [] : topMiners(subnet, boards[selected]),
        validators: subnet === undefined ? [] : topValidators(subnet, boards[selected]),
        ...(sources.contributors === undefined ? {} : { contributors: sources.contributors(block) }),
        events: log.slice(-LOG_KEPT),
      };
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },

    onDay(listener) {
      dayListeners.add(listener);
      return () => dayListeners.delete(listener);
    },

    command(command) {
      const count = config.subnets.length;
      if (command === 'toggle-pause' && (status === 'running' || status === 'paused')) {
        status = status === 'running' ? 'paused' : 'running';
        last = clock.now();
        credit = 0;
        schedule();
      } else if (command === 'faster' || command === 'slower') {
        speed = clampSpeed(speed + (command === 'faster' ? 1 : -1));
        credit = Math.min(credit, 1);
      } else if (command === 'next-subnet') selected = (selected + 1) % count;
      else if (command === 'previous-subnet') selected = (selected - 1 + count) % count;
      else if (command === 'shock' && (status === 'running' || status === 'paused')) {
        applyShock().catch(() => undefined); // a write failure surfaces when the files are committed
      }
      notify(true);
    },

    async quit() {
      if (status === 'running' || status === 'paused') status = 'writing';
      while (slicing !== null) await slicing;
      return commit();
    },

    written,
  };
}
