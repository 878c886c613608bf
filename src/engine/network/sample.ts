import type { SimulationState } from '../state.ts';
import type { TimelineState } from '../timeline.ts';
import type { NetworkState } from './state.ts';

/**
 * A moment of the economy the runner hands out every NetworkConfig.sampleEvery blocks (network.csv,
 * subnets.csv). It refers to the live state: read it before asking the runner for the next event.
 */
export interface NetworkSample {
  kind: 'sample';
  block: number;
  network: NetworkState;
  state: SimulationState;
}

/**
 * The end of a block, handed out after every block when the caller asks for ticks (a live view steps the
 * run block by block). Like a sample it refers to the live state; no result file is written from it.
 */
export interface BlockTick {
  kind: 'tick';
  block: number;
  network: NetworkState;
  state: SimulationState;
  /** TAO/USD, the event log and the contributors, when the scenario has a timeline. */
  timeline?: TimelineState;
}
