import { intRatioRaw, mulRaw, proportionToU16Raw, TWO32 } from '../../fixed/i32f32-num.ts';
import { constantAlphaExact } from './bonds.ts';
import {
  colDivide,
  colSums,
  type DenseRows,
  matmulRowsColNormalizedNum,
  matmulRowsNum,
  normalizeNum,
  scatterNum,
} from './dense.ts';
import { liquidEmaNum } from './liquid-alpha-num.ts';
import { U16_MAX } from './weights-num.ts';

/** Everything §3.11 (fast exact) reads: raw I32F32 numbers, per uid (length n) or m×n over `d`. */
export interface BondsContextNum {
  d: DenseRows;
  storedBonds: Float64Array;
  blockAtRegistration: ArrayLike<number>;
  lastTempo: number;
  activeStake: Float64Array;
  /** W̃ (m×n) and its sparse pattern (read by sparse liquid alpha only). */
  weightsForBonds: Float64Array;
  weightsForBondsPresent: Uint8Array;
  consensus: Float64Array;
  incentive: Float64Array;
  newPermit: Uint8Array;
}

/** Integer hyper-parameters as bonds.ts's BondsParamsExact. */
export interface BondsParamsNum {
  bondsMovingAverage: number;
  liquidAlpha: boolean;
  alphaLowU16: number;
  alphaHighU16: number;
  steepness: number;
  sparseLiquidAlpha: boolean;
}

/**
 * Stored u16 bonds of the rows in play as integers, masked by the recently-registered rule (last_tempo
 * ≤ reg[j] drops column j). Undefined when one is not an integer in [0, 65535] (outside the chain's u16:
 * the caller runs the bigint epoch, which handles or rejects it as before).
 */
function storedBondInts(ctx: BondsContextNum): Float64Array | undefined {
  const { d, storedBonds, blockAtRegistration: reg, lastTempo } = ctx;
  const { n } = d;
  const out = new Float64Array(d.m * n);
  for (let r = 0; r < d.m; r++)
    for (let j = 0, src = d.rows[r] * n, o = r * n; j < n; j++) {
      const u = storedBonds[src + j];
      if (u === 0 || lastTempo <= reg[j]) continue;
      if (!(u > 0 && u <= U16_MAX && Number.isInteger(u))) return undefined;
      out[o + j] = u;
    }
  return out;
}

/** `mat_ema_sparse`: α·new + (1−α)·old (floor products; operands ≤ 2³²), entries > 0 kept. */
function emaNum(next: Float64Array, old: Float64Array, alpha: number): Float64Array {
  const keep = TWO32 - alpha;
  const out = new Float64Array(next.length);
  for (let k = 0; k < next.length; k++) {
    const a = next[k];
    const b = old[k];
    if (a === 0 && b === 0) continue;
    const v = mulRaw(alpha, a) + mulRaw(keep, b);
    if (v > 0) out[k] = v; // only entries > 0 are kept (α < 0 when BMA > 10⁶)
  }
  return out;
}

/** Rows with a new permit written as ⌊b·65535⌋ (`fixed_proportion_to_u16`), every other row empty. */
function storeRowsNum(b: Float64Array, newPermit: Uint8Array, d: DenseRows): Float64Array {
  const { n } = d;
  const stored = new Float64Array(n * n);
  for (let r = 0; r < d.m; r++) {
    const i = d.rows[r];
    if (newPermit[i] !== 1) continue;
    for (let j = 0, o = r * n; j < n; j++) stored[i * n + j] = proportionToU16Raw(b[o + j]);
  }
  return stored;
}

/** What §3.11 hands on, or undefined when a stored bond is outside the u16 range. */
export type BondsOutcomeNum = { dividends: Float64Array; storedBonds: Float64Array } | undefined;

/**
 * §3.11(a) Original Yuma (as originalYumaBondsExact). B⁰ = fromInt(u) column-normalised is ⌊u·2³²/Σu⌋
 * (the 2³² factors cancel; Σu ≤ 65535·m). ΔB = W̃·A ≤ A, so its column sums are ≤ ΣA ≤ 2³²; the EMA of
 * two column-normalised matrices has column sums ≤ 2³²·(1 + 2⁻³²), every value stays ≤ 2³³.
 */
export function originalYumaBondsNum(ctx: BondsContextNum, params: BondsParamsNum): BondsOutcomeNum {
  const { d, activeStake, incentive, newPermit } = ctx;
  const { n } = d;
  const bonds = storedBondInts(ctx);
  if (bonds === undefined) return undefined;
  const bondSums = colSums(bonds, d);
  for (let k = 0; k < bonds.length; k++)
    if (bonds[k] !== 0) bonds[k] = intRatioRaw(bonds[k], bondSums[k % n]);
  const delta = new Float64Array(bonds.length);
  const w = ctx.weightsForBonds;
  for (let r = 0, o = 0; r < d.m; r++, o += n) {
    const a = activeStake[d.rows[r]];
    for (let j = 0; j < n; j++) if (w[o + j] !== 0) delta[o + j] = mulRaw(w[o + j], a);
  }
  colDivide(delta, colSums(delta, d), d);
  const ema = emaNum(delta, bonds, Number(constantAlphaExact(params.bondsMovingAverage)));
  colDivide(ema, colSums(ema, d), d);
  const dividends = normalizeNum(scatterNum(matmulRowsNum(ema, incentive, d), d));
  const colMax = new Float64Array(n);
  for (let k = 0; k < ema.length; k++) if (colMax[k % n] < ema[k]) colMax[k % n] = ema[k];
  colDivide(ema, colMax, d);
  return { dividends, storedBonds: storeRowsNum(ema, newPermit, d) };
}

/**
 * §3.11(b) Yuma3 (as yuma3BondsExact). B⁰ = ⌊u·2³²/65535⌋ ≤ 2³²; the EMA (constant or liquid α, both
 * convex combinations floored, liquid capped at 1) keeps entries ≤ 2³², so column sums are ≤ m·2³²
 * (divRaw's fast range up to m = 1024) and B̂·I ≤ ΣI ≤ 2³².
 */
export function yuma3BondsNum(ctx: BondsContextNum, params: BondsParamsNum): BondsOutcomeNum {
  const { d, activeStake, incentive, newPermit, consensus } = ctx;
  const old = storedBondInts(ctx);
  if (old === undefined) return undefined;
  for (let k = 0; k < old.length; k++) if (old[k] !== 0) old[k] = intRatioRaw(old[k], U16_MAX);
  let liquid = false;
  if (params.liquidAlpha) for (let j = 0; j < consensus.length && !liquid; j++) liquid = consensus[j] !== 0;
  const ema = liquid
    ? liquidEmaNum(ctx.weightsForBonds, ctx.weightsForBondsPresent, old, consensus, d, params)
    : emaNum(ctx.weightsForBonds, old, Number(constantAlphaExact(params.bondsMovingAverage)));
  const perRow = matmulRowsColNormalizedNum(ema, colSums(ema, d), incentive, d);
  for (let r = 0; r < d.m; r++) perRow[r] = mulRaw(perRow[r], activeStake[d.rows[r]]);
  const dividends = normalizeNum(scatterNum(perRow, d));
  return { dividends, storedBonds: storeRowsNum(ema, newPermit, d) };
}
