import type { SubnetState } from '../state.ts';
import { positionValue } from './stakers.ts';
import type { NetworkState } from './state.ts';

/**
 * A pruned subnet is dissolved (emissions.md §7, destroy_alpha_in_out_stakes): the pool's TAO is paid to
 * every alpha holder in proportion to the alpha held — stakers to their wallets, the neurons' operators,
 * the owner and outside holders to outside wallets — with the protocol (its bought alpha, the pool's own
 * alpha) and the unowned alpha (burned, pending, unclaimed root dividends) counting as holders whose
 * share is recycled, like the floors' remainder. Then every alpha of the subnet is destroyed.
 * Simplified: floors instead of the largest-remainder method; no lock refund (only legacy subnets get one).
 */
export function dissolveSubnet(net: NetworkState, subnet: SubnetState, k: number, block: number): void {
  const m = net.markets[k];
  const { ledger, stakers } = net;
  const tao = m.pool.tao;
  const total = m.alphaOut + m.pool.alpha;
  const pay = (alpha: number): number => (total > 0 && alpha > 0 ? Math.floor((alpha / total) * tao) : 0);
  let paid = 0;
  let stakersAlpha = 0;
  const columns = net.markets.length;
  for (let s = 0; s < stakers.count; s++) {
    const cell = s * columns + k;
    if (!(stakers.shares[cell] > 0)) continue;
    const alpha = positionValue(subnet, stakers.hotkey[cell], stakers.shares[cell]);
    stakersAlpha += alpha;
    const share = pay(alpha);
    stakers.balance[s] += share;
    paid += share;
    stakers.shares[cell] = 0;
    stakers.hotkey[cell] = -1;
  }
  let held = subnet.departedStake + m.outsideAlpha + m.ownerAlpha;
  for (let uid = 0; uid < subnet.n; uid++) held += subnet.neurons.stakeAlpha[uid];
  const outside = pay(Math.max(0, held - stakersAlpha));
  ledger.outside += BigInt(outside);
  paid += outside;
  const recycled = tao - paid;
  ledger.totalIssuance -= BigInt(recycled);
  ledger.recycledTao += BigInt(recycled);
  destroyAlpha(subnet, net, k);
  m.active = false;
  m.dissolvedAt = block;
}

function destroyAlpha(subnet: SubnetState, net: NetworkState, k: number): void {
  const m = net.markets[k];
  m.pool.tao = 0;
  m.pool.alpha = 0;
  m.pool.quoteWeight = 0.5;
  m.alphaOut = 0;
  m.protocolAlpha = 0;
  m.pendingRoot = 0;
  m.rootClaimable = 0;
  m.pendingRootTao = 0; // none outside the 2025-02 era, whose root TAO is paid at each epoch
  m.outsideAlpha = 0;
  m.ownerAlpha = 0;
  m.burnedAlpha = 0;
  m.share = 0;
  subnet.pendingServer = 0;
  subnet.pendingValidator = 0;
  subnet.pendingOwner = 0;
  subnet.departedStake = 0;
  subnet.departedPerShare.clear();
  const { neurons } = subnet;
  neurons.stakeAlpha.fill(0);
  neurons.shares.fill(0);
  neurons.ownShares.fill(0);
}
