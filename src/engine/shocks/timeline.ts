import type { SimulationConfig } from '../config.ts';
import type { EventLog } from '../events.ts';
import type { StakerContext } from '../network/stakers.ts';
import type { NetworkState } from '../network/state.ts';
import type { SubnetState } from '../state.ts';
import { BLOCKS_PER_DAY, RAO_PER_ALPHA } from '../units.ts';
import { cabalForms, minerQualityShock, validatorArrives, validatorLeaves } from './neuron-shocks.ts';
import { type Sold, sellPressure, stakeFlight } from './pool-shocks.ts';
import { priceShockEvent } from './price-shocks.ts';
import type { Shock } from './types.ts';

/** Blocks between two chunks of a shock spread over a window (an hour of 12 s blocks). */
export const CHUNK_BLOCKS = 300;

/** What firing a shock needs from the run. */
export interface ShockContext {
  config: SimulationConfig;
  net: NetworkState;
  subnets: SubnetState[];
  stakers: StakerContext;
  events: EventLog;
  /** Per subnet: outside alpha not promised to contributors, rao (sell pressure and alpha grants draw on it). */
  freeOutside: Float64Array;
}

/** A spread shock under way: its chunks left and what it moved so far. */
interface Spread {
  shock: Extract<Shock, { kind: 'sell_pressure' | 'stake_flight' }>;
  chunk: number;
  chunks: number;
  nextBlock: number;
  done: Sold;
}

const units = (rao: number) => rao / RAO_PER_ALPHA;
const fmt = (x: number) => (Math.round(x * 1000) / 1000).toString();

/**
 * The shocks of a run in block order. `fire(block)` applies those due at `block` (each logged as it
 * fires; a spread one logs when it starts and when its last chunk is done) and returns nothing; call it
 * once per block, after the block's economy steps (shocks act like the block's last extrinsics).
 */
