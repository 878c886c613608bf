import type { YumaParams } from '../yuma/types.ts';

/**
 * `replay run --set yuma.<key>=<value>`: the Yuma parameters a counterfactual changes, in the scenario
 * file's units and names (README, "The scenario format"): fractions for κ, β and the liquid-alpha
 * bounds, a fraction for bonds_moving_average (chain value / 10⁶), blocks for the activity cutoff,
 * alpha for the stake threshold.
 */

export type YumaPatch = (params: YumaParams) => void;

interface Setting {
  allowed: string;
  apply: (value: unknown) => YumaPatch | null;
}

const fraction = (set: (p: YumaParams, v: number) => void): Setting => ({
  allowed: 'a number from 0 to 1',
  apply: (v) => (typeof v === 'number' && v >= 0 && v <= 1 ? (p) => set(p, v) : null),
});

const wholeAtLeast = (min: number, set: (p: YumaParams, v: number) => void): Setting => ({
  allowed: `a whole number ≥ ${min}`,
  apply: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min ? (p) => set(p, v) : null),
});

const flag = (set: (p: YumaParams, v: boolean) => void): Setting => ({
  allowed: 'true or false',
  apply: (v) => (typeof v === 'boolean' ? (p) => set(p, v) : null),
});

export const YUMA_SETTINGS: Record<string, Setting> = {
  'yuma.version': {
    allowed: 'yuma1 or yuma3',
    apply: (v) =>
      v === 'yuma1' || v === 'yuma3'
        ? (p) => {
            p.version = v;
          }
        : null,
  },
  'yuma.kappa': fraction((p, v) => {
    p.kappa = v;
  }),
  'yuma.bonds_penalty': fraction((p, v) => {
    p.bondsPenalty = v;
  }),
  'yuma.bonds_moving_average': fraction((p, v) => {
    p.bondsMovingAverage = v * 1_000_000;
  }),
  'yuma.liquid_alpha.enabled': flag((p, v) => {
    p.liquidAlpha.enabled = v;
  }),
  'yuma.liquid_alpha.alpha_low': fraction((p, v) => {
    p.liquidAlpha.alphaLow = v;
  }),
  'yuma.liquid_alpha.alpha_high': fraction((p, v) => {
    p.liquidAlpha.alphaHigh = v;
  }),
  'yuma.liquid_alpha.steepness': {
    allowed: 'a whole number from -32768 to 32767',
    apply: (v) =>
      typeof v === 'number' && Number.isInteger(v) && v >= -32768 && v <= 32767
        ? (p) => {
            p.liquidAlpha.steepness = v;
          }
        : null,
  },
  'yuma.sparse_liquid_alpha': flag((p, v) => {
    p.sparseLiquidAlpha = v;
  }),
  'yuma.max_allowed_validators': wholeAtLeast(1, (p, v) => {
    p.maxAllowedValidators = v;
  }),
  'yuma.activity_cutoff': wholeAtLeast(1, (p, v) => {
    p.activityCutoff = v;
  }),
  'yuma.stake_threshold': {
    allowed: 'a number ≥ 0 (alpha)',
    apply: (v) =>
      typeof v === 'number' && v >= 0
        ? (p) => {
            p.stakeThreshold = v;
          }
        : null,
  },
};

/** One `path=value` (value already parsed as YAML) → a patch, or the problem in words. */
export function yumaPatch(path: string, value: unknown): YumaPatch | string {
  const setting = YUMA_SETTINGS[path];
  if (setting === undefined)
    return `unknown parameter ${path} (allowed: ${Object.keys(YUMA_SETTINGS).join(', ')})`;
  return setting.apply(value) ?? `${path}: found ${JSON.stringify(value)}; allowed: ${setting.allowed}`;
}

/** The chain's parameters with every patch applied (a copy; the input is left as it was). */
export function patchedParams(params: YumaParams, patches: readonly YumaPatch[]): YumaParams {
  const out: YumaParams = { ...params, liquidAlpha: { ...params.liquidAlpha } };
  for (const patch of patches) patch(out);
  return out;
}
