import { MINER_BEHAVIOURS, type SubnetConfig } from '../config.ts';
import { ROLE_MINER, type SubnetState } from '../state.ts';
import type { SubnetStreams } from '../streams.ts';
import { BLOCKS_PER_DAY } from '../units.ts';
import { minerGroupOf } from './cabal.ts';
import { evolveQuality, type QualityScope } from './miner-quality.ts';
import { servedQuality } from './served-quality.ts';

/** Miners' models move one epoch on, and each miner decides what it serves. */
export function advanceMiners(
  subnet: SubnetState,
  config: SubnetConfig,
  epoch: number,
  block: number,
  streams: SubnetStreams,
) {
  const { neurons } = subnet;
  const previousBest = subnet.bestQualityHistory.at(-1) ?? 0;
  let sum = 0;
  let count = 0;
  for (let j = 0; j < subnet.n; j++) {
    if (neurons.role[j] === ROLE_MINER && MINER_BEHAVIOURS[neurons.behaviour[j]] === 'honest') {
      sum += neurons.quality[j];
      count++;
    }
  }
  const mean = count > 0 ? sum / count : 0;
  let best = 0;
  // One scope for every miner (only q, age and uid change): expressions read it, nothing keeps it.
  const scope: QualityScope = {
    q: 0,
    epoch,
    age: 0,
    uid: 0,
    best: previousBest,
    mean,
    day: block / BLOCKS_PER_DAY,
  };
  for (let j = 0; j < subnet.n; j++) {
    if (neurons.role[j] !== ROLE_MINER) continue;
    const group = minerGroupOf(config, subnet, j);
    scope.q = neurons.quality[j];
    scope.age = Math.floor((block - neurons.blockAtRegistration[j]) / config.tempo);
    scope.uid = j;
    neurons.quality[j] = evolveQuality(group.quality, scope, streams.models.at(j));
    if (group.behaviour === 'honest' && neurons.quality[j] > best) best = neurons.quality[j];
  }
  subnet.bestQualityHistory.push(best);
  for (let j = 0; j < subnet.n; j++) {
    if (neurons.role[j] !== ROLE_MINER) continue;
    const group = minerGroupOf(config, subnet, j);
    neurons.served[j] = servedQuality(
      group.behaviour,
      neurons.quality[j],
      subnet.bestQualityHistory,
      group.copyLagEpochs,
    );
  }
  // Copiers look back at most the longest lag: keep the history bounded.
  const keep =
    1 + Math.max(0, ...config.miners.map((g) => g.copyLagEpochs), config.registration.miner.copyLagEpochs);
  if (subnet.bestQualityHistory.length > keep)
    subnet.bestQualityHistory.splice(0, subnet.bestQualityHistory.length - keep);
}
