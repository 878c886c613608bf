import { MINER_BEHAVIOURS, VALIDATOR_BEHAVIOURS } from '../config.ts';
import { ROLE_VALIDATOR } from '../state.ts';
import type { EpochRecord } from '../subnet-epoch.ts';
import { createStatisticsScratch, gini, type StatisticsScratch, spearman } from './statistics.ts';

/** One subnet epoch in aggregate: the row of subnet.csv. Shares are fractions of the epoch's total. */
export interface EpochMetrics {
  validators: number;
  miners: number;
  permitted_validators: number;
  active_validators: number;
  mean_quality: number;
  best_quality: number;
  /** Spearman correlation of served quality and incentive over responding miners. */
  quality_incentive_correlation: number;
  incentive_gini: number;
  /** Incentive earned by the miner serving the best model. */
  best_miner_incentive: number;
  mean_validator_trust: number;
  incentive_share: Record<string, number>;
  dividend_share: Record<string, number>;
  cabal_incentive_share: number;
}

/** The per-miner columns an epoch's statistics read, reused by a run's epochs (grown to the largest n). */
export interface EpochMetricsScratch {
  minerQuality: Float64Array;
  minerIncentive: Float64Array;
  allIncentive: Float64Array;
  statistics: StatisticsScratch;
}

export function createEpochMetricsScratch(): EpochMetricsScratch {
  return {
    minerQuality: new Float64Array(0),
    minerIncentive: new Float64Array(0),
    allIncentive: new Float64Array(0),
    statistics: createStatisticsScratch(),
  };
}

const zeros = (names: readonly string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const name of names) out[name] = 0;
  return out;
};

export function epochMetrics(
  record: EpochRecord,
  minerCabal: (uid: number) => string | null,
  scratch: EpochMetricsScratch = createEpochMetricsScratch(),
): EpochMetrics {
  const { n, result, subnet } = record;
  const { role, behaviour, served, quality } = subnet.neurons;
  const incentiveShare = zeros(MINER_BEHAVIOURS);
  const dividendShare = zeros(VALIDATOR_BEHAVIOURS);
  if (scratch.allIncentive.length < n) {
    scratch.minerQuality = new Float64Array(n);
    scratch.minerIncentive = new Float64Array(n);
    scratch.allIncentive = new Float64Array(n);
  }
  const { minerQuality, minerIncentive, allIncentive } = scratch;
  let miners = 0;
  let servedMiners = 0;
  let validators = 0;
  let permitted = 0;
  let active = 0;
  let trustSum = 0;
  let honestSum = 0;
  let honestCount = 0;
  let best = 0;
  let bestServed = Number.NEGATIVE_INFINITY;
  let bestIncentive = 0;
  let cabalShare = 0;
  for (let j = 0; j < n; j++) {
    if (role[j] === ROLE_VALIDATOR) {
      validators++;
      dividendShare[VALIDATOR_BEHAVIOURS[behaviour[j]]] += result.dividends[j];
      if (result.validatorPermit[j]) permitted++;
      if (result.activeStake[j] > 0) {
        active++;
        trustSum += result.validatorTrust[j];
      }
      continue;
    }
    const kind = MINER_BEHAVIOURS[behaviour[j]];
    incentiveShare[kind] += result.incentive[j];
    allIncentive[miners++] = result.incentive[j];
    if (minerCabal(j) !== null) cabalShare += result.incentive[j];
    if (kind === 'honest') {
      honestSum += quality[j];
      honestCount++;
      if (quality[j] > best) best = quality[j];
    }
    if (!Number.isNaN(served[j])) {
      minerQuality[servedMiners] = served[j];
      minerIncentive[servedMiners++] = result.incentive[j];
      if (served[j] > bestServed) {
        bestServed = served[j];
        bestIncentive = result.incentive[j];
      }
    }
  }
  return {
    validators,
    miners: n - validators,
    permitted_validators: permitted,
    active_validators: active,
    mean_quality: honestCount > 0 ? honestSum / honestCount : 0,
    best_quality: best,
    quality_incentive_correlation: spearman(minerQuality, minerIncentive, servedMiners, scratch.statistics),
    incentive_gini: gini(allIncentive, miners, scratch.statistics),
    best_miner_incentive: bestIncentive,
    mean_validator_trust: active > 0 ? trustSum / active : 0,
    incentive_share: incentiveShare,
    dividend_share: dividendShare,
    cabal_incentive_share: cabalShare,
  };
}
