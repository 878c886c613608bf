import type { ValidatorGroup } from '../config.ts';
import type { Rng } from '../rng.ts';
import { ROLE_MINER, type SubnetState } from '../state.ts';

/**
 * What a validator observes this epoch: for every miner that responded, score = served quality + bias +
 * noise averaged over `tasks` sampled tasks (sd = noise/√tasks), plus the cabal boost for its own
 * cabal's miners. NaN for uids it does not score (validators, idle miners, itself).
 * One normal is drawn per responding miner whatever the behaviour, so the stream stays aligned.
 */
export function observeScores(
  subnet: SubnetState,
  group: ValidatorGroup,
  minerCabal: (uid: number) => string | null,
  rng: Rng,
  out: Float64Array,
): void {
  const { role, served } = subnet.neurons;
  const sd = group.noise / Math.sqrt(group.tasks);
  out.fill(Number.NaN);
  for (let j = 0; j < subnet.n; j++) {
    if (role[j] !== ROLE_MINER || Number.isNaN(served[j])) continue;
    let score = served[j] + group.bias + sd * rng.normal();
    if (group.behaviour === 'cabal' && group.cabal !== null && minerCabal(j) === group.cabal) {
      score += group.cabalBoost;
    }
    out[j] = score;
  }
}
