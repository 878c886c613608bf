import type { BlockTick } from '../engine/network/sample.ts';
import { spotPrice } from '../engine/pool/pool.ts';
import { ROLE_VALIDATOR, type SubnetState } from '../engine/state.ts';
import { RAO_PER_ALPHA } from '../engine/units.ts';
import type { MinerLine, SubnetLine, ValidatorLine } from './snapshot.ts';
import { type SubnetBoard, stakedAlpha } from './subnet-board.ts';

/** Neurons listed per role in a snapshot; the view shows as many as fit. */
export const TOP_NEURONS = 10;

export function subnetLines(tick: BlockTick, boards: readonly SubnetBoard[]): SubnetLine[] {
  return tick.state.subnets.map((subnet, k) => {
    const market = tick.network.markets[k];
    const board = boards[k];
    return {
      netuid: subnet.netuid,
      active: market.active,
      price: spotPrice(market.pool),
      share: market.active ? market.share : 0,
      poolTao: market.pool.tao / RAO_PER_ALPHA,
      stake: stakedAlpha(subnet),
      n: subnet.n,
      history: {
        price: board.price.toArray(),
        share: board.share.toArray(),
        poolTao: board.poolTao.toArray(),
        stake: board.stake.toArray(),
      },
    };
  });
}

/** Uids of one role, best first by `key` (ties to the lower uid). */
function ranked(subnet: SubnetState, validators: boolean, key: (uid: number) => number): number[] {
  const uids: number[] = [];
  for (let uid = 0; uid < subnet.n; uid++) {
    if ((subnet.neurons.role[uid] === ROLE_VALIDATOR) === validators) uids.push(uid);
  }
  return uids.sort((a, b) => key(b) - key(a) || a - b).slice(0, TOP_NEURONS);
}

/** Top miners by incentive at the last epoch (a newcomer without an epoch yet counts 0). */
export function topMiners(subnet: SubnetState, board: SubnetBoard): MinerLine[] {
  const { hotkey, quality } = subnet.neurons;
  const known = (uid: number, x: Float64Array) => (board.knows(uid, hotkey[uid]) ? x[uid] : 0);
  return ranked(subnet, false, (uid) => known(uid, board.incentive)).map((uid) => ({
    uid,
    hotkey: hotkey[uid],
    quality: quality[uid],
    incentive: known(uid, board.incentive),
    emission: known(uid, board.emission),
    history: board.uidHistory(uid, hotkey[uid]),
  }));
}

/** Top validators by the alpha staked on them. */
export function topValidators(subnet: SubnetState, board: SubnetBoard): ValidatorLine[] {
  const { hotkey, stakeAlpha } = subnet.neurons;
  const known = (uid: number, x: Float64Array) => (board.knows(uid, hotkey[uid]) ? x[uid] : 0);
  return ranked(subnet, true, (uid) => stakeAlpha[uid]).map((uid) => ({
    uid,
    hotkey: hotkey[uid],
    stake: stakeAlpha[uid] / RAO_PER_ALPHA,
    dividends: known(uid, board.dividends),
    trust: known(uid, board.trust),
    history: board.uidHistory(uid, hotkey[uid]),
  }));
}
