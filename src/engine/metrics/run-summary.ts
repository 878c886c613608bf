import { timelineSummary } from '../compensation/summary.ts';
import { MINER_BEHAVIOURS, type SimulationConfig, VALIDATOR_BEHAVIOURS } from '../config.ts';
import type { Simulation } from '../init.ts';
import { ROLE_VALIDATOR, type SubnetState } from '../state.ts';
import type { EpochRecord } from '../subnet-epoch.ts';
import { BLOCKS_PER_DAY, formatRao, RAO_PER_ALPHA } from '../units.ts';
import type { EpochMetrics } from './epoch-metrics.ts';

/** What one behaviour earned over the run. Emission in alpha; share of its role's total emission. */
export interface BehaviourSummary {
  /** Neurons with this behaviour registered at the end of the run. */
  count: number;
  emission: number;
  share: number;
  /** Emission per neuron registered at the end. */
  per_neuron: number;
}

export interface ValidatorBehaviourSummary extends BehaviourSummary {
  /** Initial stake of those neurons, alpha. */
  stake: number;
  /** Alpha earned per 1000 alpha of initial stake: compares behaviours of unequal stake. */
  per_1000_stake: number;
}

/** Headline figures of one subnet over a run (summary.json); ledger amounts in alpha (exact 9-decimal text). */
export interface SubnetSummary {
  netuid: number;
  epochs: number;
  alpha_emitted: string;
  owner_cut: string;
  miner_emission: string;
  validator_emission: string;
  /** Drained but paid to nobody: floor dust of the epoch split, or a whole epoch when no uid has stake. */
  burned: string;
  /** Root stakers' part of the validator half (root proportion ρ): claimable, claimed, sold or recycled. */
  root_stakers: string;
  /** Paid to parent hotkeys outside the subnet (childkeys), CK burn included. */
  childkey_parents: string;
  /** Emitted but not yet drained (the epoch after the run's last block would pay it). */
  pending: string;
  /** Earned by neurons later deregistered. */
  departed_balance: string;
  registrations: number;
  pruned: number;
  miners: Record<string, BehaviourSummary>;
  validators: Record<string, ValidatorBehaviourSummary>;
  cabal_incentive_share_mean: number;
  quality_incentive_correlation_mean: number;
  incentive_gini_mean: number;
  mean_quality_final: number;
  best_quality_final: number;
}

export interface RunSummary {
  blocks: number;
  days: number;
  seed: number;
  subnets: SubnetSummary[];
  /** With a timeline (TAO/USD, shocks, contributors): the market's figures and the packages' values. */
  market?: ReturnType<typeof timelineSummary>['market'];
  compensation?: ReturnType<typeof timelineSummary>['compensation'];
}

interface Totals {
  epochs: number;
  miner: Record<string, bigint>;
  validator: Record<string, bigint>;
  minerTotal: bigint;
  validatorTotal: bigint;
  registrations: number;
  pruned: number;
  cabal: number;
  correlation: number;
  gini: number;
  last: EpochMetrics | null;
}

const zeros = (names: readonly string[]) => Object.fromEntries(names.map((b) => [b, 0n]));
const toAlpha = (rao: bigint) => Number(rao) / RAO_PER_ALPHA;

/** Per behaviour of one role: count and initial stake of the neurons registered at the end. */
function census(subnet: SubnetState, validators: boolean, names: readonly string[]) {
  const out = Object.fromEntries(names.map((b) => [b, { count: 0, stake: 0 }]));
  const { role, behaviour, initialStake } = subnet.neurons;
  for (let j = 0; j < subnet.n; j++) {
    if ((role[j] === ROLE_VALIDATOR) !== validators) continue;
    out[names[behaviour[j]]].count++;
    out[names[behaviour[j]]].stake += initialStake[j];
  }
  return out;
}

function byBehaviour(
  names: readonly string[],
  earned: Record<string, bigint>,
  total: bigint,
  subnet: SubnetState,
  validators: boolean,
) {
  const people = census(subnet, validators, names);
  return Object.fromEntries(
    names.map((b) => {
      const emission = toAlpha(earned[b]);
      const { count, stake } = people[b];
      const base = {
        count,
        emission,
        share: total > 0n ? Number(earned[b]) / Number(total) : 0,
        per_neuron: count > 0 ? emission / count : 0,
      };
      return [
        b,
        validators ? { ...base, stake, per_1000_stake: stake > 0 ? (1000 * emission) / stake : 0 } : base,
      ];
    }),
  );
}

