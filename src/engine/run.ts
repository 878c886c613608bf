import type { SimulationConfig } from './config.ts';
import { createSimulation, type Simulation } from './init.ts';
import {
  epochDue,
  type NetworkScratch,
  nextEpochBlock,
  stepEconomyAfterEpochs,
  stepEconomyBeforeEpochs,
} from './network/block.ts';
import { createCoinbaseScratch } from './network/coinbase.ts';
import { ledgerProblems } from './network/ledger.ts';
import { registerArrivals } from './network/neuron-registration.ts';
import type { BlockTick, NetworkSample } from './network/sample.ts';
import { registerDueSubnets } from './network/subnet-registration.ts';
import { emptyQuote } from './pool/swap.ts';
import { createSimulationRng } from './rng-table.ts';
import {
  createEpochScratch,
  createEpochWorkspace,
  type EpochRecord,
  runSubnetEpoch,
} from './subnet-epoch.ts';
import { createTimeline, type DayRecord } from './timeline.ts';

/** What the runner yields: an epoch of one subnet, a sample of the economy, or a day of the timeline. */
export type SimulationEvent = EpochRecord | NetworkSample | DayRecord;

/** How the caller steps the run. */
export interface RunOptions {
  /** Also yield a tick at the end of every block, after its epochs and sample (the live view's pacing). */
  ticks?: boolean;
}

/** Thrown in test mode (NetworkConfig.checkInvariants) when a conservation law breaks. */
export class LedgerError extends Error {}

/**
 * Runs a simulation block by block and yields each subnet epoch as it happens and a sample of the
 * economy every `network.sampleEvery` blocks, so the caller streams results out and shows progress;
 * the engine itself never writes anything. Returns the final simulation.
 *
 * Each block (emissions.md §11): subnets due to register, the registrations of the block's arrivals (extrinsics, applied before
 * the block step as if included in the previous block) → registration price decay → coinbase → due
 * epochs (at most MaxEpochsPerBlock; the rest wait a block) → EMA prices, flows, root claims → stakers.
 */
export function runSimulation(config: SimulationConfig): Generator<SimulationEvent, Simulation, void>;
export function runSimulation(
  config: SimulationConfig,
  options: RunOptions,
): Generator<SimulationEvent | BlockTick, Simulation, void>;
export function* runSimulation(
  config: SimulationConfig,
  options: RunOptions = {},
): Generator<SimulationEvent | BlockTick, Simulation, void> {
  const ticks = options.ticks === true;
  const sim = createSimulation(config);
  const { state, network: net } = sim;
  const count = config.subnets.length;
  const epochScratch = createEpochScratch(Math.max(0, ...config.subnets.map((s) => s.maxUids)));
  const workspaces = config.subnets.map(() => createEpochWorkspace(epochScratch));
  const quote = emptyQuote();
  const scratch: NetworkScratch = {
    coinbase: createCoinbaseScratch(count),
    movingPrice: { block: 0, firstEmissionBlock: 0 },
    stakers: {
      net,
      subnets: state.subnets,
      config: config.network,
      rng: createSimulationRng(config.seed, 'network/stakers'),
      quote,
    },
    nextStakerBlock: net.stakers.count > 0 ? 1 : Number.POSITIVE_INFINITY,
  };
  const economies = net.markets.map((market, k) => ({
    market,
    ledger: net.ledger,
    rules: {
      taoWeight: config.network.taoWeight,
      delegateTake: config.subnets[k].market.delegateTake,
      minerBurn: config.subnets[k].market.minerBurn,
      ckBurn: config.network.ckBurn,
      validators: config.subnets[k].validators,
    },
  }));
  const { sampleEvery, maxEpochsPerBlock, feeRate, checkInvariants } = config.network;
  // TAO/USD, shocks and contributors (compensation.md): only when the scenario has them.
  const timeline = createTimeline(config, sim, scratch.stakers);
  if (timeline !== null) {
    sim.timeline = timeline.state;
    yield timeline.start();
  }
  // Per subnet, the next block at which a neuron arrives and the first at which its epoch can be due:
  // each block skips the subnets with nothing to do without reading their states (128 cache misses).
  const nextArrival = new Float64Array(count);
  const nextEpochCheck = new Float64Array(count);
  const refresh = (block: number) => {
    for (let k = 0; k < count; k++) {
      nextArrival[k] = state.subnets[k].nextRegistrationBlock;
      nextEpochCheck[k] = nextEpochBlock(config, state, k, block);
    }
  };
  refresh(1);
  for (let block = 1; block <= config.blocks; block++) {
    state.block = block;
    if (registerDueSubnets(net, state, config, sim.streams, block)) refresh(block);
    for (let k = 0; k < count; k++) {
      if (nextArrival[k] > block || !net.markets[k].active) continue;
      const subnet = state.subnets[k];
      registerArrivals(
        subnet,
        config.subnets[k],
        block,
        sim.streams[k],
        net.markets[k],
        net.ledger,
        feeRate,
        quote,
      );
      nextArrival[k] = subnet.nextRegistrationBlock;
    }
    stepEconomyBeforeEpochs(net, state, config, block, scratch);
    let epochs = 0;
    for (let k = 0; k < count; k++) {
      if (net.epochDue[k] === 0 && block < nextEpochCheck[k]) continue;
      if (!net.markets[k].active) continue;
      if (net.epochDue[k] === 0 && !epochDue(config, state, k, block)) {
        nextEpochCheck[k] = nextEpochBlock(config, state, k, block + 1);
        continue;
      }
      if (epochs === maxEpochsPerBlock) {
        net.epochDue[k] = 1; // MaxEpochsPerBlock reached: it runs first thing next block
        continue;
      }
      epochs++;
      net.epochDue[k] = 0;
      yield runSubnetEpoch(
        state.subnets[k],
        config.subnets[k],
        block,
        sim.streams[k],
        workspaces[k],
        economies[k],
      );
      nextEpochCheck[k] = nextEpochBlock(config, state, k, block + 1);
    }
    stepEconomyAfterEpochs(net, config, block, scratch);
    if (timeline !== null) {
      const day = timeline.afterBlock(block);
      if (day !== null) yield day;
    }
    const sample = block % sampleEvery === 0 || block === config.blocks;
    if (checkInvariants === 'block' || (checkInvariants === 'sample' && sample)) {
      const problems = ledgerProblems(net, state.subnets);
      if (problems.length > 0) throw new LedgerError(`block ${block}: ${problems.join('; ')}`);
    }
    if (sample) {
      yield { kind: 'sample', block, network: net, state };
    }
    if (ticks) yield { kind: 'tick', block, network: net, state, timeline: sim.timeline };
  }
  return sim;
}