export function createShockTimeline(shocks: readonly Shock[], ctx: ShockContext) {
  const queue = [...shocks].sort((a, b) => a.block - b.block);
  const spreads: Spread[] = [];
  let next = 0;

  const log = (
    block: number,
    shock: Shock,
    netuid: number,
    subject: string,
    amount: number,
    detail: string,
  ) =>
    ctx.events.push({
      block,
      day: Math.floor(block / BLOCKS_PER_DAY),
      kind: shock.kind,
      netuid,
      subject,
      amount,
      detail: shock.label === '' ? detail : `${shock.label}: ${detail}`,
    });

  function chunkOf(s: Spread): Sold {
    const { shock } = s;
    const k = shock.subnet;
    const last = s.chunk === s.chunks - 1;
    if (shock.kind === 'sell_pressure') {
      const amount = last ? shock.alpha - s.done.alpha : Math.floor(shock.alpha / s.chunks);
      const sold = sellPressure(
        ctx.net,
        k,
        amount,
        ctx.freeOutside[k],
        ctx.config.network.feeRate,
        ctx.stakers.quote,
      );
      ctx.freeOutside[k] -= sold.alpha;
      return sold;
    }
    // Equal fractions of what is left: n chunks of 1 − (1 − f)^(1/n) take f in all.
    const f = 1 - (1 - shock.fraction) ** (1 / s.chunks);
    return stakeFlight(ctx.net, k, ctx.subnets[k], f, ctx.stakers);
  }

  function stepSpread(s: Spread, block: number): void {
    const sold = chunkOf(s);
    s.done.alpha += sold.alpha;
    s.done.tao += sold.tao;
    s.chunk++;
    s.nextBlock = block + CHUNK_BLOCKS;
    if (s.chunk < s.chunks) return;
    const netuid = ctx.subnets[s.shock.subnet].netuid;
    const what = s.shock.kind === 'sell_pressure' ? 'outside holders sold' : 'stakes fled:';
    log(
      block,
      s.shock,
      netuid,
      '',
      units(s.done.alpha),
      `${what} ${fmt(units(s.done.alpha))} alpha for ${fmt(units(s.done.tao))} TAO`,
    );
  }

  function start(shock: Shock, block: number): void {
    const k = 'subnet' in shock ? shock.subnet : -1;
    const netuid = k >= 0 ? ctx.subnets[k].netuid : -1;
    const subnet = ctx.subnets[k];
    const feeRate = ctx.config.network.feeRate;
    switch (shock.kind) {
      case 'tao_usd':
        ctx.events.push(priceShockEvent(shock, block));
        return;
      case 'sell_pressure':
      case 'stake_flight': {
        const chunks = Math.max(1, Math.ceil(shock.overBlocks / CHUNK_BLOCKS));
        const spread: Spread = { shock, chunk: 0, chunks, nextBlock: block, done: { alpha: 0, tao: 0 } };
        if (chunks > 1) {
          const days = fmt(shock.overBlocks / BLOCKS_PER_DAY);
          const size =
            shock.kind === 'sell_pressure'
              ? `${fmt(units(shock.alpha))} alpha`
              : `${fmt(shock.fraction * 100)} % of stake`;
          log(block, shock, netuid, '', Number.NaN, `starts: ${size} over ${days} days`);
        }
        stepSpread(spread, block);
        if (spread.chunk < spread.chunks) spreads.push(spread);
        return;
      }
      case 'validator_leaves': {
        const sold = validatorLeaves(ctx.net, k, subnet, shock.uid, shock.group, feeRate, ctx.stakers.quote);
        if (sold === null)
          log(
            block,
            shock,
            netuid,
            `uid ${shock.uid}`,
            Number.NaN,
            'uid no longer holds its starting validator: nothing happens',
          );
        else
          log(
            block,
            shock,
            netuid,
            `uid ${shock.uid}`,
            units(sold.alpha),
            `validator leaves: sold ${fmt(units(sold.alpha))} alpha for ${fmt(units(sold.tao))} TAO and stops setting weights`,
          );
        return;
      }
      case 'validator_arrives': {
        const config = ctx.config.subnets[k];
        const arrived = validatorArrives(
          ctx.net,
          k,
          subnet,
          block,
          shock.tao,
          config.validators[shock.group],
          shock.group,
          { immunityPeriod: config.immunityPeriod, minNonImmuneUids: config.minNonImmuneUids, feeRate },
          ctx.stakers.quote,
        );
        if (arrived === null)
          log(block, shock, netuid, '', Number.NaN, 'no uid could be freed: the validator does not register');
        else
          log(
            block,
            shock,
            netuid,
            `uid ${arrived.uid}`,
            units(arrived.alpha),
            `validator arrives on uid ${arrived.uid}: staked ${fmt(units(shock.tao))} TAO for ${fmt(units(arrived.alpha))} alpha`,
          );
        return;
      }
      case 'cabal_forms': {
        const moved = cabalForms(subnet, shock.validators, shock.miners);
        log(
          block,
          shock,
          netuid,
          shock.name,
          moved.validators,
          `cabal "${shock.name}" forms: ${moved.validators} validators, ${moved.miners} miners`,
        );
        return;
      }
      case 'miner_quality': {
        const moved = minerQualityShock(subnet, shock.miners, shock.change, shock.set);
        const how =
          shock.set !== null
            ? `set to ${fmt(shock.set)}`
            : `${(shock.change ?? 0) >= 0 ? '+' : ''}${fmt(shock.change ?? 0)}`;
        log(
          block,
          shock,
          netuid,
          shock.miners === 'all' ? 'all miners' : `uids ${shock.miners.join(' ')}`,
          shock.set ?? shock.change ?? Number.NaN,
          `miner quality ${how} (${moved} miners)`,
        );
        return;
      }
    }
  }

  return {
    /** Earliest block with something to do (Infinity when done). */
    get nextBlock(): number {
      let b = next < queue.length ? queue[next].block : Number.POSITIVE_INFINITY;
      for (const s of spreads) if (s.nextBlock < b) b = s.nextBlock;
      return b;
    },
    fire(block: number): void {
      while (next < queue.length && queue[next].block <= block) start(queue[next++], block);
      for (let i = spreads.length - 1; i >= 0; i--) {
        const s = spreads[i];
        if (s.nextBlock > block) continue;
        stepSpread(s, block);
        if (s.chunk >= s.chunks) spreads.splice(i, 1);
      }
    },
  };
}