/** Folds epoch records into run totals; `finish` reads the final state for the ledger figures. */
export function createRunSummary(config: SimulationConfig) {
  const totals: Totals[] = config.subnets.map(() => ({
    epochs: 0,
    miner: zeros(MINER_BEHAVIOURS),
    validator: zeros(VALIDATOR_BEHAVIOURS),
    minerTotal: 0n,
    validatorTotal: 0n,
    registrations: 0,
    pruned: 0,
    cabal: 0,
    correlation: 0,
    gini: 0,
    last: null,
  }));
  const indexOf = new Map(config.subnets.map((s, k) => [s.netuid, k]));

  // An epoch's payments summed per behaviour as floats, then added to the bigint totals once: a bigint
  // per uid and epoch was a tenth of a sweep run's garbage. Exact while every partial sum is a whole
  // number below 2^53, which the loop checks (an epoch that breaks it takes the bigint path).
  const minerSums = new Float64Array(MINER_BEHAVIOURS.length);
  const validatorSums = new Float64Array(VALIDATOR_BEHAVIOURS.length);

  function addPaid(t: Totals, record: EpochRecord): void {
    const { role, behaviour } = record.subnet.neurons;
    minerSums.fill(0);
    validatorSums.fill(0);
    let bound = 0;
    for (let j = 0; j < record.n; j++) {
      const amount = record.paid[j];
      bound += Math.abs(amount);
      if (!Number.isInteger(amount) || !(bound <= Number.MAX_SAFE_INTEGER)) {
        addPaidExactly(t, record);
        return;
      }
      if (role[j] === ROLE_VALIDATOR) validatorSums[behaviour[j]] += amount;
      else minerSums[behaviour[j]] += amount;
    }
    for (let b = 0; b < VALIDATOR_BEHAVIOURS.length; b++) {
      const amount = BigInt(validatorSums[b]);
      t.validator[VALIDATOR_BEHAVIOURS[b]] += amount;
      t.validatorTotal += amount;
    }
    for (let b = 0; b < MINER_BEHAVIOURS.length; b++) {
      const amount = BigInt(minerSums[b]);
      t.miner[MINER_BEHAVIOURS[b]] += amount;
      t.minerTotal += amount;
    }
  }

  function addPaidExactly(t: Totals, record: EpochRecord): void {
    const { role, behaviour } = record.subnet.neurons;
    for (let j = 0; j < record.n; j++) {
      const amount = BigInt(record.paid[j]);
      if (role[j] === ROLE_VALIDATOR) {
        t.validator[VALIDATOR_BEHAVIOURS[behaviour[j]]] += amount;
        t.validatorTotal += amount;
      } else {
        t.miner[MINER_BEHAVIOURS[behaviour[j]]] += amount;
        t.minerTotal += amount;
      }
    }
  }

  function add(record: EpochRecord, metrics: EpochMetrics): void {
    const t = totals[indexOf.get(record.netuid)!];
    addPaid(t, record);
    t.epochs++;
    t.registrations += record.registrations;
    t.pruned += record.pruned;
    t.cabal += metrics.cabal_incentive_share;
    t.correlation += metrics.quality_incentive_correlation;
    t.gini += metrics.incentive_gini;
    t.last = metrics;
  }

  /** `blocks`: how many blocks ran (fewer than the config's when a live run is stopped early). */
  function finish(
    sim: Pick<Simulation, 'state' | 'network' | 'timeline'>,
    blocks = config.blocks,
  ): RunSummary {
    const subnets = sim.state.subnets.map((s, k): SubnetSummary => {
      const t = totals[k];
      const mean = (x: number) => (t.epochs > 0 ? x / t.epochs : 0);
      const market = sim.network.markets[k];
      const pending = BigInt(s.pendingServer + s.pendingValidator + s.pendingOwner + market.pendingRoot);
      return {
        netuid: s.netuid,
        epochs: t.epochs,
        alpha_emitted: formatRao(BigInt(s.alphaOutIssued) - config.subnets[k].initialAlphaIssuance),
        owner_cut: formatRao(s.ownerBalance),
        miner_emission: formatRao(t.minerTotal),
        validator_emission: formatRao(t.validatorTotal),
        burned: formatRao(s.burned),
        root_stakers: formatRao(BigInt(market.rootStakersAlpha)),
        childkey_parents: formatRao(BigInt(market.parentAlpha)),
        pending: formatRao(pending),
        departed_balance: formatRao(s.departedBalance),
        registrations: t.registrations,
        pruned: t.pruned,
        miners: byBehaviour(MINER_BEHAVIOURS, t.miner, t.minerTotal, s, false),
        validators: byBehaviour(VALIDATOR_BEHAVIOURS, t.validator, t.validatorTotal, s, true) as Record<
          string,
          ValidatorBehaviourSummary
        >,
        cabal_incentive_share_mean: mean(t.cabal),
        quality_incentive_correlation_mean: mean(t.correlation),
        incentive_gini_mean: mean(t.gini),
        mean_quality_final: t.last?.mean_quality ?? 0,
        best_quality_final: t.last?.best_quality ?? 0,
      };
    });
    const summary: RunSummary = { blocks, days: blocks / BLOCKS_PER_DAY, seed: config.seed, subnets };
    if (sim.timeline === undefined) return summary;
    return {
      ...summary,
      ...timelineSummary(
        sim.timeline,
        config.subnets.map((s) => s.netuid),
      ),
    };
  }

  return { add, finish };
}
