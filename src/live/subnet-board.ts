import type { NetworkSample } from '../engine/network/sample.ts';
import { spotPrice } from '../engine/pool/pool.ts';
import type { SubnetState } from '../engine/state.ts';
import { ROLE_VALIDATOR } from '../engine/state.ts';
import type { EpochRecord } from '../engine/subnet-epoch.ts';
import { RAO_PER_ALPHA } from '../engine/units.ts';
import { Ring } from './ring.ts';

/** Sparkline lengths: samples of the economy per subnet, epochs per neuron. */
export const SUBNET_HISTORY = 48;
export const NEURON_HISTORY = 24;

/**
 * What the live view remembers of one subnet beyond its current state: the series behind its
 * sparklines and each uid's figures at the last epoch (the state keeps emission, not incentive).
 * Per-uid history is one flat ring of NEURON_HISTORY epochs; a uid's occupant sees only the epochs
 * since it took the uid.
 */
export class SubnetBoard {
  readonly price = new Ring(SUBNET_HISTORY);
  readonly share = new Ring(SUBNET_HISTORY);
  readonly poolTao = new Ring(SUBNET_HISTORY);
  readonly stake = new Ring(SUBNET_HISTORY);
  readonly incentive: Float64Array;
  readonly dividends: Float64Array;
  readonly trust: Float64Array;
  /** Alpha emitted to the uid at the last epoch. */
  readonly emission: Float64Array;
  /** Per uid × epoch slot: incentive (miners) or dividends (validators). */
  private readonly history: Float64Array;
  /** Per uid → first epoch of its current occupant, and that occupant's hotkey. */
  private readonly since: Float64Array;
  private readonly hotkeyAt: Int32Array;
  private epochs = 0;

  constructor(capacity: number) {
    this.incentive = new Float64Array(capacity);
    this.dividends = new Float64Array(capacity);
    this.trust = new Float64Array(capacity);
    this.emission = new Float64Array(capacity);
    this.history = new Float64Array(capacity * NEURON_HISTORY);
    this.since = new Float64Array(capacity);
    this.hotkeyAt = new Int32Array(capacity).fill(-1);
  }

  recordEpoch(record: EpochRecord): void {
    const { result, subnet } = record;
    const slot = record.epoch % NEURON_HISTORY;
    for (let uid = 0; uid < record.n; uid++) {
      const hotkey = subnet.neurons.hotkey[uid];
      if (hotkey !== this.hotkeyAt[uid]) {
        this.hotkeyAt[uid] = hotkey;
        this.since[uid] = record.epoch;
      }
      this.incentive[uid] = result.incentive[uid];
      this.dividends[uid] = result.dividends[uid];
      this.trust[uid] = result.validatorTrust[uid];
      this.emission[uid] = (result.serverEmission[uid] + result.validatorEmission[uid]) / RAO_PER_ALPHA;
      const validator = subnet.neurons.role[uid] === ROLE_VALIDATOR;
      this.history[uid * NEURON_HISTORY + slot] = validator ? result.dividends[uid] : result.incentive[uid];
    }
    this.epochs = record.epoch + 1;
  }

  recordSample(sample: NetworkSample, k: number): void {
    const market = sample.network.markets[k];
    this.price.push(spotPrice(market.pool));
    this.share.push(market.share);
    this.poolTao.push(market.pool.tao / RAO_PER_ALPHA);
    this.stake.push(stakedAlpha(sample.state.subnets[k]));
  }

  /** The uid's per-epoch history (oldest first) if its current occupant is `hotkey`. */
  uidHistory(uid: number, hotkey: number): number[] {
    if (this.hotkeyAt[uid] !== hotkey) return [];
    const first = Math.max(this.since[uid], this.epochs - NEURON_HISTORY);
    const out: number[] = [];
    for (let e = first; e < this.epochs; e++)
      out.push(this.history[uid * NEURON_HISTORY + (e % NEURON_HISTORY)]);
    return out;
  }

  /** Whether the uid's last-epoch figures belong to its current occupant. */
  knows(uid: number, hotkey: number): boolean {
    return this.hotkeyAt[uid] === hotkey;
  }
}

/** Alpha staked on the subnet's registered hotkeys. */
export function stakedAlpha(subnet: SubnetState): number {
  let sum = 0;
  for (let uid = 0; uid < subnet.n; uid++) sum += subnet.neurons.stakeAlpha[uid];
  return sum / RAO_PER_ALPHA;
}
