import { createHash } from 'node:crypto';
import { proportionToU16 } from '../../src/engine/math/u16.ts';
import { nextEpochBlock } from '../../src/engine/replay/epoch-schedule.ts';
import { type ChainSnapshot, SNAPSHOT_FORMAT, type SparseRows } from '../../src/engine/replay/snapshot.ts';
import { createRng } from '../../src/engine/rng.ts';
import { runEpochExact } from '../../src/engine/yuma/exact/epoch.ts';
import { maxUpscaleU16 } from '../../src/engine/yuma/set-weights.ts';
import type { EpochResult, YumaParams } from '../../src/engine/yuma/types.ts';

/**
 * A synthetic subnet in the snapshot format, ours to ship and to test with (not chain data): a few
 * validators weight miners by noisy scores, and each epoch's outputs are what our exact epoch computes,
 * so a `replay check` of these snapshots must find no difference. Snapshots sit at the last block
 * before each epoch (the `--every tempo` sampling), on the pre-2026 schedule at tempo 99.
 */

export interface SyntheticOptions {
  netuid: number;
  n: number;
  validators: number;
  tempo: number;
  /** Epochs after the warm-up one; one snapshot before each, plus one after the last. */
  epochs: number;
  firstBlock: number;
  seed: number;
}

export const SYNTHETIC_DEFAULTS: SyntheticOptions = {
  netuid: 7,
  n: 24,
  validators: 4,
  tempo: 99,
  epochs: 3,
  firstBlock: 5_000_000,
  seed: 1,
};

const hex32 = (label: string) => `0x${createHash('sha256').update(label).digest('hex')}`;

export const SYNTHETIC_HYPERPARAMS = {
  yuma3_on: true,
  bonds_penalty: 65_535,
  alpha_sigmoid_steepness: 1000,
  stake_threshold: 0,
  bonds_reset_on: false,
  mechanism_count: 1,
  tao_weight: '3320413933267719290',
};

const KAPPA = 32_767;
const BMA = 900_000;
const MAX_VALIDATORS = 64;
const ACTIVITY_CUTOFF = 5000;

export function syntheticParams(): YumaParams {
  return {
    version: 'yuma3',
    kappa: KAPPA / 65535,
    bondsPenalty: 1,
    bondsMovingAverage: BMA,
    liquidAlpha: { enabled: false, alphaLow: 45875 / 65535, alphaHigh: 58982 / 65535, steepness: 1000 },
    sparseLiquidAlpha: true,
    maxAllowedValidators: MAX_VALIDATORS,
    activityCutoff: ACTIVITY_CUTOFF,
    stakeThreshold: 0,
  };
}

function sparse(matrix: Float64Array, present: Uint8Array, n: number): SparseRows {
  const rows: SparseRows = [];
  for (let i = 0; i < n; i++) {
    const entries: [number, number][] = [];
    for (let j = 0; j < n; j++) if (present[i * n + j]) entries.push([j, matrix[i * n + j]]);
    if (entries.length > 0) rows.push([i, entries]);
  }
  return rows;
}

