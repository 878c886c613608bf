import type { ContributorConfig } from './compensation/config.ts';
import { stepCompensationDay } from './compensation/day.ts';
import type { DayMarket } from './compensation/prices.ts';
import { type CompensationState, createCompensationState } from './compensation/state.ts';
import type { SimulationConfig } from './config.ts';
import type { EventLog, RunEvent } from './events.ts';
import type { Simulation } from './init.ts';
import { nvtRatio } from './market/nvt.ts';
import type { PriceModel, PricePath } from './market/price-model.ts';
import { generatePricePath } from './market/price-path.ts';
import type { StakerContext } from './network/stakers.ts';
import { spotPrice } from './pool/pool.ts';
import { createRng } from './rng.ts';
import { applyPriceShocks } from './shocks/price-shocks.ts';
import { createShockTimeline } from './shocks/timeline.ts';
import type { Shock } from './shocks/types.ts';
import { BLOCKS_PER_DAY } from './units.ts';

/**
 * The run's calendar beside the chain's blocks (compensation.md): the TAO/USD path, drawn whole before
 * the first block from the `market/tao-usd` stream and shocked; the scripted shocks, fired at their
 * blocks; and once a day (day 0 before the first block, day d at the end of block d × 7200) the
 * contributors' packages and a snapshot of the markets. Absent from SimulationConfig, none of it runs.
 */
export interface TimelineConfig {
  taoUsd: PriceModel;
  shocks: Shock[];
  contributors: ContributorConfig[];
}

/** A subnet's market on one day (market.csv). Prices in TAO per alpha unless USD. */
export interface SubnetDay {
  netuid: number;
  price: number;
  alphaUsd: number;
  /** Alpha issuance (pool + outstanding) and outstanding (SubnetAlphaOut), rao. */
  supply: number;
  outstanding: number;
  /** TAO users traded through the pool today, rao. */
  volume: number;
  /** Network value (outstanding × price) over today's volume; NaN without volume. */
  nvt: number;
}

/** What the runner yields once a day. It refers to live state: read it before asking for the next event. */
export interface DayRecord {
  kind: 'day';
  day: number;
  block: number;
  taoUsd: number;
  regime: string | null;
  subnets: SubnetDay[];
  /** The contributors' packages as of today's end, or null without contributors. */
  compensation: CompensationState | null;
  /** The run's event log so far (shocks, regime changes, contributors' events). */
  events: readonly RunEvent[];
}

export interface TimelineState {
  path: PricePath;
  events: EventLog;
  compensation: CompensationState | null;
  /** Per subnet: outside alpha not promised to contributors or sold by sell pressure yet, rao. */
  freeOutside: Float64Array;
  /** Per subnet: the market's cumulative volume at the last day's end. */
  volumeAtDayStart: Float64Array;
  /** Per subnet: each day's NVT ratio summed over days with volume, and their count (summary means). */
  nvtSum: Float64Array;
  nvtDays: Float64Array;
}

export interface Timeline {
  state: TimelineState;
  start(): DayRecord;
  /** After the block's economy: fires due shocks; at a day's last block, returns the day's record. */
  afterBlock(block: number): DayRecord | null;
}

export function createTimeline(
  config: SimulationConfig,
  sim: Simulation,
  stakers: StakerContext,
): Timeline | null {
  const spec = config.timeline;
  if (spec === undefined) return null;
  const days = Math.floor(config.blocks / BLOCKS_PER_DAY);
  const path = generatePricePath(spec.taoUsd, days, createRng(config.seed, 'market/tao-usd'));
  applyPriceShocks(path.usd, spec.shocks);
  const net = sim.network;
  const count = config.subnets.length;
  const state: TimelineState = {
    path,
    events: [],
    compensation: spec.contributors.length > 0 ? createCompensationState(spec.contributors, days) : null,
    freeOutside: Float64Array.from(net.markets, (m) => m.outsideAlpha),
    volumeAtDayStart: new Float64Array(count),
    nvtSum: new Float64Array(count),
    nvtDays: new Float64Array(count),
  };
  const shocks = createShockTimeline(spec.shocks, {
    config,
    net,
    subnets: sim.state.subnets,
    stakers,
    events: state.events,
    freeOutside: state.freeOutside,
  });
  let nextShock = shocks.nextBlock;

  function dayRecord(day: number, block: number): DayRecord {
    const taoUsd = path.usd[day];
    const regime = path.regime === null ? null : path.regimeNames[path.regime[day]];
    if (path.regime !== null && day > 0 && path.regime[day] !== path.regime[day - 1])
      state.events.push({
        block,
        day,
        kind: 'regime',
        netuid: -1,
        subject: regime ?? '',
        amount: taoUsd,
        detail: `TAO/USD regime ${path.regimeNames[path.regime[day - 1]]} → ${regime}`,
      });
    const market: DayMarket = { day, block, taoUsd, net, subnets: sim.state.subnets, config };
    if (state.compensation !== null)
      stepCompensationDay(state.compensation, market, stakers.quote, state.events, state.freeOutside);
    const subnets = net.markets.map((m, k): SubnetDay => {
      const price = m.active ? spotPrice(m.pool) : 0;
      const volume = m.volume - state.volumeAtDayStart[k];
      state.volumeAtDayStart[k] = m.volume;
      const nvt = nvtRatio(m.alphaOut, price, volume);
      if (day > 0 && !Number.isNaN(nvt)) {
        state.nvtSum[k] += nvt;
        state.nvtDays[k]++;
      }
      return {
        netuid: sim.state.subnets[k].netuid,
        price,
        alphaUsd: price * taoUsd,
        supply: m.pool.alpha + m.alphaOut,
        outstanding: m.alphaOut,
        volume,
        nvt,
      };
    });
    return {
      kind: 'day',
      day,
      block,
      taoUsd,
      regime,
      subnets,
      compensation: state.compensation,
      events: state.events,
    };
  }

  return {
    state,
    start: () => dayRecord(0, 0),
    afterBlock(block) {
      if (block >= nextShock) {
        shocks.fire(block);
        nextShock = shocks.nextBlock;
      }
      if (block % BLOCKS_PER_DAY !== 0) return null;
      return dayRecord(block / BLOCKS_PER_DAY, block);
    },
  };
}
