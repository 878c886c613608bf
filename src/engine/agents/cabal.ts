import type { MinerGroup, SubnetConfig } from '../config.ts';
import type { SubnetState } from '../state.ts';

/** The config group of the miner on `uid` (newcomers use the registration template). */
export function minerGroupOf(config: SubnetConfig, subnet: SubnetState, uid: number): MinerGroup {
  const g = subnet.neurons.group[uid];
  return g < 0 ? config.registration.miner : config.miners[g];
}

/** The cabal the miner on `uid` belongs to, or null. */
export function minerCabal(config: SubnetConfig, subnet: SubnetState, uid: number): string | null {
  return minerGroupOf(config, subnet, uid).cabal;
}
