import { VALIDATOR_BEHAVIOURS, type ValidatorGroup } from '../config.ts';
import { addOwnStake } from '../network/hotkey-stake.ts';
import type { NetworkState } from '../network/state.ts';
import { buyAlpha } from '../network/trade.ts';
import type { SwapQuote } from '../pool/swap.ts';
import { ROLE_MINER, ROLE_VALIDATOR, type SubnetState } from '../state.ts';
import { claimUid } from '../subnet/registration.ts';
import { seatValidator } from '../subnet/seat-neuron.ts';
import { RAO_PER_ALPHA } from '../units.ts';
import { type Sold, sellOwnStake } from './pool-shocks.ts';

/**
 * Shocks to a subnet's neurons. Shocks name uids of the subnet's starting layout (validators on uids
 * 0…, then miners); a uid whose first occupant was since replaced (its hotkey is no longer the uid's
 * starting one, which equals the uid) is left alone, and the event says so. New behaviours come from
 * groups the scenario compiler appended to the subnet's config (count 0), so the agents read them as
 * they read any group.
 */

/** Whether uid still holds its starting neuron, of the given role. */
export function holdsStartingNeuron(subnet: SubnetState, uid: number, role: number): boolean {
  return uid < subnet.n && subnet.neurons.hotkey[uid] === uid && subnet.neurons.role[uid] === role;
}

/**
 * The validator on `uid` leaves: its own stake is unstaked and sold through the pool, and it moves to
 * `group` (a lazy copy of its group) with no next submission, so it never sets weights again; its
 * weights age out past the activity cutoff. Stakers' positions on it stay.
 */
export function validatorLeaves(
  net: NetworkState,
  k: number,
  subnet: SubnetState,
  uid: number,
  group: number,
  feeRate: number,
  quote: SwapQuote,
): Sold | null {
  if (!holdsStartingNeuron(subnet, uid, ROLE_VALIDATOR)) return null;
  const sold = sellOwnStake(net, k, subnet, uid, subnet.neurons.ownShares[uid], feeRate, quote);
  subnet.neurons.group[uid] = group;
  subnet.neurons.behaviour[uid] = VALIDATOR_BEHAVIOURS.indexOf('lazy');
  subnet.neurons.nextSubmitEpoch[uid] = Number.POSITIVE_INFINITY;
  return sold;
}

/** Registers a validator of `group` at `block`: the next free uid, or the uid the pruning rule frees. Returns the uid or −1. */
function seatNewValidator(
  subnet: SubnetState,
  block: number,
  group: ValidatorGroup,
  groupIndex: number,
  immunityPeriod: number,
  minNonImmuneUids: number,
): number {
  const uid = claimUid(subnet, block, immunityPeriod, minNonImmuneUids);
  if (uid < 0) return -1;
  seatValidator(subnet, uid, group, groupIndex);
  subnet.registrationsSinceEpoch++;
  return uid;
}

/**
 * A validator arrives with stake: it registers (no burn: the chain's validators register like miners,
 * a cost this shock leaves out) and stakes `tao` rao of outside TAO through the pool. Returns its uid
 * and the alpha it bought, or null when no uid could be freed.
 */
export function validatorArrives(
  net: NetworkState,
  k: number,
  subnet: SubnetState,
  block: number,
  tao: number,
  group: ValidatorGroup,
  groupIndex: number,
  rules: { immunityPeriod: number; minNonImmuneUids: number; feeRate: number },
  quote: SwapQuote,
): { uid: number; alpha: number } | null {
  if (!net.markets[k].active) return null;
  const uid = seatNewValidator(
    subnet,
    block,
    group,
    groupIndex,
    rules.immunityPeriod,
    rules.minNonImmuneUids,
  );
  if (uid < 0) return null;
  const spend = Math.min(tao, Number(net.ledger.outside));
  const alpha = spend > 0 ? buyAlpha(net.markets[k], net.ledger, spend, rules.feeRate, quote) : 0;
  if (alpha > 0) {
    net.ledger.outside -= BigInt(spend);
    addOwnStake(subnet.neurons, uid, alpha);
    subnet.neurons.initialStake[uid] = alpha / RAO_PER_ALPHA;
  }
  return { uid, alpha };
}

/** Moves the listed starting validators and miners into their cabal groups; returns how many moved. */
export function cabalForms(
  subnet: SubnetState,
  validators: readonly { uid: number; group: number }[],
  miners: readonly { uid: number; group: number }[],
): { validators: number; miners: number } {
  const moved = { validators: 0, miners: 0 };
  const cabal = VALIDATOR_BEHAVIOURS.indexOf('cabal');
  for (const v of validators) {
    if (!holdsStartingNeuron(subnet, v.uid, ROLE_VALIDATOR)) continue;
    subnet.neurons.group[v.uid] = v.group;
    subnet.neurons.behaviour[v.uid] = cabal;
    moved.validators++;
  }
  for (const m of miners) {
    if (!holdsStartingNeuron(subnet, m.uid, ROLE_MINER)) continue;
    subnet.neurons.group[m.uid] = m.group;
    moved.miners++;
  }
  return moved;
}

/** Miners' latent quality jumps by `change` or is set to `set`, clamped to [0, 1]; returns how many moved. */
export function minerQualityShock(
  subnet: SubnetState,
  miners: readonly number[] | 'all',
  change: number | null,
  set: number | null,
): number {
  const { quality, role } = subnet.neurons;
  const apply = (uid: number) => {
    const q = set ?? quality[uid] + (change ?? 0);
    quality[uid] = Math.min(1, Math.max(0, q));
  };
  let moved = 0;
  if (miners === 'all') {
    for (let uid = 0; uid < subnet.n; uid++) {
      if (role[uid] !== ROLE_MINER) continue;
      apply(uid);
      moved++;
    }
    return moved;
  }
  for (const uid of miners) {
    if (!holdsStartingNeuron(subnet, uid, ROLE_MINER)) continue;
    apply(uid);
    moved++;
  }
  return moved;
}
