import { proportionToU16 } from '../math/u16.ts';
import { runEpoch } from './epoch.ts';
import type {
  EpochScript,
  EpochScriptOptions,
  EpochScriptParams,
  EpochScriptSetWeights,
  EpochScriptStep,
  EpochStepOutputs,
} from './epoch-script-types.ts';
import { maxUpscaleU16 } from './set-weights.ts';
import type { EpochResult, YumaParams } from './types.ts';

/** Chain defaults (spec §6) for keys absent from both params and param_defaults_if_absent. */
const CHAIN_DEFAULTS: Required<Omit<EpochScriptParams, 'activity_cutoff'>> = {
  tempo: 360,
  max_allowed_validators: 128,
  kappa: 32767,
  bonds_penalty: 65535,
  bonds_moving_average: 900_000,
  alpha_low: 45875,
  alpha_high: 58982,
  steepness: 1000,
  liquid_alpha: false,
  yuma3: false,
  stake_threshold: 0,
  sparse_liquid_alpha: true,
};

/** The script's hyper-parameters converted from the chain's integer encodings. */
export function epochScriptParams(script: EpochScript, options: EpochScriptOptions = {}): YumaParams {
  const p = { ...CHAIN_DEFAULTS, ...script.param_defaults_if_absent, ...script.params };
  // §3.1 default cutoff = max(1, ⌊13 889·tempo/1000⌋) when the script does not give it in blocks.
  const cutoff = p.activity_cutoff ?? Math.max(1, Math.floor((13_889 * p.tempo) / 1000));
  return {
    version: p.yuma3 ? 'yuma3' : 'yuma1',
    kappa: p.kappa / 65535,
    bondsPenalty: p.bonds_penalty / 65535,
    bondsMovingAverage: p.bonds_moving_average,
    liquidAlpha: {
      enabled: p.liquid_alpha,
      alphaLow: p.alpha_low / 65535,
      alphaHigh: p.alpha_high / 65535,
      steepness: p.steepness,
    },
    sparseLiquidAlpha: options.sparseLiquidAlpha ?? p.sparse_liquid_alpha,
    maxAllowedValidators: p.max_allowed_validators,
    activityCutoff: cutoff,
    stakeThreshold: p.stake_threshold,
  };
}

/** Mutable subnet state between steps (raw stake, dense weights and u16 bonds). */
interface ScriptState {
  n: number;
  stake: Float64Array;
  reg: Float64Array;
  lastUpdate: Float64Array;
  permit: Uint8Array;
  weights: Float64Array;
  present: Uint8Array;
  bonds: Float64Array;
}

/**
 * Runs an epoch script (parsed JSON, README format): per step replace → set_weights (swapped when
 * replace_after_weights) → reset_bond_column → epoch. Returns, per step, the outputs under the
 * fixtures' `reference` keys, or null for a step with `"epoch": false`. The script is not mutated.
 */
export function runEpochScript(
  script: EpochScript,
  options: EpochScriptOptions = {},
): (EpochStepOutputs | null)[] {
  const params = epochScriptParams(script, options);
  const state = initialState(script);
  const tempo = script.params?.tempo ?? script.param_defaults_if_absent?.tempo ?? CHAIN_DEFAULTS.tempo;
  return script.steps.map((step) => {
    applyChanges(state, step);
    if (step.epoch === false) return null;
    const result = runEpoch(
      {
        n: state.n,
        block: step.block,
        tempo,
        // The scripts call the epoch directly, as the chain tests do: last_tempo = block − tempo.
        lastEpochBlock: -1,
        stake: state.stake,
        weights: state.weights,
        weightsPresent: state.present,
        bonds: state.bonds,
        lastUpdate: state.lastUpdate,
        blockAtRegistration: state.reg,
        validatorPermit: state.permit,
        ownerUid: script.owner_uid ?? -1,
        emission: step.emission ?? 1_000_000_000,
      },
      params,
    );
    state.bonds = result.bonds;
    state.permit = result.validatorPermit;
    return stepOutputs(result, state.n);
  });
}

