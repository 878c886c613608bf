import type { SimulationConfig } from '../engine/config.ts';
import type { BlockTick } from '../engine/network/sample.ts';
import { RAO_PER_ALPHA } from '../engine/units.ts';
import type { LiveEvent } from './snapshot.ts';

/**
 * Finds what happened in a block by comparing the state at its end with what was seen before:
 * neuron registrations (a new hotkey id) and prunings (a new hotkey on an occupied uid), subnets
 * registered or dissolved, TAO halvings and subnets' alpha halvings. O(subnets) per block; a subnet's
 * uids are scanned only when it registered someone.
 */
interface Seen {
  nextHotkey: number;
  /** Per uid → the hotkey seen on it (−1: empty). */
  hotkeys: Int32Array;
  active: boolean;
  dissolved: boolean;
  alphaEmission: number;
}

/** An event before the log numbers it. */
export type FoundEvent = Omit<LiveEvent, 'id'>;

const amount = (rao: number) => Number((rao / RAO_PER_ALPHA).toPrecision(6));

export function createEventDetector(config: SimulationConfig): (tick: BlockTick) => FoundEvent[] {
  // The engine seats each subnet's configured neurons on uids 0… with hotkeys 0… (engine/init.ts).
  const seen: Seen[] = config.subnets.map((sc) => {
    const n = [...sc.validators, ...sc.miners].reduce((sum, g) => sum + g.count, 0);
    const hotkeys = new Int32Array(sc.maxUids).fill(-1);
    for (let uid = 0; uid < n; uid++) hotkeys[uid] = uid;
    return { nextHotkey: n, hotkeys, active: sc.market.atStart, dissolved: false, alphaEmission: -1 };
  });
  let blockEmission = -1;

  return (tick) => {
    const events: FoundEvent[] = [];
    const { block, network, state } = tick;
    if (blockEmission > 0 && network.blockEmission < blockEmission) {
      events.push({
        block,
        kind: 'halving',
        netuid: null,
        text: `halving: block emission ${amount(blockEmission)} → ${amount(network.blockEmission)} τ`,
      });
    }
    blockEmission = network.blockEmission;
    state.subnets.forEach((subnet, k) => {
      const s = seen[k];
      const market = network.markets[k];
      const netuid = subnet.netuid;
      if (market.active && !s.active) {
        events.push({
          block,
          kind: 'subnet_registered',
          netuid,
          text: `netuid ${netuid} registered (pool ${amount(market.pool.tao)} τ)`,
        });
      }
      if (market.dissolvedAt >= 0 && !s.dissolved) {
        events.push({
          block,
          kind: 'subnet_dissolved',
          netuid,
          text: `netuid ${netuid} pruned and dissolved`,
        });
      }
      s.active = market.active;
      s.dissolved = market.dissolvedAt >= 0;
      const alpha = market.alphaEmission;
      if (s.alphaEmission > 0 && alpha > 0 && alpha < 0.75 * s.alphaEmission) {
        events.push({
          block,
          kind: 'halving',
          netuid,
          text: `netuid ${netuid} alpha halving: ${amount(s.alphaEmission)} → ${amount(alpha)} α/block`,
        });
      }
      if (alpha > 0) s.alphaEmission = alpha;
      if (subnet.nextHotkey === s.nextHotkey) return;
      const { hotkey } = subnet.neurons;
      for (let uid = 0; uid < subnet.n; uid++) {
        const now = hotkey[uid];
        if (now < s.nextHotkey || now === s.hotkeys[uid]) continue;
        const before = s.hotkeys[uid];
        events.push(
          before < 0
            ? {
                block,
                kind: 'registration',
                netuid,
                text: `netuid ${netuid} uid ${uid}: hotkey ${now} registered`,
              }
            : {
                block,
                kind: 'pruning',
                netuid,
                text: `netuid ${netuid} uid ${uid}: hotkey ${before} pruned, hotkey ${now} registered`,
              },
        );
        s.hotkeys[uid] = now;
      }
      s.nextHotkey = subnet.nextHotkey;
    });
    return events;
  };
}
