/**
 * The epoch-script JSON format of test/cases/yuma/README.md (a subnet's starting state and steps,
 * each ending in one epoch). Keys keep the JSON's snake_case so a parsed file is used as is.
 */

/** Hyper-parameters in the chain's integer encodings. */
export interface EpochScriptParams {
  /** Blocks per epoch (last_tempo = block − tempo; the activity cutoff is given separately). */
  tempo?: number;
  /** Activity cutoff in blocks (already computed). */
  activity_cutoff?: number;
  max_allowed_validators?: number;
  /** u16 (κ = kappa/65535). */
  kappa?: number;
  /** u16 (β = bonds_penalty/65535). */
  bonds_penalty?: number;
  /** Per million (α = 1 − bma/10⁶). */
  bonds_moving_average?: number;
  /** u16 each. */
  alpha_low?: number;
  alpha_high?: number;
  /** Raw AlphaSigmoidSteepness (slope = steepness/100). */
  steepness?: number;
  liquid_alpha?: boolean;
  yuma3?: boolean;
  stake_threshold?: number;
  /** Extension (not in the README): quirk Q1 switch, default true (chain behaviour). */
  sparse_liquid_alpha?: boolean;
}

export interface EpochScriptSetWeights {
  uid: number;
  uids: number[];
  /** u16 values as submitted (explicit zeros kept). */
  values: number[];
  /** What the chain stores, where given (for checking the max-upscaling). */
  stored_u16?: number[];
}

export interface EpochScriptStep {
  /** Block at which the epoch runs. */
  block: number;
  set_weights?: EpochScriptSetWeights[];
  /** Block stamped as last_update by set_weights (default: block). */
  set_at_block?: number;
  /** uids deregistered and replaced by a new, stake-less hotkey. */
  replace?: number[];
  /** Registration block of the replacements (default: block). */
  replace_block?: number;
  /** When true, set_weights is applied before replace. */
  replace_after_weights?: boolean;
  /** uids whose incoming bonds are cleared before the epoch. */
  reset_bond_column?: number[];
  /** Rao to distribute (default 1 000 000 000). */
  emission?: number;
  /** false: apply the changes without running an epoch. */
  epoch?: boolean;
  note?: string;
  /** What the chain test asserts (interpreted by the tests, not by the runner). */
  expect?: Record<string, unknown>;
  expect_log?: Record<string, unknown>;
  reference?: EpochStepOutputs;
  test_listed_bonds_unchecked?: unknown;
}

export interface EpochScript {
  id?: string;
  source?: string;
  variant?: string;
  note?: string;
  n: number;
  /** Raw stake per uid (only ratios matter). */
  stake: number[];
  params?: EpochScriptParams;
  param_defaults_if_absent?: EpochScriptParams;
  block_at_registration: number[];
  /** Default: block_at_registration. */
  last_update?: number[];
  /** Permits held before the first step (default: all false). */
  validator_permit?: boolean[];
  /** Extension (not in the README): uid of the subnet owner (default: none). */
  owner_uid?: number;
  steps: EpochScriptStep[];
}

/** One epoch's outputs, with the keys of the fixtures' `reference`. */
export interface EpochStepOutputs {
  stake: number[];
  active_stake: number[];
  consensus: number[];
  validator_trust: number[];
  incentive: number[];
  dividends: number[];
  incentive_u16: number[];
  dividends_u16: number[];
  /** rao */
  emission: number[];
  server_emission: number[];
  validator_emission: number[];
  new_validator_permit: boolean[];
  /** Per validator row: {uid: stored u16} of its non-zero bonds. */
  bonds_u16: Record<string, number>[];
}

export interface EpochScriptOptions {
  /** Overrides params.sparse_liquid_alpha (quirk Q1); default true = chain behaviour. */
  sparseLiquidAlpha?: boolean;
  /**
   * `float` (default): the float64 epoch (runEpoch). `exact`: the chain's I32F32/I64F64 fixed point
   * (runEpochExact), whose integer outputs equal the chain's bit for bit; much slower.
   */
  arithmetic?: 'float' | 'exact';
}
