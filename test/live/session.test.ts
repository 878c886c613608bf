import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulationConfig } from '../../src/engine/config.ts';
import {
  createLiveSession,
  type LiveClock,
  type LiveSession,
  type LiveSessionOptions,
} from '../../src/live/session.ts';
import { SPEEDS } from '../../src/live/speed.ts';
import { writeRun } from '../../src/output/write-run.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';

/**
 * The live session on a scenario with registrations, prunings and a halving, driven by a hand-moved
 * clock: a run to the end writes exactly what `run` writes (plus events.csv and summary.json's live
 * block); pace, pause, speed, selection and shocks; quitting writes the blocks run so far.
 */

const FIXTURE = join(import.meta.dirname, 'fixtures/live.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'subnet-sim-live-'));
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const CSVS = ['neurons.csv', 'subnet.csv', 'network.csv', 'subnets.csv'];
let config: SimulationConfig;

beforeAll(async () => {
  const loaded = await loadScenarioFile(FIXTURE, {});
  if (!loaded.ok) throw new Error('fixture scenario is invalid');
  config = compileScenario(loaded.scenario);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A clock the test moves: `later` callbacks wait in a queue until step() runs the next one. */
function handClock() {
  let t = 0;
  const queue: { at: number; run: () => void }[] = [];
  const clock: LiveClock = { now: () => t, later: (run, ms) => void queue.push({ at: t + ms, run }) };
  return {
    clock,
    now: () => t,
    pending: () => queue.length,
    /** Runs the next callback at its time and waits for the slice it starts to schedule the next one. */
    async step(session: LiveSession) {
      const next = queue.shift();
      if (next === undefined) return false;
      t = Math.max(t, next.at);
      next.run();
      const status = () => session.snapshot().status;
      for (let i = 0; i < 10_000 && queue.length === 0 && ['running'].includes(status()); i++) {
        await new Promise((r) => setImmediate(r));
      }
      return true;
    },
  };
}

function session(name: string, more: Partial<LiveSessionOptions> = {}) {
  return createLiveSession({
    config,
    scenario: 'live-test',
    output: { dir: join(tmp, name), resolvedText: 'resolved\n', header: { scenario: 'live-test' } },
    ...more,
  });
}

describe('a live run to the end', () => {
  let dir: string;
  let live: LiveSession;

  beforeAll(async () => {
    dir = join(tmp, 'full');
    const hand = handClock();
    live = session('full', { speed: SPEEDS.length - 1, clock: hand.clock });
    await live.start();
    while (await hand.step(live)) {}
    await live.written;
    await writeRun(config, {
      dir: join(tmp, 'run'),
      resolvedText: 'resolved\n',
      header: { scenario: 'live-test' },
    });
  });

  it('writes the same result files as `run`, byte for byte', () => {
    for (const file of [...CSVS, 'scenario.resolved.yaml'])
      expect(read(dir, file)).toBe(read(join(tmp, 'run'), file));
    const { live: block, ...summary } = JSON.parse(read(dir, 'summary.json'));
    expect(summary).toEqual(JSON.parse(read(join(tmp, 'run'), 'summary.json')));
    expect(block).toEqual({ complete: true, stopped_at_block: config.blocks, shocks: [] });
  });

  it('logs every registration and pruning the engine counted, and the halving where network.csv shows it', () => {
    const events = read(dir, 'events.csv')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const summary = JSON.parse(read(dir, 'summary.json'));
    const registered = summary.subnets.reduce(
      (n: number, s: { registrations: number }) => n + s.registrations,
      0,
    );
    const pruned = summary.subnets.reduce((n: number, s: { pruned: number }) => n + s.pruned, 0);
    const kinds = events.map((e) => e[2]);
    expect(pruned).toBeGreaterThan(0);
    // A pruning is also a registration (a newcomer takes the pruned uid).
    expect(
      kinds.filter((k) => k === 'registration').length + kinds.filter((k) => k === 'pruning').length,
    ).toBe(registered);
    expect(kinds.filter((k) => k === 'pruning')).toHaveLength(pruned);
    const halving = events.find((e) => e[2] === 'halving')!;
    // 1000 TAO below 10.5 M at 1 TAO a block (+ what the chain adds): network.csv's block_emission is 0.5 after.
    const network = read(dir, 'network.csv')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const firstHalf = network.find((r) => r[2] === '0.500000000')!;
    expect(Number(halving[0])).toBeLessThanOrEqual(Number(firstHalf[0]));
    expect(Number(halving[0])).toBeGreaterThan(900);
    expect(halving[6]).toBe('halving: block emission 1 → 0.5 τ');
  });

  it('ends with a snapshot of the last block, written', () => {
    const s = live.snapshot();
    expect([s.block, s.status, s.message]).toEqual([config.blocks, 'written', dir]);
    expect(s.subnets.map((x) => x.netuid)).toEqual([1, 2]);
    expect(s.halvings).toBe(1);
    expect(s.blockEmission).toBe(0.5);
    expect(s.miners.length).toBeGreaterThan(0);
    expect(s.validators).toHaveLength(2);
    // Miners best first by incentive; each history ends with the last epoch's incentive.
    const incentive = s.miners.map((m) => m.incentive);
    expect(incentive).toEqual([...incentive].sort((a, b) => b - a));
    for (const m of s.miners) if (m.history.length > 0) expect(m.history.at(-1)).toBe(m.incentive);
  });
});

describe('steering a live run', () => {
  it('runs at the chosen pace: 30 blocks a second at the slowest speed', async () => {
    const hand = handClock();
    const live = session('pace', { speed: 0, clock: hand.clock });
    await live.start();
    while (hand.now() < 2000) await hand.step(live);
    // The first block at once, then 30 a second (the wait rounds to whole milliseconds).
    expect(live.snapshot().block).toBeGreaterThanOrEqual(59);
    expect(live.snapshot().block).toBeLessThanOrEqual(62);
    expect(live.snapshot().speed).toBe('30 blk/s (6 min/s)');
    await live.quit();
  });

  it('pauses (nothing scheduled, the block stays), resumes, changes speed and subnet', async () => {
    const hand = handClock();
    const live = session('pause', { speed: 0, clock: hand.clock });
    await live.start();
    while (hand.now() < 500) await hand.step(live);
    live.command('toggle-pause');
    const block = live.snapshot().block;
    while (await hand.step(live)) {}
    expect(live.snapshot().status).toBe('paused');
    expect(live.snapshot().block).toBe(block);
    live.command('toggle-pause');
    expect(hand.pending()).toBe(1);
    await hand.step(live);
    live.command('faster');
    expect(live.snapshot().speed).toBe('150 blk/s (30 min/s)');
    live.command('next-subnet');
    expect(live.snapshot().selected).toBe(1);
    live.command('next-subnet');
    expect(live.snapshot().selected).toBe(0);
    live.command('previous-subnet');
    expect(live.snapshot().selected).toBe(1);
    await live.quit();
  });

  it('a shock: logged at the current block, applied to TAO/USD from then on, recorded in the files', async () => {
    const hand = handClock();
    const live = session('shock', { speed: 0, clock: hand.clock });
    await live.start();
    while (hand.now() < 1000) await hand.step(live);
    expect(live.snapshot().taoUsd).toBe(400);
    const block = live.snapshot().block;
    live.command('shock');
    const s = live.snapshot();
    expect(s.shockFactor).toBeCloseTo(0.7, 12);
    expect(s.taoUsd).toBeCloseTo(280, 9);
    expect(s.events.at(-1)).toMatchObject({ block, kind: 'shock', text: 'applied live: TAO/USD -30 %' });
    await hand.step(live);
    const outcome = await live.quit();
    expect(outcome).toMatchObject({ status: 'written', complete: false });
    const summary = JSON.parse(read(outcome.dir, 'summary.json'));
    expect(summary.live.shocks).toEqual([
      { block, target: 'tao_usd', change: -0.3, over_blocks: 0, source: 'live' },
    ]);
    expect(read(outcome.dir, 'events.csv')).toContain(
      `${block},0,tao_usd,,,-0.3,applied live: TAO/USD -30 %\n`,
    );
    // The engine priced the rest of the run at the shocked path: day 1 closes at 280.
    expect(read(outcome.dir, 'market.csv').split('\n')[1]).toMatch(/^0,0,400,/);
  });

  it('a shock without a TAO/USD path is logged and moves nothing', async () => {
    const hand = handClock();
    const live = session('shock-no-market', {
      speed: 0,
      clock: hand.clock,
      config: { ...config, timeline: undefined },
    });
    await live.start();
    live.command('shock');
    expect(live.snapshot().taoUsd).toBeNull();
    expect(live.snapshot().events.at(-1)?.text).toBe(
      'TAO/USD −30 % (applied live); the scenario has no TAO/USD path (market:) to move',
    );
    const outcome = await live.quit();
    expect(read(outcome.dir, 'events.csv')).toContain(',shock,,,,TAO/USD −30 % (applied live); the scenario');
  });

  it('quitting writes the blocks run so far: the state at the stop gets the last sample row', async () => {
    const hand = handClock();
    const live = session('quit', { speed: 2, clock: hand.clock });
    await live.start();
    while (hand.now() < 5000) await hand.step(live);
    const outcome = await live.quit();
    const stopped = outcome.block;
    expect(stopped % 360).not.toBe(0);
    expect(outcome).toMatchObject({ status: 'written', complete: false });
    const network = read(outcome.dir, 'network.csv').trimEnd().split('\n');
    expect(network.at(-1)!.split(',')[0]).toBe(String(stopped));
    expect(network.at(-2)!.split(',')[0]).toBe(String(Math.floor(stopped / 360) * 360));
    const summary = JSON.parse(read(outcome.dir, 'summary.json'));
    expect([summary.blocks, summary.live.complete, summary.live.stopped_at_block]).toEqual([
      stopped,
      false,
      stopped,
    ]);
    const epochs = read(outcome.dir, 'subnet.csv').trimEnd().split('\n').slice(1);
    expect(epochs.every((row) => Number(row.split(',')[0]) <= stopped)).toBe(true);
    // Commands after the results are written change nothing.
    live.command('shock');
    expect(live.snapshot().events.some((e) => e.kind === 'shock')).toBe(false);
    expect(await live.quit()).toEqual(outcome);
  });

  it('shows the contributors when the scenario has grants: vested and USD from the engine, a point a day', async () => {
    const grant = '{name: t, asset: tao, amount: 100, vesting: {convention: linear, duration: 2d}}';
    const loaded = await loadScenarioFile(FIXTURE, {
      overrides: [`contributors=[{name: alice, packages: [{name: tokens, grants: [${grant}]}]}]`],
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const hand = handClock();
    const live = session('grants', {
      speed: 2,
      clock: hand.clock,
      config: compileScenario(loaded.scenario),
    });
    expect(session('none').snapshot().contributors).toBeUndefined();
    await live.start(); // simulates block 1
    expect(live.snapshot().contributors).toEqual([
      { name: 'alice/tokens/t', asset: 'TAO', vested: 0, unvested: 100, usd: 100 * 400, history: [] },
    ]);
    while (live.snapshot().block < 7200) await hand.step(live);
    expect(live.snapshot().block).toBeLessThan(2 * 7200);
    const day1 = live.snapshot().contributors![0];
    expect(day1.vested).toBeCloseTo(50, 9);
    expect(day1.history).toEqual([100 * 400]);
    await live.quit();
  });
});
