import type { MarketConfig, NetworkConfig } from './network/config.ts';
import type { SubnetSeed } from './replay/subnet-seed.ts';
import type { TimelineConfig } from './timeline.ts';
import type { YumaParams } from './yuma/types.ts';

/**
 * The engine's view of a scenario: validated, defaults filled, units converted (blocks, rao, fractions).
 * Produced by src/scenario/compile.ts; the engine never sees YAML.
 */

/** A quantity evaluated per miner per epoch from named variables (see QUALITY_VARIABLES). */
export type ScalarFn = (scope: Readonly<Record<string, number>>) => number;

/** Variables a per-miner quality expression may use. */
export const QUALITY_VARIABLES = ['q', 'epoch', 'age', 'uid', 'best', 'mean', 'day'] as const;

export type MinerBehaviour = 'honest' | 'copier' | 'idle';
export type ValidatorBehaviour = 'honest' | 'weight_copier' | 'lazy' | 'cabal' | 'random';
export const MINER_BEHAVIOURS: readonly MinerBehaviour[] = ['honest', 'copier', 'idle'];
export const VALIDATOR_BEHAVIOURS: readonly ValidatorBehaviour[] = [
  'honest',
  'weight_copier',
  'lazy',
  'cabal',
  'random',
];

export type WeightRule =
  | { rule: 'proportional' }
  | { rule: 'softmax'; temperature: number }
  | { rule: 'top_k'; k: number }
  | { rule: 'winner_take_all' };

export interface QualityModel {
  /** Initial latent quality drawn uniformly in [min, max] (equal bounds: a fixed value). */
  initial: { min: number; max: number };
  /** Per-epoch drift: a constant or an expression of QUALITY_VARIABLES. */
  drift: number | ScalarFn;
  /** Per-epoch noise standard deviation: a constant or an expression. */
  noise: number | ScalarFn;
  /** Release jumps: each epoch with this probability quality rises by size × Exp(1). */
  release: { probability: number; size: number };
}

export interface MinerGroup {
  count: number;
  behaviour: MinerBehaviour;
  /** Initial stake per miner, alpha. */
  stake: number;
  quality: QualityModel;
  /** copier: serves the best honest model as it was this many epochs ago. */
  copyLagEpochs: number;
  /** Cabal this miner belongs to, or null. */
  cabal: string | null;
}

/** A parent hotkey (emissions.md §1.2 step 4): its stake counts for the child; the child keeps a take of its dividends. */
export interface ParentKey {
  /** The parent's alpha stake on the subnet and its root stake, rao. */
  alphaStake: number;
  rootStake: number;
  /** Fraction of its stake the parent gives this child. */
  proportion: number;
  /** ChildkeyTake: the child's cut of the parent's slice of its dividends. */
  childkeyTake: number;
}

export interface ValidatorGroup {
  count: number;
  behaviour: ValidatorBehaviour;
  /** Stake per validator, alpha. */
  stake: number;
  /** TAO each validator has staked on root. */
  rootStake: number;
  /** A parent hotkey outside the subnet's uids that delegates stake to these validators (childkeys), or null. */
  parent: ParentKey | null;
  /** Standard deviation of one task's score noise. */
  noise: number;
  /** Constant added to every observed score. */
  bias: number;
  /** Tasks sampled per epoch: the score noise averages over them (sd = noise / √tasks). */
  tasks: number;
  weights: WeightRule;
  /** lazy: re-submit weights every this many epochs. */
  resubmitEveryEpochs: number;
  /** cabal: the cabal whose miners it boosts, and by how much their scores rise. */
  cabal: string | null;
  cabalBoost: number;
}

export interface RegistrationConfig {
  /** Mean new miner registrations per day (Poisson arrivals); 0 disables. */
  perDay: number;
  /** What a newcomer runs. */
  miner: MinerGroup;
}

/**
 * Commit-reveal of weights (yuma.md §3.15): a validator's submission is committed, not set; it becomes
 * part of the weights matrix `revealPeriodEpochs` epochs later, while its last_update is stamped at the
 * commit. Scenario default as on chain (§6): on, period 1.
 */
export interface CommitRevealConfig {
  enabled: boolean;
  /** RevealPeriodEpochs, 1–100: weights committed before epoch k are used by epoch k + this. */
  revealPeriodEpochs: number;
}

/** `float`: Float64Array epoch (fast); `exact`: the chain's fixed-point rounding, every integer output equal to the chain's. */
export type YumaArithmetic = 'float' | 'exact';

export interface SubnetConfig {
  netuid: number;
  /** Blocks per epoch. */
  tempo: number;
  /** MaxAllowedUids: the uid space; registration beyond it prunes a uid. */
  maxUids: number;
  /** Blocks after registration during which a uid is protected from pruning. */
  immunityPeriod: number;
  /** Pruning prefers non-immune uids while more than this many are non-immune (MinNonImmuneUids). */
  minNonImmuneUids: number;
  /** SubnetOwnerCut as a fraction of each block's alpha emission. */
  ownerCut: number;
  /** Alpha already issued by the subnet at the start (drives the alpha halving), rao. */
  initialAlphaIssuance: bigint;
  yuma: YumaParams;
  /** How the epoch computes: float64, or the chain's I32F32/I64F64 fixed point (bit-exact, slower). */
  arithmetic: YumaArithmetic;
  commitReveal: CommitRevealConfig;
  /** Validators first (uids 0…), then miners, in group order. */
  validators: ValidatorGroup[];
  miners: MinerGroup[];
  registration: RegistrationConfig;
  /** The subnet's pool, prices and registration burn at the start. */
  market: MarketConfig;
  /**
   * Start from a chain snapshot's uids, stakes, weights and bonds; the groups then have count 0 and
   * only lend their settings (validators[0], miners[0]).
   */
  initialState?: SubnetSeed;
}

export interface SimulationConfig {
  seed: number;
  /** Number of blocks to simulate. */
  blocks: number;
  subnets: SubnetConfig[];
  network: NetworkConfig;
  /** TAO/USD, shocks and contributors (timeline.ts); absent when the scenario has none of them. */
  timeline?: TimelineConfig;
}