function initialState(script: EpochScript): ScriptState {
  const n = script.n;
  if (!Number.isInteger(n) || n < 0) throw new Error(`epoch script: bad n ${n}`);
  checkLength('stake', script.stake, n);
  checkLength('block_at_registration', script.block_at_registration, n);
  const reg = Float64Array.from(script.block_at_registration);
  const lastUpdate = script.last_update ? Float64Array.from(script.last_update) : Float64Array.from(reg);
  checkLength('last_update', lastUpdate, n);
  const permit = new Uint8Array(n);
  if (script.validator_permit) {
    checkLength('validator_permit', script.validator_permit, n);
    script.validator_permit.forEach((p, i) => {
      permit[i] = p ? 1 : 0;
    });
  }
  return {
    n,
    stake: Float64Array.from(script.stake),
    reg,
    lastUpdate,
    permit,
    weights: new Float64Array(n * n),
    present: new Uint8Array(n * n),
    bonds: new Float64Array(n * n),
  };
}

function applyChanges(state: ScriptState, step: EpochScriptStep): void {
  const replace = () => {
    for (const uid of step.replace ?? []) replaceNeuron(state, uid, step.replace_block ?? step.block);
  };
  const setWeights = () => {
    for (const sw of step.set_weights ?? []) setWeightsRow(state, sw, step.set_at_block ?? step.block);
  };
  if (step.replace_after_weights) {
    setWeights();
    replace();
  } else {
    replace();
    setWeights();
  }
  for (const uid of step.reset_bond_column ?? []) {
    checkUid(state, uid);
    for (let i = 0; i < state.n; i++) state.bonds[i * state.n + uid] = 0;
  }
}

/** set_weights: the row replaces the previous one, max-upscaled (§2), and stamps last_update. */
function setWeightsRow(state: ScriptState, sw: EpochScriptSetWeights, atBlock: number): void {
  const { n } = state;
  checkUid(state, sw.uid);
  if (sw.uids.length !== sw.values.length) throw new Error(`epoch script: uid ${sw.uid} uids/values differ`);
  const base = sw.uid * n;
  state.weights.fill(0, base, base + n);
  state.present.fill(0, base, base + n);
  const stored = maxUpscaleU16(sw.values);
  sw.uids.forEach((j, k) => {
    checkUid(state, j);
    state.weights[base + j] = stored[k];
    state.present[base + j] = 1;
  });
  state.lastUpdate[sw.uid] = atBlock;
}

/**
 * replace_neuron (§3.11, README): the uid's own weights and bonds rows are emptied, weights pointing
 * at it become 0 (the entries stay), its permit and stake are cleared, and its registration and
 * last_update become the replacement block. Other validators' bonds to it are left to the
 * recently-registered mask of the next epoch.
 */
function replaceNeuron(state: ScriptState, uid: number, atBlock: number): void {
  const { n } = state;
  checkUid(state, uid);
  state.weights.fill(0, uid * n, uid * n + n);
  state.present.fill(0, uid * n, uid * n + n);
  state.bonds.fill(0, uid * n, uid * n + n);
  for (let i = 0; i < n; i++) state.weights[i * n + uid] = 0;
  state.permit[uid] = 0;
  state.stake[uid] = 0;
  state.reg[uid] = atBlock;
  state.lastUpdate[uid] = atBlock;
}

function stepOutputs(r: EpochResult, n: number): EpochStepOutputs {
  const bonds: Record<string, number>[] = [];
  for (let i = 0; i < n; i++) {
    const row: Record<string, number> = {};
    for (let j = 0; j < n; j++) if (r.bonds[i * n + j] !== 0) row[String(j)] = r.bonds[i * n + j];
    bonds.push(row);
  }
  return {
    stake: Array.from(r.stake),
    active_stake: Array.from(r.activeStake),
    consensus: Array.from(r.consensus),
    validator_trust: Array.from(r.validatorTrust),
    incentive: Array.from(r.incentive),
    dividends: Array.from(r.dividends),
    incentive_u16: Array.from(r.incentive, proportionToU16),
    dividends_u16: Array.from(r.dividends, proportionToU16),
    emission: Array.from(r.emission),
    server_emission: Array.from(r.serverEmission),
    validator_emission: Array.from(r.validatorEmission),
    new_validator_permit: Array.from(r.validatorPermit, (p) => p === 1),
    bonds_u16: bonds,
  };
}

function checkLength(name: string, a: ArrayLike<unknown>, n: number): void {
  if (a.length !== n) throw new Error(`epoch script: ${name} has ${a.length} entries, n = ${n}`);
}

function checkUid(state: ScriptState, uid: number): void {
  if (!Number.isInteger(uid) || uid < 0 || uid >= state.n) throw new Error(`epoch script: bad uid ${uid}`);
}
