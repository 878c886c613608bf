/**
 * What a miner serves this epoch: honest miners serve their own model; copiers serve the best honest
 * model as it was `lag` epochs ago (they need time to copy it); idle miners serve nothing (NaN: no
 * response, so validators give them no weight).
 */
import type { MinerBehaviour } from '../config.ts';

export function servedQuality(
  behaviour: MinerBehaviour,
  ownQuality: number,
  bestHistory: readonly number[],
  lagEpochs: number,
): number {
  switch (behaviour) {
    case 'honest':
      return ownQuality;
    case 'idle':
      return Number.NaN;
    case 'copier': {
      if (bestHistory.length === 0) return ownQuality;
      const index = Math.max(0, bestHistory.length - 1 - lagEpochs);
      return bestHistory[index];
    }
  }
}
