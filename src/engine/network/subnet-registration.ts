import type { SimulationConfig } from '../config.ts';
import { spotPrice } from '../pool/pool.ts';
import { effectiveLockReductionInterval, subnetLockCost } from '../registration/lock-cost.ts';
import { type PruneCandidate, subnetToPrune } from '../registration/subnet-pruning.ts';
import type { SimulationState } from '../state.ts';
import type { SubnetStreams } from '../streams.ts';
import { nextArrivalBlock } from '../subnet/registration.ts';
import { dissolveSubnet } from './dissolve.ts';
import type { NetworkState } from './state.ts';

/** netuid standing for "one of the subnets outside the scenario" among pruning candidates. */
const OTHER = -2;

/**
 * Subnets of the scenario registered during the run (emissions.md §7), at their `registeredAt` block or,
 * rate-limited (NetworkRateLimit since the last registration) or with nothing to prune, as soon after
 * as the chain would let them:
 * 1. at SubnetLimit the weakest subnet out of NetworkImmunityPeriod goes first — lowest EMA price, ties to
 *    the earliest registered; the subnets outside the scenario count (one of them goes if they are the
 *    weakest); a scenario subnet is dissolved (dissolve.ts);
 * 2. the owner pays the lock cost (doubling per registration, linear decay) from outside wallets;
 * 3. the whole lock seeds the pool at the median spot price: TAO = max(lock, MinLock), alpha = TAO / median;
 * 4. start_call at once (StartCallDelay 0): emission and the EMA start, the EMA price from 0.
 * Simplified: netuids are not reused (a new subnet keeps the netuid its scenario gives it), and the
 * scenario's neurons arrive with the stakes it gives them.
 * Returns whether anything changed (a subnet registered, maybe another dissolved).
 */
export function registerDueSubnets(
  net: NetworkState,
  state: SimulationState,
  config: SimulationConfig,
  streams: SubnetStreams[],
  block: number,
): boolean {
  const rules = config.network.subnetRegistration;
  let changed = false;
  for (let k = 0; k < net.markets.length; k++) {
    const m = net.markets[k];
    if (m.active || m.dissolvedAt >= 0 || m.registeredAt > block) continue;
    if (block - net.registry.lastLockBlock < rules.rateLimit) return changed; // one registration per rate-limit window
    if (activeCount(net) >= rules.limit && !pruneOne(net, state, config, block)) return changed;
    changed = true;
    const cost = subnetLockCost({
      lastLock: net.registry.lastLock,
      lastLockBlock: net.registry.lastLockBlock,
      now: block,
      minLock: rules.minLock,
      reductionInterval: effectiveLockReductionInterval(rules.reductionInterval, net.blockEmission),
    });
    net.ledger.outside -= BigInt(cost);
    m.pool.tao = Math.max(cost, rules.minLock);
    m.pool.alpha = Math.floor(m.pool.tao / medianPrice(net, config.network.otherSubnets.movingPrice));
    m.pool.quoteWeight = 0.5;
    m.initialIssuance = m.pool.alpha + m.alphaOut;
    m.movingPrice = 0;
    m.startBlock = block;
    m.registeredAt = block;
    m.active = true;
    net.registry.lastLock = cost;
    net.registry.lastLockBlock = block;
    const subnet = state.subnets[k];
    const sc = config.subnets[k];
    subnet.lastEpochBlock = block - (subnet.netuid % sc.tempo);
    for (let uid = 0; uid < subnet.n; uid++) {
      subnet.neurons.blockAtRegistration[uid] = block;
      subnet.neurons.lastUpdate[uid] = block;
    }
    subnet.nextRegistrationBlock = nextArrivalBlock(
      subnet.lastEpochBlock + sc.tempo,
      sc.registration.perDay,
      streams[k].registration,
    );
  }
  return changed;
}

function activeCount(net: NetworkState): number {
  let count = net.registry.otherSubnets;
  for (const m of net.markets) if (m.active) count++;
  return count;
}

/** Median spot price of the active subnets (the others at their EMA price); 1 if there are none. */
function medianPrice(net: NetworkState, otherPrice: number): number {
  const prices: number[] = [];
  for (const m of net.markets) if (m.active) prices.push(spotPrice(m.pool));
  const others = net.registry.otherSubnets;
  for (let i = 0; i < others; i++) prices.push(otherPrice);
  if (prices.length === 0) return 1;
  prices.sort((a, b) => a - b);
  const mid = prices.length >> 1;
  const median = prices.length % 2 === 1 ? prices[mid] : (prices[mid - 1] + prices[mid]) / 2;
  return median > 0 ? median : 1;
}

/** Prunes the weakest subnet; false when none is out of immunity (the registration must wait). */
function pruneOne(
  net: NetworkState,
  state: SimulationState,
  config: SimulationConfig,
  block: number,
): boolean {
  const otherPrice = config.network.otherSubnets.movingPrice;
  const candidates: PruneCandidate[] = [];
  net.markets.forEach((m, k) => {
    if (m.active)
      candidates.push({
        netuid: state.subnets[k].netuid,
        registeredAt: m.registeredAt,
        emaPrice: m.movingPrice,
      });
  });
  if (net.registry.otherSubnets > 0) {
    candidates.push({ netuid: OTHER, registeredAt: Number.NEGATIVE_INFINITY, emaPrice: otherPrice });
  }
  const netuid = subnetToPrune(candidates, block, config.network.subnetRegistration.immunityPeriod);
  if (netuid === -1) return false;
  if (netuid === OTHER) {
    net.registry.otherSubnets--;
    return true;
  }
  const k = state.subnets.findIndex((s) => s.netuid === netuid);
  dissolveSubnet(net, state.subnets[k], k, block);
  return true;
}
