import type { EpochScript, EpochScriptSetWeights, EpochScriptStep } from './epoch-script-types.ts';
import { maxUpscaleU16 } from './set-weights.ts';
import type { EpochInput, EpochResult, YumaParams } from './types.ts';

/**
 * The subnet state an epoch script evolves between epochs, and the chain-side changes a step applies
 * to it before its epoch (test/cases/yuma/README.md, "A step").
 */

/** Mutable subnet state between steps (raw stake, dense weights and u16 bonds). */
export interface ScriptState {
  n: number;
  stake: Float64Array;
  reg: Float64Array;
  lastUpdate: Float64Array;
  permit: Uint8Array;
  weights: Float64Array;
  present: Uint8Array;
  bonds: Float64Array;
}

/** The state before the first step: the script's stake, registrations, last updates and permits; no weights or bonds. */
export function initialState(script: EpochScript): ScriptState {
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

/** replace → set_weights (swapped when replace_after_weights) → reset_bond_column. */
export function applyChanges(state: ScriptState, step: EpochScriptStep): void {
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

function checkLength(name: string, a: ArrayLike<unknown>, n: number): void {
  if (a.length !== n) throw new Error(`epoch script: ${name} has ${a.length} entries, n = ${n}`);
}

function checkUid(state: ScriptState, uid: number): void {
  if (!Number.isInteger(uid) || uid < 0 || uid >= state.n) throw new Error(`epoch script: bad uid ${uid}`);
}

/** Where and how an epoch on a script's state runs. */
export interface ScriptEpochAt {
  block: number;
  tempo: number;
  ownerUid: number;
  /** Rao to distribute. */
  emission: number;
}

/**
 * One epoch on the script state, called directly as the chain tests call `epoch()` (no previous epoch:
 * last_tempo = block − tempo); the new bonds and permits are written back into the state.
 */
export function runEpochOnState(
  state: ScriptState,
  at: ScriptEpochAt,
  params: YumaParams,
  epoch: (input: EpochInput, params: YumaParams) => EpochResult,
): EpochResult {
  const result = epoch(
    {
      n: state.n,
      block: at.block,
      tempo: at.tempo,
      lastEpochBlock: -1,
      stake: state.stake,
      weights: state.weights,
      weightsPresent: state.present,
      bonds: state.bonds,
      lastUpdate: state.lastUpdate,
      blockAtRegistration: state.reg,
      validatorPermit: state.permit,
      ownerUid: at.ownerUid,
      emission: at.emission,
    },
    params,
  );
  state.bonds = result.bonds;
  state.permit = result.validatorPermit;
  return result;
}
