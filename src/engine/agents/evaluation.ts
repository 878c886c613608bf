import type { ValidatorGroup } from '../config.ts';
import type { Rng } from '../rng.ts';
import { ROLE_MINER, type SubnetState } from '../state.ts';

/**
 * What validators can observe this epoch: the miners that respond (not idle), in uid order, with the
 * quality they serve and their cabal. The same for every validator of the epoch, so it is gathered once
 * (findResponders) and each validator's scores are indexed by responder, not by uid.
 */
export interface Responders {
  count: number;
  /** Per responder → its uid (ascending). */
  uid: Int32Array;
  /** Per responder → served quality. */
  served: Float64Array;
  /** Per responder → its cabal, or null (filled only when asked for). */
  cabal: (string | null)[];
}

export function createResponders(capacity: number): Responders {
  return {
    count: 0,
    uid: new Int32Array(capacity),
    served: new Float64Array(capacity),
    cabal: new Array(capacity).fill(null),
  };
}

/** Gathers the responding miners; `minerCabal` (null: no cabal validator needs it) names each one's cabal. */
export function findResponders(
  subnet: SubnetState,
  minerCabal: ((uid: number) => string | null) | null,
  out: Responders,
): Responders {
  const { role, served } = subnet.neurons;
  let m = 0;
  for (let j = 0; j < subnet.n; j++) {
    if (role[j] !== ROLE_MINER || Number.isNaN(served[j])) continue;
    out.uid[m] = j;
    out.served[m] = served[j];
    out.cabal[m] = minerCabal === null ? null : minerCabal(j);
    m++;
  }
  out.count = m;
  return out;
}

/**
 * What one validator observes: per responder, score = served quality + bias + noise averaged over
 * `tasks` sampled tasks (sd = noise/√tasks), plus the cabal boost for its own cabal's miners. One
 * normal is drawn per responder whatever the behaviour, so the stream stays aligned. Returns the
 * highest score (−Infinity with no responder).
 */
export function observeResponders(
  responders: Responders,
  group: ValidatorGroup,
  rng: Rng,
  scores: Float64Array,
): number {
  const { count, served, cabal } = responders;
  const sd = group.noise / Math.sqrt(group.tasks);
  let max = rng.normalsAround(served, group.bias, sd, scores, count);
  if (group.behaviour === 'cabal' && group.cabal !== null) {
    // Taken again over the boosted scores: a negative boost (allowed) can lower the best one.
    max = Number.NEGATIVE_INFINITY;
    for (let r = 0; r < count; r++) {
      if (cabal[r] === group.cabal) scores[r] += group.cabalBoost;
      if (scores[r] > max) max = scores[r];
    }
  }
  return max;
}

/**
 * observeResponders by uid, for one validator on its own: `out[uid]` is its score, NaN for uids it does
 * not score (validators, idle miners).
 */
export function observeScores(
  subnet: SubnetState,
  group: ValidatorGroup,
  minerCabal: (uid: number) => string | null,
  rng: Rng,
  out: Float64Array,
): void {
  const responders = findResponders(subnet, minerCabal, createResponders(subnet.n));
  const scores = new Float64Array(responders.count);
  observeResponders(responders, group, rng, scores);
  out.fill(Number.NaN);
  for (let r = 0; r < responders.count; r++) out[responders.uid[r]] = scores[r];
}
