import { activityCutoffBlocks } from '../yuma/defaults.ts';
import type { YumaParams } from '../yuma/types.ts';
import { chainNumber, raoToAlpha, u16ToFraction } from './chain-units.ts';
import type { ChainSnapshot } from './snapshot.ts';
import { metagraphNumber } from './subnet-view.ts';

/**
 * The subnet's Yuma hyper-parameters as the chain stored them at the snapshot's block (yuma.md §6):
 * from the metagraph (kappa, bonds_moving_avg, liquid alpha, max_validators, activity_cutoff) and from
 * the storage items it does not carry (Yuma3On, BondsPenalty, AlphaSigmoidSteepness, StakeThreshold,
 * ActivityCutoffFactorMilli). An item the snapshot lacks takes the chain's storage default, and
 * `assumed` says so.
 */

/** Storage defaults (yuma.md §6 "runtime default"): what the chain reads when nothing was written. */
const STORAGE_DEFAULTS = {
  yuma3_on: false,
  bonds_penalty: 65_535,
  alpha_sigmoid_steepness: 1000,
  stake_threshold: 0,
} as const;

/**
 * Owner privileges in the epoch (the owner's uid always permitted, exempt from StakeThreshold, its
 * self-weight kept) arrived with subtensor PR #2532, merged 2026-03-27. The first finney spec with it
 * is not pinned in our sources; spec 393 was live on 2026-03-30 (replay.md §3a), so runtimes after it
 * are taken to have it.
 */
export const OWNER_PRIVILEGES_AFTER_SPEC = 393;

export interface ChainParams {
  params: YumaParams;
  /** The owner hotkey's uid when the runtime gives the owner privileges, else −1. */
  ownerUid: number;
  /** Parameters the snapshot lacks, with the default used, e.g. "yuma3_on (lacking: false, the storage default)". */
  assumed: string[];
}

function hyper(snapshot: ChainSnapshot, key: keyof typeof STORAGE_DEFAULTS, assumed: string[]): number {
  const raw = snapshot.hyperparams?.[key];
  if (raw === undefined || raw === null) {
    assumed.push(`${key} = ${STORAGE_DEFAULTS[key]} (the storage default; not in the snapshot)`);
    return chainNumber(STORAGE_DEFAULTS[key]);
  }
  return chainNumber(raw);
}

export function chainParams(snapshot: ChainSnapshot): ChainParams {
  const assumed: string[] = [];
  const tempo = metagraphNumber(snapshot, 'tempo');
  const factor = snapshot.hyperparams?.activity_cutoff_factor_milli;
  const activityCutoff =
    factor !== undefined && factor !== null
      ? activityCutoffBlocks(tempo, chainNumber(factor))
      : metagraphNumber(snapshot, 'activity_cutoff');
  const params: YumaParams = {
    version: hyper(snapshot, 'yuma3_on', assumed) === 1 ? 'yuma3' : 'yuma1',
    kappa: u16ToFraction(metagraphNumber(snapshot, 'kappa')),
    bondsPenalty: u16ToFraction(hyper(snapshot, 'bonds_penalty', assumed)),
    bondsMovingAverage: metagraphNumber(snapshot, 'bonds_moving_avg'),
    liquidAlpha: {
      enabled: snapshot.metagraph.liquid_alpha_enabled === true,
      alphaLow: u16ToFraction(metagraphNumber(snapshot, 'alpha_low')),
      alphaHigh: u16ToFraction(metagraphNumber(snapshot, 'alpha_high')),
      steepness: hyper(snapshot, 'alpha_sigmoid_steepness', assumed),
    },
    sparseLiquidAlpha: true,
    maxAllowedValidators: metagraphNumber(snapshot, 'max_validators'),
    activityCutoff,
    stakeThreshold: raoToAlpha(hyper(snapshot, 'stake_threshold', assumed)),
  };
  const owner = snapshot.metagraph.owner_hotkey;
  const hotkeys = snapshot.metagraph.hotkeys;
  const ownerUid =
    snapshot.spec_version > OWNER_PRIVILEGES_AFTER_SPEC && Array.isArray(hotkeys) && typeof owner === 'string'
      ? hotkeys.indexOf(owner)
      : -1;
  return { params, ownerUid, assumed };
}
