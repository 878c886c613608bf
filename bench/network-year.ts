/**
 * network_year_wall_time: scenarios/network-year.yaml (128 subnets × 256 uids, 64 validators each,
 * float Yuma) for a year, on one core, engine only (no output files). A whole year takes many minutes,
 * so the bench runs the first `days` of it and extrapolates linearly: the network is full from the
 * first block (every subnet at 256 uids, registrations replacing uids), so a day costs the same all
 * year; the set-up, paid once, is estimated from a short run and added once. The figure is wall time;
 * the detail also scales it by the run's CPU/wall ratio (what a quiet core would take). Then half a day,
 * after half a day of warm-up, runs under V8's sampling profiler to say how the time splits between
 * block steps, epochs (miners and validators, Yuma, payout) and actors (stakers, registrations).
 */
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { runSimulation } from '../src/engine/run.ts';
import { compileScenario } from '../src/scenario/compile.ts';
import { loadScenarioFile } from '../src/scenario/load.ts';
import { type BenchSuite, round } from './figure.ts';

export const NETWORK_YEAR_WALL_TIME = 'network_year_wall_time';
const SCENARIO = 'scenarios/network-year.yaml';
const BLOCKS_PER_DAY = 7200;
const YEAR_BLOCKS = 365 * BLOCKS_PER_DAY;
/** The target: a year of the whole network within two minutes on one core. */
const TARGET_SECONDS = 120;

/** Which part of a block a profiled function belongs to (first match walking up from the leaf). */
const PARTS: readonly [string, string][] = [
  ['runEpoch', 'epochs: Yuma'],
  ['runEpochExact', 'epochs: Yuma'],
  ['payEpoch', 'epochs: payout'],
  ['advanceMiners', 'epochs: miners'],
  ['submitEpochWeights', 'epochs: validators'],
  ['revealCommits', 'epochs: reveal commits'],
  ['runSubnetEpoch', 'epochs: other (inputs, persist)'],
  ['runStakers', 'actors: stakers'],
  ['registerArrivals', 'actors: registrations'],
  ['registerDueSubnets', 'actors: registrations'],
  ['runCoinbase', 'block steps: coinbase'],
  ['stepEconomyBeforeEpochs', 'block steps: burn decay'],
  ['stepEconomyAfterEpochs', 'block steps: prices, flows, root claims'],
  ['(garbage collector)', 'GC'],
  ['runSimulation', 'block loop (runner)'],
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string };
  children?: number[];
}

async function load(root: string, days: number) {
  const loaded = await loadScenarioFile(join(root, SCENARIO));
  if (!loaded.ok) throw new Error(`${SCENARIO} does not load: ${JSON.stringify(loaded.problems)}`);
  const config = compileScenario(loaded.scenario);
  return { ...config, blocks: Math.round(days * BLOCKS_PER_DAY) };
}

function drain(config: Awaited<ReturnType<typeof load>>): number {
  let epochs = 0;
  const run = runSimulation(config);
  for (let step = run.next(); !step.done; step = run.next()) if (step.value.kind === 'epoch') epochs++;
  return epochs;
}

/**
 * V8's sampling profile of the blocks after `warmBlocks` (set-up and JIT warm-up excluded), as time per
 * part: each sample goes to the first PARTS function found walking up from its leaf.
 */
async function split(
  config: Awaited<ReturnType<typeof load>>,
  warmBlocks: number,
): Promise<Map<string, number>> {
  const run = runSimulation(config);
  let step = run.next();
  while (!step.done && step.value.block <= warmBlocks) step = run.next();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  while (!step.done) step = run.next();
  const { profile } = (await session.post('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  session.disconnect();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const parts = new Map(PARTS);
  const us = new Map<string, number>();
  for (let s = 0; s < profile.samples.length; s++) {
    let part = 'other (idle, profiler)';
    for (let id: number | undefined = profile.samples[s]; id !== undefined; id = parent.get(id)) {
      const found = parts.get(byId.get(id)?.callFrame.functionName ?? '');
      if (found !== undefined) {
        part = found;
        break;
      }
    }
    us.set(part, (us.get(part) ?? 0) + (profile.timeDeltas[s] ?? 0));
  }
  return us;
}

export const networkYear: BenchSuite = {
  names: [NETWORK_YEAR_WALL_TIME],
  async run({ quick, root, log }) {
    const days = quick ? 0.05 : 1;
    const config = await load(root, days);
    log(`${NETWORK_YEAR_WALL_TIME}: ${SCENARIO}, first ${days} day(s) (${config.blocks} blocks), in process`);
    drain(await load(root, 0.02)); // JIT warm-up on a short stretch, not counted
    // Set-up (128 subnets' matrices and workspaces, ~0.5 GB) is paid once a run, not once a day: time a
    // short stretch too, and extrapolate only the per-block rate between the two.
    const short = await load(root, 0.02);
    let started = performance.now();
    drain(short);
    const shortSeconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage();
    started = performance.now();
    const epochs = drain(config);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const perBlock = (seconds - shortSeconds) / (config.blocks - short.blocks);
    const setup = Math.max(0, shortSeconds - perBlock * short.blocks);
    const perYear = setup + perBlock * YEAR_BLOCKS;
    // The year scaled by the day's CPU/wall ratio: what one quiet core would take (wall grows with load).
    const cpuPerYear = (perYear * cpuSeconds) / seconds;
    const profiled = quick ? 0.02 : 0.5;
    log(`${NETWORK_YEAR_WALL_TIME}: profiling ${profiled} day after as much warm-up, for the split`);
    const us = await split(await load(root, 2 * profiled), profiled * BLOCKS_PER_DAY);
    const total = [...us.values()].reduce((a, b) => a + b, 0);
    const shares = [...us]
      .sort((a, b) => b[1] - a[1])
      .map(([part, t]) => `${part} ${((100 * t) / total).toFixed(0)} %`)
      .join(', ');
    return [
      {
        name: NETWORK_YEAR_WALL_TIME,
        value: round(perYear, 0),
        unit: 's',
        target: TARGET_SECONDS,
        better: 'lower',
        detail: `${config.blocks} blocks (${epochs} epochs) in ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU (a year by CPU time ≈ ${cpuPerYear.toFixed(0)} s); ${short.blocks} blocks in ${shortSeconds.toFixed(1)} s; set-up ≈ ${setup.toFixed(1)} s + ${(perBlock * 1e3).toFixed(2)} ms/block × ${YEAR_BLOCKS} blocks (${((perBlock * config.blocks * 1e6) / epochs).toFixed(0)} µs per epoch incl. its share of block steps); split of ${profiled} profiled day after as much warm-up: ${shares}`,
      },
    ];
  },
};
