import { grantLines, taoUsdAt } from '../engine/compensation/snapshot.ts';
import type { SimulationConfig } from '../engine/config.ts';
import type { RunEvent } from '../engine/events.ts';
import type { BlockTick } from '../engine/network/sample.ts';
import { runSimulation } from '../engine/run.ts';
import { injectPriceShock } from '../engine/shocks/price-shocks.ts';
import type { TimelineState } from '../engine/timeline.ts';
import { BLOCKS_PER_DAY, RAO_PER_ALPHA } from '../engine/units.ts';
import type { RunOutput } from '../output/run-writer.ts';
import { subnetLines, topMiners, topValidators } from './build-snapshot.ts';
import { createEventDetector, type FoundEvent } from './event-detector.ts';
import { type LiveFiles, openLiveFiles } from './live-files.ts';
import { Pace, RateMeter } from './pace.ts';
import { Ring } from './ring.ts';
import { describeShock, liveShock, type PriceShock, shockFactor } from './shocks.ts';
import { simulatedDate } from './simulated-date.ts';
import type { ContributorLine, LiveEvent, LiveEventKind, LiveSnapshot, LiveStatus } from './snapshot.ts';
import { clampSpeed, DEFAULT_SPEED, SPEEDS, speedLabel } from './speed.ts';
import { SubnetBoard } from './subnet-board.ts';

/**
 * A simulation run the live view can watch and steer. The engine is stepped block by block in slices of
 * at most SLICE_MS on this thread, paced to the chosen speed, so key presses and redraws get through
 * between slices. Results stream into the run's files as `run` writes them (plus events.csv, the event
 * log); quit() writes what has run so far.
 */
export type LiveCommand = 'toggle-pause' | 'faster' | 'slower' | 'next-subnet' | 'previous-subnet' | 'shock';

/** Data beyond the engine's. */
export interface LiveSources {
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
const REDRAW_MS = 100;
const LOG_KEPT = 50;

/** Days of USD value kept per grant for the contributors panel's sparklines. */
const GRANT_HISTORY = 60;
const SHOCKS = new Set([
  'tao_usd',
  'sell_pressure',
  'stake_flight',
  'validator_leaves',
  'validator_arrives',
  'cabal_forms',
  'miner_quality',
]);

/** The live log's kind for an event of the engine's log (events.ts). */
function liveKind(e: RunEvent): LiveEventKind {
  if (SHOCKS.has(e.kind)) return 'shock';
  return e.kind.startsWith('milestone') ? 'milestone' : 'note';
}

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
  const pace = new Pace(clock.now);
  const meter = new RateMeter();
  const shocks: PriceShock[] = [];
  const log: LiveEvent[] = [];
  /** How much of the engine's event log (timeline.events) the live log has shown. */
  let engineEventsShown = 0;
  const grantHistory = new Map<string, Ring>();
  const listeners = new Set<() => void>();
  const eventListeners = new Set<(event: LiveEvent) => void>();
  const dayListeners = new Set<(block: number) => void>();
  let files: LiveFiles | undefined;
  let tick: BlockTick | null = null;
  let ended = false;
  let status: LiveStatus = 'running';
  let message = '';
  let speed = clampSpeed(options.speed ?? DEFAULT_SPEED);
  let selected = 0;
  let logged = 0;
  let lastNotify = Number.NEGATIVE_INFINITY;
  let scheduled = false;
  let slicing: Promise<void> | null = null;
  let outcome: Promise<LiveOutcome> | null = null;
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

  /** Logs an event; `toFiles` false for the engine's own events, which the writer takes from the engine. */
  const record = async (found: FoundEvent, toFiles = true) => {
    const event: LiveEvent = { id: logged++, ...found };
    log.push(event);
    if (log.length > 4 * LOG_KEPT) log.splice(0, log.length - LOG_KEPT);
    if (toFiles) await files?.logEvent(event);
    for (const listener of eventListeners) listener(event);
  };

  /** Shows what the engine logged since last time (scripted shocks, regime changes, contributors' events). */
  const showEngineEvents = async (timeline: TimelineState | undefined) => {
    if (timeline === undefined) return;
    const { events } = timeline;
    for (; engineEventsShown < events.length; engineEventsShown++) {
      const e = events[engineEventsShown];
      const found = { block: e.block, kind: liveKind(e), netuid: e.netuid >= 0 ? e.netuid : null };
      await record({ ...found, text: e.detail }, false);
    }
  };

  const grantLinesOf = (timeline: TimelineState | undefined) => {
    const compensation = timeline?.compensation;
    if (compensation === undefined || compensation === null) return undefined;
    return grantLines(compensation, (k) => config.subnets[k].netuid);
  };

  const contributorLines = (timeline: TimelineState | undefined): ContributorLine[] | undefined =>
    grantLinesOf(timeline)?.map((line) => ({
      ...line,
      history: grantHistory.get(line.name)?.toArray() ?? [],
    }));

  /** At each day's end: the grants' USD value joins their sparklines. */
  const recordGrantDay = (timeline: TimelineState | undefined) => {
    for (const line of grantLinesOf(timeline) ?? []) {
      const ring = grantHistory.get(line.name) ?? new Ring(GRANT_HISTORY);
      grantHistory.set(line.name, ring);
      ring.push(line.usd ?? 0);
    }
  };

