/**
 * The named Yuma cases (spec yuma.md §8, bactensor/yuma-simulation `cases.py`) run on the chain's epoch,
 * driven exactly as subtensor's Yuma3 tests drive theirs (§7 C8 setup): validators are uids 0…V−1 and
 * servers (miners, no stake) uids V…V+M−1, all registered at block 1; a permit epoch runs at block 2;
 * for loop epoch e every validator (re-)submits its row at block 2+e and the epoch runs at block 3+e
 * (tempo 1, activity cutoff 13, E = 10⁹ rao, MaxAllowedValidators = V). Pure: no I/O.
 */

import { runEpoch } from '../epoch.ts';
import { epochScriptParams } from '../epoch-script.ts';
import { applyChanges, initialState, runEpochOnState } from '../epoch-script-state.ts';
import type { EpochScript, EpochScriptParams } from '../epoch-script-types.ts';

/** A case with every epoch spelled out (what the case file format compiles to). */
export interface YumaCase {
  name: string;
  validators: string[];
  servers: string[];
  epochs: number;
  /** [epoch][validator] → raw stake (only ratios matter). */
  stakes: number[][];
  /** [epoch][validator] → the row submitted to set_weights, one value ≥ 0 per server (any scale). */
  weights: number[][][];
  /** Bond columns wiped (§3.11 "Bonds reset") just before the epoch runs: server indices per epoch. */
  resets: { epoch: number; server: number }[];
}

export const COMPARE_VERSIONS = ['yuma1', 'yuma3', 'yuma3-liquid'] as const;
export type CompareVersion = (typeof COMPARE_VERSIONS)[number];

/**
 * The parameters of the chain's Yuma3 tests (`setup_yuma_3_scenario`, spec §7 C8) for every version:
 * κ 32767/65535, bonds penalty 0, bonds moving average 975 000 (α 0.025), tempo 1, cutoff 13 blocks;
 * only the version flags differ. Liquid alpha: α_low 0.1, α_high 0.3 (stored u16 6553, 19660), steepness 1000.
 */
export function compareParams(version: CompareVersion, validators: number): EpochScriptParams {
  return {
    tempo: 1,
    activity_cutoff: 13,
    max_allowed_validators: validators,
    kappa: 32767,
    bonds_penalty: 0,
    bonds_moving_average: 975_000,
    alpha_low: 6553,
    alpha_high: 19660,
    steepness: 1000,
    yuma3: version !== 'yuma1',
    liquid_alpha: version === 'yuma3-liquid',
    stake_threshold: 0,
  };
}

/** One loop epoch's outcome; arrays follow the case's validator and server order. */
export interface CaseEpoch {
  epoch: number;
  /** Per validator → normalised stake S. */
  stake: number[];
  /** Per validator → its submitted row normalised to sum 1 (all zeros if it submitted none). */
  weights: number[][];
  /** Per validator → dividend share D (sums to 1 when any bonds pay). */
  dividends: number[];
  /** Per server → incentive share I. */
  incentive: number[];
  /**
   * Per validator → per server → stored bond u16 / 65535. yuma3: the absolute bond level in [0, 1];
   * yuma1: relative to the column's largest bond (the chain stores each column max-upscaled).
   */
  bonds: number[][];
}

const E = 1_000_000_000;

/** Runs `c` under `version` and returns its loop epochs 0…epochs−1 (the permit epoch is not listed). */
export function runYumaCase(c: YumaCase, version: CompareVersion): CaseEpoch[] {
  const V = c.validators.length;
  const M = c.servers.length;
  const n = V + M;
  const script: EpochScript = {
    n,
    stake: [...c.stakes[0], ...new Array<number>(M).fill(0)],
    params: compareParams(version, V),
    block_at_registration: new Array<number>(n).fill(1),
    steps: [],
  };
  const params = epochScriptParams(script);
  const state = initialState(script);
  const serverUids = c.servers.map((_, j) => V + j);
  const epoch = (block: number) =>
    runEpochOnState(state, { block, tempo: 1, ownerUid: -1, emission: E }, params, runEpoch);

  epoch(2); // the permit epoch: no weights yet
  const out: CaseEpoch[] = [];
  for (let e = 0; e < c.epochs; e++) {
    c.stakes[e].forEach((s, i) => {
      state.stake[i] = s;
    });
    const resets = c.resets.filter((r) => r.epoch === e).map((r) => V + r.server);
    applyChanges(state, {
      block: 3 + e,
      set_at_block: 2 + e,
      // Full rows with explicit zeros, as the chain tests submit them (hides quirk Q1).
      set_weights: c.weights[e].map((row, i) => ({ uid: i, uids: serverUids, values: row })),
      reset_bond_column: resets,
    });
    const r = epoch(3 + e);
    out.push({
      epoch: e,
      stake: Array.from(r.stake.subarray(0, V)),
      weights: c.weights[e].map(normalised),
      dividends: Array.from(r.dividends.subarray(0, V)),
      incentive: Array.from(r.incentive.subarray(V, n)),
      bonds: c.validators.map((_, i) => serverUids.map((j) => r.bonds[i * n + j] / 65535)),
    });
  }
  return out;
}

function normalised(row: readonly number[]): number[] {
  const sum = row.reduce((a, b) => a + b, 0);
  return row.map((w) => (sum > 0 ? w / sum : 0));
}
