/**
 * Inputs and outputs of one Yuma epoch (one mechanism), as in ../shared/spec/yuma.md §2 and §3.13.
 * Matrices are dense, row-major n×n (entry (i, j) at i*n + j): row i is validator i, column j is uid j.
 */

/** Hyper-parameters of the epoch, already converted from the chain's integer encodings. */
export interface YumaParams {
  /** `yuma1`: the chain's original Yuma (Yuma3On = false); `yuma3`: YC3 absolute per-pair bonds. */
  version: 'yuma1' | 'yuma3';
  /** κ as a fraction (chain: Kappa u16 / 65535; default 32767/65535). */
  kappa: number;
  /** β as a fraction (chain: BondsPenalty u16 / 65535; default 1). */
  bondsPenalty: number;
  /** Chain BondsMovingAverage, per million: EMA α = 1 − bma/1e6 (default 900 000 → α 0.1). */
  bondsMovingAverage: number;
  /** Liquid alpha v2 (only effective with yuma3, spec Q7). alphaLow/High are fractions; steepness raw (slope = steepness/100). */
  liquidAlpha: { enabled: boolean; alphaLow: number; alphaHigh: number; steepness: number };
  /** Chain quirk Q1: with yuma3 + liquid alpha, bonds to columns absent from W̃'s row drop to 0 (true, as on chain) or decay (false). */
  sparseLiquidAlpha: boolean;
  /** K of the top-K validator permits. */
  maxAllowedValidators: number;
  /** Activity cutoff in blocks. */
  activityCutoff: number;
  /** Raw stake below which a uid's stake counts as 0 (owner exempt). */
  stakeThreshold: number;
}

export interface EpochInput {
  /** Number of uids. */
  n: number;
  /** Block at which the epoch runs. */
  block: number;
  /** Blocks per epoch. */
  tempo: number;
  /** Block of the previous successful epoch, or -1 if none (then last_tempo = block − tempo). */
  lastEpochBlock: number;
  /** Per uid → raw stake weight (any unit; only ratios matter). */
  stake: Float64Array;
  /** n×n → stored u16 weight values (row max-upscaled to 65535 at set_weights). */
  weights: Float64Array;
  /** n×n → 1 where a weight entry exists (explicit zeros are entries; spec §3.5). */
  weightsPresent: Uint8Array;
  /** n×n → stored u16 bonds left by the previous epoch (0 = no bond). */
  bonds: Float64Array;
  /**
   * Optional hint: `true` promises that every non-zero entry of `bonds` lies in a row whose
   * `validatorPermit` is 1. An epoch stores bonds only in the rows it permits, so this holds whenever
   * both are the previous epoch's outputs, possibly with entries zeroed since (a simulation's replaced
   * uid). The epoch then does not scan the other ~n − K rows of `bonds` for non-zeros (rows.ts).
   * Absent or false: they are scanned; the result is the same whenever the promise holds.
   */
  bondsInPermittedRows?: boolean;
  /** Per uid → block of the last set_weights (or commit). */
  lastUpdate: Float64Array;
  /** Per uid → block at which the current occupant registered. */
  blockAtRegistration: Float64Array;
  /** Per uid → validator permit computed by the previous epoch. */
  validatorPermit: Uint8Array;
  /**
   * Optional, commit-reveal only (§3.5 step 4): per uid → earliest block among its unexpired weight
   * commits, or Infinity when it has none. Absent = commit-reveal off (no mask).
   */
  commitBlock?: Float64Array;
  /** uid of the subnet owner hotkey, or -1. */
  ownerUid: number;
  /** Amount to distribute this epoch (rao). */
  emission: number;
}

export interface EpochResult {
  /** Per uid → normalised stake S (after the stake threshold). */
  stake: Float64Array;
  /** Per uid → normalised active stake A. */
  activeStake: Float64Array;
  /** Per uid → 1 if the uid counted as active (last_update within the cutoff). */
  active: Uint8Array;
  consensus: Float64Array;
  validatorTrust: Float64Array;
  incentive: Float64Array;
  dividends: Float64Array;
  /** Per uid → miner share of the emission, rao (floored). */
  serverEmission: Float64Array;
  /** Per uid → validator share of the emission, rao (floored). */
  validatorEmission: Float64Array;
  /** Per uid → combined emission ⌊normalise(I + D)·E⌋, rao (persisted, used for pruning). */
  emission: Float64Array;
  /** Per uid → permit computed by this epoch (used from the next epoch on). */
  validatorPermit: Uint8Array;
  /** n×n → bonds to store (u16 values). */
  bonds: Float64Array;
}
