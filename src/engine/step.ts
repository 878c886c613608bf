import type { SubnetConfig } from './config.ts';
import { splitAlphaOut } from './emission/alpha-split.ts';
import { blockEmissionForIssuance } from './emission/block-emission.ts';
import type { SubnetState } from './state.ts';
import type { SubnetStreams } from './streams.ts';
import { nextArrivalBlock, registerMiner } from './subnet/registration.ts';
import { type EpochRecord, type EpochWorkspace, runSubnetEpoch } from './subnet-epoch.ts';

/**
 * One block of one subnet, in the chain's order (emissions.md §11, reduced to what a single subnet
 * without pools needs): registrations of this block → alpha emission into the pending buckets → the
 * epoch if due (every `tempo` blocks since the last). Returns the epoch's record when one ran.
 */
export function stepSubnetBlock(
  subnet: SubnetState,
  config: SubnetConfig,
  block: number,
  streams: SubnetStreams,
  workspace: EpochWorkspace,
): EpochRecord | null {
  while (subnet.nextRegistrationBlock <= block) {
    registerMiner(subnet, config, block, streams.seatModel);
    subnet.nextRegistrationBlock = nextArrivalBlock(block, config.registration.perDay, streams.registration);
  }
  const alphaOut = blockEmissionForIssuance(subnet.alphaIssuance);
  subnet.alphaIssuance += alphaOut;
  const split = splitAlphaOut(Number(alphaOut), config.ownerCut);
  subnet.pendingOwner += split.owner;
  subnet.pendingServer += split.server;
  subnet.pendingValidator += split.validator;
  if (config.tempo > 0 && block - subnet.lastEpochBlock >= config.tempo) {
    return runSubnetEpoch(subnet, config, block, streams, workspace);
  }
  return null;
}
