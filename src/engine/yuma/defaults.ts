import type { YumaParams } from './types.ts';

/** ActivityCutoffFactorMilli's default (yuma.md §3.1, §6): the activity cutoff is 13 889 ‰ of the tempo. */
export const ACTIVITY_CUTOFF_FACTOR_MILLI = 13_889;

/** The activity cutoff in blocks for a tempo: max(1, ⌊factor‰ · tempo⌋) — 5 000 at tempo 360. */
export function activityCutoffBlocks(tempo: number, factorMilli = ACTIVITY_CUTOFF_FACTOR_MILLI): number {
  return Math.max(1, Math.floor((factorMilli * tempo) / 1000));
}

/**
 * What a new subnet gets today (yuma.md §6, main @ 14bc6f9: runtime defaults plus init_new_network):
 * Yuma3 on, κ 32767/65535, β 1, bonds moving average 900 000, liquid alpha off at (45875, 58982)/65535
 * with steepness 1000, 64 validator permits, no stake threshold; the cutoff is the tempo-360 one.
 * A fresh object each call, so no caller can change another's defaults.
 */
export function newSubnetYumaParams(): YumaParams {
  return {
    version: 'yuma3',
    kappa: 32767 / 65535,
    bondsPenalty: 1,
    bondsMovingAverage: 900_000,
    liquidAlpha: { enabled: false, alphaLow: 45875 / 65535, alphaHigh: 58982 / 65535, steepness: 1000 },
    sparseLiquidAlpha: true,
    maxAllowedValidators: 64,
    activityCutoff: activityCutoffBlocks(360),
    stakeThreshold: 0,
  };
}