  /** Runs the engine to the end of the next block; false once the run has no block left. */
  const stepBlock = async (): Promise<boolean> => {
    for (;;) {
      const step = run.next();
      if (step.done) return false;
      const event = step.value;
      await files!.write(event);
      if (event.kind === 'epoch') boards[indexOf.get(event.netuid)!].recordEpoch(event);
      else if (event.kind === 'day') recordGrantDay(tick?.timeline);
      else if (event.kind === 'sample') {
        for (let k = 0; k < boards.length; k++) boards[k].recordSample(event, k);
      } else {
        tick = event;
        for (const found of detect(event)) await record(found);
        await showEngineEvents(event.timeline);
        if (event.block % BLOCKS_PER_DAY === 0 || event.block === config.blocks) {
          for (const listener of dayListeners) listener(event.block);
        }
        return true;
      }
    }
  };

  /** Settles the run once: its files written (or why not). */
  const finish = (write: () => Promise<LiveOutcome>): Promise<LiveOutcome> => {
    outcome ??= write().then((result) => {
      status = result.status;
      message = result.status === 'written' ? result.dir : (result.error ?? '');
      notify(true);
      settle(result);
      return result;
    });
    return outcome;
  };

  const failed = async (error: unknown): Promise<LiveOutcome> => {
    await files?.abort();
    const block = tick?.block ?? 0;
    return { status: 'failed', dir: output.dir, block, complete: false, error: (error as Error).message };
  };

  const commit = () =>
    finish(async () => {
      status = 'writing';
      notify(true);
      const block = tick?.block ?? 0;
      try {
        if (tick === null) throw new Error('no block was simulated');
        await files!.commit(tick, block, ended, shocks);
        return { status: 'written', dir: output.dir, block, complete: ended };
      } catch (error) {
        return failed(error);
      }
    });

  /** One block; at the run's end, writes the results and returns false. */
  const advance = async (): Promise<boolean> => {
    if (await stepBlock()) return true;
    ended = true;
    status = 'finished';
    await commit();
    return false;
  };

  const slice = async () => {
    const start = clock.now();
    const bps = SPEEDS[speed];
    pace.earn(bps);
    while (status === 'running' && pace.canStep(bps) && clock.now() - start < SLICE_MS) {
      if (!(await advance())) return;
      pace.spend();
    }
    meter.observe(clock.now(), tick?.block ?? 0);
    notify(false);
  };

  const schedule = () => {
    if (scheduled || slicing !== null || status !== 'running') return;
    scheduled = true;
    clock.later(() => {
      scheduled = false;
      if (status !== 'running') return;
      slicing = slice()
        // An engine or disk failure: nothing half-written is left, and the session says what failed.
        .catch((error: unknown) => void finish(() => failed(error)))
        .finally(() => {
          slicing = null;
          schedule();
        });
    }, pace.wait(SPEEDS[speed]));
  };

  /** What the machine manages, when it falls short of the chosen speed (or runs at max). */
  const lag = () => {
    const { rate } = meter;
    if (status !== 'running' || rate === null || rate >= 0.8 * SPEEDS[speed]) return '';
    return ` · ${Math.round(rate).toLocaleString('en-US')} blk/s ${Number.isFinite(SPEEDS[speed]) ? 'reached' : ''}`.trimEnd();
  };

  /**
   * The `s` key: TAO/USD −30 % after the current block, as a scripted shock at that block would be (the
   * engine moves the rest of the path and logs it). Without a price path only the log records it.
   */
  const applyShock = async () => {
    const shock = liveShock(tick?.block ?? 0);
    shocks.push(shock);
    const timeline = tick?.timeline;
    if (timeline === undefined) {
      const text = `${describeShock(shock)}; the scenario has no TAO/USD path (market:) to move`;
      await record({ block: shock.block, kind: 'shock', netuid: null, text });
      return;
    }
    injectPriceShock(timeline, {
      kind: 'tao_usd',
      block: shock.block,
      overBlocks: shock.overBlocks,
      change: shock.change,
      label: 'applied live',
    });
    await showEngineEvents(timeline);
  };

  return {
    async start() {
      files = await openLiveFiles(config, output);
      // The first block at once, so the first frame has a state to show.
      if (!(await advance())) return;
      pace.restart();
      schedule();
      notify(true);
    },

    snapshot() {
      const block = tick?.block ?? 0;
      const factor = shockFactor(shocks, block);
      const timeline = tick?.timeline;
      const contributors = contributorLines(timeline);
      const emission = tick === null ? 0 : tick.network.blockEmission;
      const subnet = tick?.state.subnets[selected];
      return {
        scenario: options.scenario,
        block,
        blocks: config.blocks,
        date: simulatedDate(block, sources.startDate),
        status,
        message,
        speed: speedLabel(speed) + lag(),
        taoUsd: timeline === undefined ? null : taoUsdAt(timeline, block),
        shockFactor: factor,
        blockEmission: emission / RAO_PER_ALPHA,
        era: config.network.era,
        halvings: emission > 0 ? Math.round(Math.log2(RAO_PER_ALPHA / emission)) : 0,
        subnets: tick === null ? [] : subnetLines(tick, boards),
        selected,
        miners: subnet === undefined ? [] : topMiners(subnet, boards[selected]),
        validators: subnet === undefined ? [] : topValidators(subnet, boards[selected]),
        ...(contributors === undefined ? {} : { contributors }),
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
        pace.restart();
        meter.reset();
        schedule();
      } else if (command === 'faster' || command === 'slower') {
        speed = clampSpeed(speed + (command === 'faster' ? 1 : -1));
        pace.settle();
        meter.reset();
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
