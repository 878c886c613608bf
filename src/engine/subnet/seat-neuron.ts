import { initialQuality } from '../agents/miner-quality.ts';
import { MINER_BEHAVIOURS, type MinerGroup, VALIDATOR_BEHAVIOURS, type ValidatorGroup } from '../config.ts';
import type { Rng } from '../rng.ts';
import { ROLE_MINER, ROLE_VALIDATOR, type SubnetState } from '../state.ts';
import { RAO_PER_ALPHA } from '../units.ts';

/** The newcomer's own stake opens its hotkey's pool (all shares its own). */
function openPool(subnet: SubnetState, uid: number, stakeAlpha: number, rootStakeTao: number): void {
  const neurons = subnet.neurons;
  const rao = Math.round(stakeAlpha * RAO_PER_ALPHA);
  neurons.stakeAlpha[uid] = rao;
  neurons.shares[uid] = rao;
  neurons.ownShares[uid] = rao;
  neurons.rootStake[uid] = Math.round(rootStakeTao * RAO_PER_ALPHA);
}

/** Puts a validator of `group` into an empty (or just vacated) uid. */
export function seatValidator(
  subnet: SubnetState,
  uid: number,
  group: ValidatorGroup,
  groupIndex: number,
): void {
  const neurons = subnet.neurons;
  neurons.role[uid] = ROLE_VALIDATOR;
  neurons.group[uid] = groupIndex;
  neurons.behaviour[uid] = VALIDATOR_BEHAVIOURS.indexOf(group.behaviour);
  neurons.initialStake[uid] = group.stake;
  openPool(subnet, uid, group.stake, group.rootStake);
  neurons.quality[uid] = Number.NaN;
  neurons.served[uid] = Number.NaN;
  neurons.nextSubmitEpoch[uid] = 0;
}

/** Puts a miner of `group` (groupIndex −1 = a newcomer) into a uid, drawing its initial model quality. */
export function seatMiner(
  subnet: SubnetState,
  uid: number,
  group: MinerGroup,
  groupIndex: number,
  rng: Rng,
): void {
  const neurons = subnet.neurons;
  neurons.role[uid] = ROLE_MINER;
  neurons.group[uid] = groupIndex;
  neurons.behaviour[uid] = MINER_BEHAVIOURS.indexOf(group.behaviour);
  neurons.initialStake[uid] = group.stake;
  openPool(subnet, uid, group.stake, 0);
  neurons.quality[uid] = initialQuality(group.quality, rng);
  neurons.served[uid] = neurons.quality[uid];
  neurons.nextSubmitEpoch[uid] = 0;
}