/** The snapshots, in block order. */
export function syntheticSnapshots(options: Partial<SyntheticOptions> = {}): ChainSnapshot[] {
  const o = { ...SYNTHETIC_DEFAULTS, ...options };
  const { n, validators: v, tempo, netuid } = o;
  const rng = createRng(o.seed, 'synthetic-chain');
  const hotkeys = Array.from({ length: n }, (_, uid) => hex32(`synthetic/${o.seed}/hotkey/${uid}`));
  const coldkeys = Array.from({ length: n }, (_, uid) => hex32(`synthetic/${o.seed}/coldkey/${uid % 5}`));
  const alphaStake = Array.from({ length: n }, (_, uid) =>
    uid < v ? Math.round((20_000 + rng.uniform() * 80_000) * 1e9) : 0,
  );
  const taoStake = Array.from({ length: n }, (_, uid) =>
    uid < v ? Math.round(rng.uniform() * 5_000 * 1e9) : 0,
  );
  const taoWeight = 0.18;
  const totalStake = alphaStake.map((a, uid) => Math.round(a + taoWeight * taoStake[uid]));
  const registration = Array.from({ length: n }, (_, uid) => o.firstBlock - 100_000 + uid * 37);
  const quality = Array.from({ length: n }, () => 0.2 + 0.8 * rng.uniform());
  const lastUpdate = registration.slice();
  const weights = new Float64Array(n * n);
  const present = new Uint8Array(n * n);
  let bonds = new Float64Array(n * n);
  let permit = new Uint8Array(n);
  for (let i = 0; i < v; i++) permit[i] = 1;
  const params = syntheticParams();

  // Validators score every miner (quality + noise) and set weights a few blocks before the epoch.
  const setWeights = (block: number) => {
    for (let i = 0; i < v; i++) {
      const scores = new Float64Array(n);
      for (let j = v; j < n; j++) scores[j] = Math.max(0, quality[j] + 0.15 * rng.normal());
      const row = maxUpscaleU16(Array.from(scores, (s) => Math.round(s * 1000)));
      for (let j = 0; j < n; j++) {
        weights[i * n + j] = row[j];
        present[i * n + j] = j >= v && row[j] > 0 ? 1 : 0;
      }
      lastUpdate[i] = block - 3 - i;
    }
  };

  const snapshots: ChainSnapshot[] = [];
  let epoch = nextEpochBlock('modulo', netuid, tempo, 0, o.firstBlock);
  let lastStep = epoch - (tempo + 1);
  let last: EpochResult | null = null;
  const epochAt = (block: number): EpochResult =>
    runEpochExact(
      {
        n,
        block,
        tempo,
        lastEpochBlock: lastStep,
        stake: Float64Array.from(totalStake, (s) => s / 1e9),
        weights,
        weightsPresent: present,
        bonds,
        lastUpdate: Float64Array.from(lastUpdate),
        blockAtRegistration: Float64Array.from(registration),
        validatorPermit: permit,
        ownerUid: -1,
        emission: (tempo + 1) * 820_000_000,
      },
      params,
    );
  const snapshotAt = (block: number): ChainSnapshot => {
    const r = last;
    const u16 = (a: Float64Array | undefined) =>
      Array.from({ length: n }, (_, i) => (a ? proportionToU16(a[i]) : 0));
    return {
      format: SNAPSHOT_FORMAT,
      block,
      hash: hex32(`synthetic/${o.seed}/block/${block}`),
      spec_version: 343,
      netuid,
      mechid: 0,
      source: 'synthetic',
      epoch_rule: 'modulo',
      metagraph: {
        netuid,
        block,
        tempo,
        last_step: lastStep,
        blocks_since_last_step: block - lastStep,
        kappa: KAPPA,
        bonds_moving_avg: BMA,
        liquid_alpha_enabled: false,
        alpha_high: 58982,
        alpha_low: 45875,
        max_validators: MAX_VALIDATORS,
        activity_cutoff: ACTIVITY_CUTOFF,
        immunity_period: 5000,
        commit_reveal_weights_enabled: false,
        num_uids: n,
        max_uids: n,
        owner_hotkey: hex32(`synthetic/${o.seed}/owner`),
        hotkeys,
        coldkeys,
        active: Array.from({ length: n }, (_, i) => (r ? r.active[i] === 1 : false)),
        validator_permit: Array.from(permit, (p) => p === 1),
        last_update: lastUpdate.slice(),
        emission: Array.from({ length: n }, (_, i) => (r ? r.emission[i] : 0)),
        dividends: u16(r?.dividends),
        incentives: u16(r?.incentive),
        consensus: u16(r?.consensus),
        block_at_registration: registration.slice(),
        alpha_stake: alphaStake.slice(),
        tao_stake: taoStake.slice(),
        total_stake: totalStake.slice(),
      },
      weights: sparse(weights, present, n),
      bonds: sparse(
        bonds,
        Uint8Array.from(bonds, (b) => (b > 0 ? 1 : 0)),
        n,
      ),
      hyperparams: { ...SYNTHETIC_HYPERPARAMS },
      notes: [`synthetic: generated by test/replay/synthetic-chain.ts (seed ${o.seed}), not chain data`],
    };
  };

  // A warm-up epoch gives the first snapshot its outputs, permits and bonds.
  setWeights(epoch);
  last = epochAt(epoch);
  bonds = Float64Array.from(last.bonds);
  permit = Uint8Array.from(last.validatorPermit);
  lastStep = epoch;
  for (let k = 0; k <= o.epochs; k++) {
    epoch = nextEpochBlock('modulo', netuid, tempo, lastStep, epoch);
    setWeights(epoch);
    snapshots.push(snapshotAt(epoch - 1));
    if (k === o.epochs) break;
    last = epochAt(epoch);
    bonds = Float64Array.from(last.bonds);
    permit = Uint8Array.from(last.validatorPermit);
    lastStep = epoch;
  }
  return snapshots;
}
