import { fromInt, saturatingDiv, u16ToProportion } from '../../fixed/i32f32.ts';
import { divRaw, expRaw, mulRaw, TWO32 } from '../../fixed/i32f32-num.ts';

const HALF = TWO32 / 2;

import type { BondsParamsNum } from './bonds-num.ts';
import type { DenseRows } from './dense.ts';
import { alphaFromDiffExact } from './liquid-alpha.ts';

/**
 * α as a function of the clamped difference d ∈ [0, 2³²] (raw), as alphaFromDiffExact. The exponent
 * x = slope·(d − ½) is mostly small (|slope| = steepness/100 = 10 by default): then exp is computed on
 * doubles (expRaw); past |x| = 8 its terms outgrow 2⁵³ and the whole sigmoid is computed in bigint.
 * Memoised per distinct d for the epoch (a third of the entries at the bench's 64×256).
 */
function alphaOfDiff(params: BondsParamsNum): (d: number) => number {
  const low = u16ToProportion(params.alphaLowU16);
  const high = u16ToProportion(params.alphaHighU16);
  const steepness = fromInt(params.steepness);
  const slope = Number(saturatingDiv(steepness, fromInt(-100)));
  const lowRaw = Number(low);
  const highRaw = Number(high);
  const memo = new Map<number, number>();
  const compute = (d: number): number => {
    const e = expRaw(mulRaw(slope, d - HALF));
    if (e === undefined) return Number(alphaFromDiffExact(BigInt(d), low, high, steepness));
    const alpha = lowRaw + mulRaw(divRaw(TWO32, TWO32 + e), highRaw - lowRaw);
    const capped = alpha < highRaw ? alpha : highRaw;
    return capped > lowRaw ? capped : lowRaw;
  };
  return (d) => {
    let a = memo.get(d);
    if (a === undefined) {
      a = compute(d);
      memo.set(d, a);
    }
    return a;
  };
}

/**
 * §3.11(b) liquid-alpha EMA (as yuma3BondsExact, `mat_ema_alpha_sparse`): per entry
 * min(1, (1−α)·b + max(α·w, 0)) with α from `liquid_alpha_sigmoid`, kept when > 0; on W̃'s pattern only
 * when sparse, else on every entry (an entry with w = b = 0 gives 0 either way, so it is skipped).
 * w, b, c and α are in [0, 2³²], so the products are in mulRaw's fast range.
 */
export function liquidEmaNum(
  w: Float64Array,
  present: Uint8Array,
  old: Float64Array,
  consensus: Float64Array,
  d: DenseRows,
  params: BondsParamsNum,
): Float64Array {
  const { n } = d;
  const alphaOf = alphaOfDiff(params);
  const out = new Float64Array(w.length);
  for (let o = 0; o < w.length; o += n)
    for (let j = 0; j < n; j++) {
      const k = o + j;
      if (params.sparseLiquidAlpha && present[k] === 0) continue;
      const wv = w[k];
      const b = old[k];
      if (wv === 0 && b === 0) continue;
      const diff = wv >= b ? wv - consensus[j] : b - wv;
      const a = alphaOf(diff < 0 ? 0 : diff > TWO32 ? TWO32 : diff);
      const inc = mulRaw(a, wv);
      const v = mulRaw(TWO32 - a, b) + (inc > 0 ? inc : 0);
      const capped = v < TWO32 ? v : TWO32;
      if (capped > 0) out[k] = capped;
    }
  return out;
}
