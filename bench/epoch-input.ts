/**
 * A realistic, reproducible input for one Yuma epoch at full subnet size: by default 256 uids, the first
 * 64 permitted active validators, the other 192 miners (SHAPE_128X1024: 1024 uids, 128 validators, 896
 * miners). Every validator's weight row is full: it weights every miner (softmax weights are > 0 and
 * the smallest still stores as u16 ≥ 1 at both shapes). Everything is drawn from `createRng` with a fixed
 * seed, so every bench run times the very same epoch.
 *
 * - Validator stake is log-normal (a few whales, a long tail), miners hold none.
 * - Each validator observes every miner's quality with noise (sd 0.1/√16, as the quickstart's 16 tasks)
 *   and sets softmax weights (temperature 0.05), stored max-upscaled to u16 as set_weights does.
 * - Validators submitted at different blocks of the last half tempo; four miners registered during the
 *   last tempo, so their bond columns are dropped and some validators' weights on them are masked.
 * - Bonds and permits are not synthetic: `warmEpochs` earlier epochs (fresh noise each) are run with the
 *   same parameters and their stored bonds carried over, so yuma1 and yuma3 each see their own encoding.
 */

import { createRng, type Rng } from '../src/engine/rng.ts';
import { activityCutoffBlocks, newSubnetYumaParams } from '../src/engine/yuma/defaults.ts';
import { runEpoch } from '../src/engine/yuma/epoch.ts';
import { maxUpscaleU16 } from '../src/engine/yuma/set-weights.ts';
import type { EpochInput, YumaParams } from '../src/engine/yuma/types.ts';

export const EPOCH_SEED = 20_240_601;

export interface EpochInputShape {
  /** Number of uids (columns). */
  n: number;
  /** Permitted validators on uids 0…validators−1. */
  validators: number;
  /** Miners registered during the last tempo (bond columns dropped, some weights masked). */
  freshMiners: number;
  /** Epochs run beforehand to produce carried-over bonds. */
  warmEpochs: number;
}

export const SHAPE_64X256: EpochInputShape = { n: 256, validators: 64, freshMiners: 4, warmEpochs: 3 };
/** A large subnet: 128 validators weighting 896 miners (8× the work of 64×256 in every m×n stage). */
export const SHAPE_128X1024: EpochInputShape = { n: 1024, validators: 128, freshMiners: 4, warmEpochs: 3 };

const TEMPO = 360;
const NOISE_SD = 0.1 / Math.sqrt(16);
const SOFTMAX_TEMPERATURE = 0.05;
/** One alpha per block over a tempo, less the owner cut (11796/65535 ≈ 18 %), in rao. */
const EMISSION = Math.floor((1 - 11796 / 65535) * TEMPO * 1e9);

/**
 * Chain defaults (spec §6) as the quickstart compiles them, for the given Yuma version. The shape's
 * validators all get permits: MaxAllowedValidators is its default 64 at 64×256 and is raised (a subnet
 * hyperparameter) to 128 at 128×1024, else only 64 of the 128 would ever hold weights.
 */
export function benchParams(
  version: YumaParams['version'],
  shape: EpochInputShape = SHAPE_64X256,
): YumaParams {
  return {
    ...newSubnetYumaParams(),
    version,
    activityCutoff: activityCutoffBlocks(TEMPO),
    maxAllowedValidators: Math.max(newSubnetYumaParams().maxAllowedValidators, shape.validators),
  };
}

/** Softmax of noisy quality observations over the miners, stored as set_weights stores a row. */
function weightRow(quality: Float64Array, shape: EpochInputShape, rng: Rng): Uint16Array {
  const row = new Float64Array(shape.n);
  let max = Number.NEGATIVE_INFINITY;
  const score = new Float64Array(shape.n);
  for (let j = shape.validators; j < shape.n; j++) {
    score[j] = quality[j] + NOISE_SD * rng.normal();
    if (score[j] > max) max = score[j];
  }
  for (let j = shape.validators; j < shape.n; j++) row[j] = Math.exp((score[j] - max) / SOFTMAX_TEMPERATURE);
  return maxUpscaleU16(row);
}

/** Fills `input.weights`/`weightsPresent` with fresh observations (zeros are not submitted). */
function setAllWeights(input: EpochInput, quality: Float64Array, shape: EpochInputShape, rng: Rng): void {
  const { n } = shape;
  input.weights.fill(0);
  input.weightsPresent.fill(0);
  for (let i = 0; i < shape.validators; i++) {
    const u16 = weightRow(quality, shape, rng);
    for (let j = 0; j < n; j++) {
      if (u16[j] > 0) {
        input.weights[i * n + j] = u16[j];
        input.weightsPresent[i * n + j] = 1;
      }
    }
  }
}

/**
 * The epoch input at block `warmEpochs·tempo` past a start, with bonds and permits left by the warm-up
 * epochs run under `params`. Returns a fresh object each call; runEpoch does not mutate it.
 */
export function makeEpochInput(params: YumaParams, shape: EpochInputShape = SHAPE_64X256): EpochInput {
  const { n, validators } = shape;
  const rng = createRng(EPOCH_SEED, `bench/epoch-input/${n}x${validators}`);
  const startBlock = 100_000;

  const stake = new Float64Array(n);
  for (let i = 0; i < validators; i++) stake[i] = 10_000 * Math.exp(1.2 * rng.normal());
  const quality = new Float64Array(n);
  for (let j = validators; j < n; j++) quality[j] = 0.3 + 0.4 * rng.uniform();
  const blockAtRegistration = new Float64Array(n);
  for (let j = 0; j < n; j++) blockAtRegistration[j] = Math.floor(rng.uniform() * (startBlock - 10 * TEMPO));
  const validatorPermit = new Uint8Array(n);
  validatorPermit.fill(1, 0, validators);

  const input: EpochInput = {
    n,
    block: startBlock,
    tempo: TEMPO,
    lastEpochBlock: startBlock - TEMPO,
    stake,
    weights: new Float64Array(n * n),
    weightsPresent: new Uint8Array(n * n),
    bonds: new Float64Array(n * n),
    // Bonds and permits below are always a previous epoch's outputs, as in a simulation.
    bondsInPermittedRows: true,
    lastUpdate: new Float64Array(n),
    blockAtRegistration,
    validatorPermit,
    ownerUid: -1,
    emission: EMISSION,
  };

  // Warm-up epochs: validators re-submit one block before each epoch, bonds and permits carry over.
  for (let e = 0; e <= shape.warmEpochs; e++) {
    const block = startBlock + e * TEMPO;
    input.block = block;
    input.lastEpochBlock = block - TEMPO;
    setAllWeights(input, quality, shape, rng);
    // Validators submit at different times in the last half tempo.
    for (let i = 0; i < validators; i++) input.lastUpdate[i] = block - 1 - rng.int(TEMPO / 2);
    if (e === shape.warmEpochs) break;
    const result = runEpoch(input, params);
    input.bonds = result.bonds;
    input.validatorPermit = result.validatorPermit;
    // Miners' quality drifts a little between epochs, as in the quickstart.
    for (let j = validators; j < n; j++) quality[j] += 0.01 * rng.normal();
  }

  // Fresh registrations during the last tempo: the last few uids change occupant, so their bond
  // columns are dropped and validators that submitted before the registration lose that weight.
  for (let k = 0; k < shape.freshMiners; k++) blockAtRegistration[n - 1 - k] = input.block - 10 - 40 * k;
  return input;
}
