import { proportionToU16 } from '../math/u16.ts';
import { activityCutoffBlocks } from './defaults.ts';
import { runEpoch } from './epoch.ts';
import { applyChanges, initialState, runEpochOnState } from './epoch-script-state.ts';
import type {
  EpochScript,
  EpochScriptOptions,
  EpochScriptParams,
  EpochStepOutputs,
} from './epoch-script-types.ts';
import { runEpochExact } from './exact/epoch.ts';
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
  const cutoff = p.activity_cutoff ?? activityCutoffBlocks(p.tempo);
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

/**
 * Runs an epoch script (parsed JSON, README format): per step replace → set_weights (swapped when
 * replace_after_weights) → reset_bond_column → epoch, in float64 (runEpoch) or, with
 * `arithmetic: 'exact'`, in the chain's fixed point (runEpochExact). Returns, per step, the outputs
 * under the fixtures' `reference` keys, or null for a step with `"epoch": false`. The script is not
 * mutated.
 */
export function runEpochScript(
  script: EpochScript,
  options: EpochScriptOptions = {},
): (EpochStepOutputs | null)[] {
  const params = epochScriptParams(script, options);
  const state = initialState(script);
  const tempo = script.params?.tempo ?? script.param_defaults_if_absent?.tempo ?? CHAIN_DEFAULTS.tempo;
  const epoch = options.arithmetic === 'exact' ? runEpochExact : runEpoch;
  return script.steps.map((step) => {
    applyChanges(state, step);
    if (step.epoch === false) return null;
    const at = {
      block: step.block,
      tempo,
      ownerUid: script.owner_uid ?? -1,
      emission: step.emission ?? 1_000_000_000,
    };
    const result = runEpochOnState(state, at, params, epoch);
    return stepOutputs(result, state.n);
  });
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
