import {
  type MinerBehaviour,
  type MinerGroup,
  QUALITY_VARIABLES,
  type QualityModel,
  type ScalarFn,
  type SimulationConfig,
  type SubnetConfig,
  type ValidatorBehaviour,
  type ValidatorGroup,
  type WeightRule,
} from '../engine/config.ts';
import type { EraRules } from '../engine/emission/eras.ts';
import { RAO_PER_ALPHA } from '../engine/units.ts';
import { activityCutoffBlocks } from '../engine/yuma/defaults.ts';
import type { YumaParams } from '../engine/yuma/types.ts';
import { marketConfig, networkConfig } from './compile-network.ts';
import { timelineConfig } from './compile-timeline.ts';
import { compileExpression } from './expression.ts';
import { readSubnetSeed } from './initial-state.ts';
import type { Scenario, SubnetScenario } from './schema.ts';

/**
 * A validated Scenario → the engine's SimulationConfig: groups expanded with their defaults, expressions
 * compiled, chain units applied (activity cutoff from the tempo, alpha in rao).
 */

type MinerSettings = Omit<SubnetScenario['miners'], 'count' | 'groups'>;
type ValidatorSettings = Omit<SubnetScenario['validators'], 'count' | 'groups'>;

function scalar(value: number | string): number | ScalarFn {
  if (typeof value === 'number') return value;
  const compiled = compileExpression(value, QUALITY_VARIABLES);
  // The schema already compiled it once; failing here would be a bug, not bad input.
  if (!compiled.ok) throw new Error(`expression passed validation but does not compile: ${value}`);
  return compiled.fn;
}

function qualityModel(q: MinerSettings['quality']): QualityModel {
  const initial = typeof q.initial === 'number' ? { min: q.initial, max: q.initial } : q.initial;
  return { initial, drift: scalar(q.drift), noise: scalar(q.noise), release: q.release };
}

function minerGroup(count: number, s: MinerSettings): MinerGroup {
  return {
    count,
    behaviour: s.behaviour as MinerBehaviour,
    stake: s.stake,
    quality: qualityModel(s.quality),
    copyLagEpochs: s.copy_lag,
    cabal: s.cabal,
  };
}

function validatorGroup(count: number, s: ValidatorSettings): ValidatorGroup {
  return {
    count,
    behaviour: s.behaviour as ValidatorBehaviour,
    stake: s.stake,
    rootStake: s.root_stake,
    parent:
      s.parent === null
        ? null
        : {
            alphaStake: Math.round(s.parent.stake * RAO_PER_ALPHA),
            rootStake: Math.round(s.parent.root_stake * RAO_PER_ALPHA),
            proportion: s.parent.proportion,
            childkeyTake: s.parent.childkey_take,
          },
    noise: s.noise,
    bias: s.bias,
    tasks: s.tasks,
    weights: s.weights as WeightRule,
    resubmitEveryEpochs: s.resubmit_every,
    cabal: s.cabal,
    cabalBoost: s.cabal_boost,
  };
}

/** A group's miner settings: the top level's, with the group's quality fields merged in. */
function minerSettings(
  top: MinerSettings,
  override: Partial<SubnetScenario['miners']['groups'][number]>,
): MinerSettings {
  const { quality, ...rest } = stripUndefined(override);
  const q = stripUndefined(quality ?? {});
  return {
    ...top,
    ...rest,
    quality: {
      ...top.quality,
      ...q,
      release: { ...top.quality.release, ...stripUndefined(q.release ?? {}) },
    },
  } as MinerSettings;
}

/** Groups first, then the remaining count with the top-level settings. */
function expand<S, O extends { count: number }, G>(
  top: S & { count: number; groups: O[] },
  merge: (top: S, group: O) => S,
  make: (count: number, settings: S) => G,
): G[] {
  const out = top.groups.map((g) => make(g.count, merge(top, g)));
  const rest = top.count - top.groups.reduce((sum, g) => sum + g.count, 0);
  if (rest > 0) out.push(make(rest, top));
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function yumaParams(s: SubnetScenario): YumaParams {
  const y = s.yuma;
  return {
    version: y.version,
    kappa: y.kappa,
    bondsPenalty: y.bonds_penalty,
    bondsMovingAverage: y.bonds_moving_average * 1_000_000,
    liquidAlpha: {
      enabled: y.liquid_alpha.enabled,
      alphaLow: y.liquid_alpha.alpha_low,
      alphaHigh: y.liquid_alpha.alpha_high,
      steepness: y.liquid_alpha.steepness,
    },
    sparseLiquidAlpha: y.sparse_liquid_alpha,
    maxAllowedValidators: y.max_allowed_validators,
    activityCutoff: y.activity_cutoff === 'auto' ? activityCutoffBlocks(s.tempo) : y.activity_cutoff,
    stakeThreshold: y.stake_threshold,
  };
}

function subnetConfig(s: SubnetScenario, rules: EraRules): SubnetConfig {
  const { count: _c, groups: _g, ...minerTop } = s.miners;
  const seed = s.initial_state === undefined ? undefined : readSubnetSeed(s.initial_state);
  return {
    netuid: s.netuid,
    tempo: s.tempo,
    maxUids: Math.max(s.max_uids, seed?.n ?? 0),
    immunityPeriod: s.immunity_period,
    minNonImmuneUids: s.min_non_immune_uids,
    ownerCut: s.owner_cut,
    initialAlphaIssuance: BigInt(Math.round(s.alpha_issuance * RAO_PER_ALPHA)),
    yuma: yumaParams(s),
    arithmetic: s.yuma.arithmetic,
    commitReveal: {
      enabled: s.yuma.commit_reveal.enabled,
      revealPeriodEpochs: s.yuma.commit_reveal.reveal_period_epochs,
    },
    validators: seed
      ? [validatorGroup(0, s.validators)]
      : expand(s.validators, (top, g) => ({ ...top, ...stripUndefined(g) }), validatorGroup),
    miners: seed ? [minerGroup(0, minerTop)] : expand(s.miners, minerSettings, minerGroup),
    registration: {
      perDay: s.registration.per_day,
      miner: minerGroup(0, minerSettings(minerTop, s.registration.miner)),
    },
    market: marketConfig(s, rules),
    ...(seed ? { initialState: seed } : {}),
  };
}

export function compileScenario(scenario: Scenario): SimulationConfig {
  const network = networkConfig(scenario);
  const config: SimulationConfig = {
    seed: scenario.seed,
    blocks: scenario.duration,
    subnets: scenario.subnets.map((s) => subnetConfig(s, network.rules)),
    network,
  };
  // TAO/USD, shocks and contributors (compile-timeline.ts); a validator arriving by a shock runs the
  // subnet's top-level validator settings with its own behaviour.
  const timeline = timelineConfig(scenario, config, (k, behaviour) => {
    const { count: _c, groups: _g, ...top } = scenario.subnets[k].validators;
    return validatorGroup(0, { ...top, behaviour });
  });
  return timeline === undefined ? config : { ...config, timeline };
}
