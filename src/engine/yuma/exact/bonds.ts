import {
  add,
  fromInt,
  type I32F32,
  mul,
  ONE,
  proportionToU16,
  sub,
  u16ToProportion,
} from '../../fixed/i32f32.ts';
import { div64, fromInt64, toI32F32 } from '../../fixed/i64f64.ts';
import { alphaSigmoidExact, liquidAlphaAppliesExact } from './liquid-alpha.ts';
import {
  cloneMatrix,
  colMaxUpscale,
  colNormalize,
  densify,
  matmulRows,
  normalize,
  type SparseMatrix,
  type SparseRow,
} from './sparse.ts';

/** What §3.11 (exact) hands on: dividends and the n×n u16 bonds to store. */
export interface BondsOutcomeExact {
  dividends: I32F32[];
  storedBonds: Float64Array;
}

/** Everything §3.11 (exact) reads, all in chain encodings. */
export interface BondsContextExact {
  n: number;
  /** n×n stored u16 bonds left by the previous epoch (0 = no entry). */
  storedBonds: Float64Array;
  blockAtRegistration: ArrayLike<number>;
  /** First block after the previous epoch (lastTempoBlock). */
  lastTempo: number;
  activeStake: readonly I32F32[];
  weightsForBonds: SparseMatrix;
  consensus: readonly I32F32[];
  incentive: readonly I32F32[];
  newPermit: Uint8Array;
}

/** Integer hyper-parameters the bonds stage needs (chain encodings). */
export interface BondsParamsExact {
  bondsMovingAverage: number;
  liquidAlpha: boolean;
  alphaLowU16: number;
  alphaHighU16: number;
  steepness: number;
  sparseLiquidAlpha: boolean;
}

/** §3.11 α = 1 − BondsMovingAverage/10⁶: the quotient in I64F64 (truncating), truncated to I32F32. */
export function constantAlphaExact(bondsMovingAverage: number): I32F32 {
  return sub(ONE, toI32F32(div64(fromInt64(bondsMovingAverage), fromInt64(1_000_000))));
}

/**
 * Stored bonds as sparse rows, masked by the §3.11 recently-registered rule (last_tempo ≤ reg[j]
 * drops the entry); `read` turns a u16 into the I32F32 the version uses.
 */
function storedBondRows(ctx: BondsContextExact, read: (u: number) => I32F32): SparseMatrix {
  const { n, storedBonds, blockAtRegistration: reg, lastTempo } = ctx;
  const m: SparseMatrix = [];
  for (let i = 0; i < n; i++) {
    const row: SparseRow = { cols: [], vals: [] };
    for (let j = 0, src = i * n; j < n; j++) {
      const u = storedBonds[src + j];
      if (u === 0 || lastTempo <= reg[j]) continue;
      row.cols.push(j);
      row.vals.push(read(u));
    }
    m.push(row);
  }
  return m;
}

/** `mat_ema_sparse`: α·new + (1−α)·old over the union of entries (floor products), entries > 0 kept. */
function emaSparse(next: SparseMatrix, old: SparseMatrix, alpha: I32F32, n: number): SparseMatrix {
  const keep = sub(ONE, alpha);
  return next.map((row, i) => {
    const acc: I32F32[] = new Array(n).fill(0n);
    for (let k = 0; k < row.cols.length; k++)
      acc[row.cols[k]] = add(acc[row.cols[k]], mul(alpha, row.vals[k]));
    const o = old[i];
    for (let k = 0; k < o.cols.length; k++) acc[o.cols[k]] = add(acc[o.cols[k]], mul(keep, o.vals[k]));
    return positives(acc);
  });
}

function positives(acc: readonly I32F32[]): SparseRow {
  const out: SparseRow = { cols: [], vals: [] };
  for (let j = 0; j < acc.length; j++) {
    if (acc[j] > 0n) {
      out.cols.push(j);
      out.vals.push(acc[j]);
    }
  }
  return out;
}

/** Rows with a new permit written as ⌊b·65535⌋ (`fixed_proportion_to_u16`), every other row empty. */
function storeRows(m: SparseMatrix, newPermit: Uint8Array, n: number): Float64Array {
  const stored = new Float64Array(n * n);
  m.forEach((row, i) => {
    if (newPermit[i] !== 1) return;
    for (let k = 0; k < row.cols.length; k++) stored[i * n + row.cols[k]] = proportionToU16(row.vals[k]);
  });
  return stored;
}

/**
 * §3.11(a) Original Yuma (exact): B⁰ = stored u16 as I32F32 integers, masked, column-normalised;
 * ΔB = W̃_ij·A_i column-normalised; B = EMA(ΔB, B⁰) (entries > 0), column-normalised;
 * D = normalise(B·I); storage: column max-upscale, then ⌊b·65535⌋.
 */
export function originalYumaBondsExact(ctx: BondsContextExact, params: BondsParamsExact): BondsOutcomeExact {
  const { n, activeStake, incentive, newPermit } = ctx;
  const bonds = storedBondRows(ctx, (u) => fromInt(u));
  colNormalize(bonds, n);
  const delta: SparseMatrix = ctx.weightsForBonds.map((row, i) => ({
    cols: row.cols.slice(),
    vals: row.vals.map((v) => mul(v, activeStake[i])),
  }));
  colNormalize(delta, n);
  const ema = emaSparse(delta, bonds, constantAlphaExact(params.bondsMovingAverage), n);
  colNormalize(ema, n);
  const dividends = normalize(matmulRows(ema, incentive));
  colMaxUpscale(ema, n);
  return { dividends, storedBonds: storeRows(ema, newPermit, n) };
}

/**
 * §3.11(b) Yuma3 (exact): B⁰ = u16/65535 (truncated), masked; EMA with the constant α, or with
 * liquid alphas (`mat_ema_alpha_sparse`: min(1, (1−α)·b + max(α·w, 0)) on W̃'s entries only when
 * sparseLiquidAlpha, as on chain, else on the union of entries); D_i = A_i·Σ_j B̂_ij·I_j with B̂ the
 * column-normalised B, normalised; storage ⌊b·65535⌋.
 */
export function yuma3BondsExact(ctx: BondsContextExact, params: BondsParamsExact): BondsOutcomeExact {
  const { n, activeStake, incentive, newPermit, consensus } = ctx;
  const w = ctx.weightsForBonds;
  const old = storedBondRows(ctx, u16ToProportion);
  let ema: SparseMatrix;
  if (liquidAlphaAppliesExact(params.liquidAlpha, consensus)) {
    const low = u16ToProportion(params.alphaLowU16);
    const high = u16ToProportion(params.alphaHighU16);
    const steepness = fromInt(params.steepness);
    ema = w.map((row, i) => {
      const b = densify(old[i], n);
      const wd = densify(row, n);
      const cols = params.sparseLiquidAlpha ? row.cols : unionCols(row, old[i]);
      const out: SparseRow = { cols: [], vals: [] };
      for (const j of cols) {
        const a = alphaSigmoidExact(consensus[j], wd[j], b[j], low, high, steepness);
        const decayed = mul(sub(ONE, a), b[j]);
        const incRaw = mul(a, wd[j]);
        const sumv = add(decayed, incRaw > 0n ? incRaw : 0n);
        const val = sumv < ONE ? sumv : ONE;
        if (val > 0n) {
          out.cols.push(j);
          out.vals.push(val);
        }
      }
      return out;
    });
  } else {
    ema = emaSparse(w, old, constantAlphaExact(params.bondsMovingAverage), n);
  }
  const norm = cloneMatrix(ema);
  colNormalize(norm, n);
  const perRow = matmulRows(norm, incentive);
  const dividends = normalize(perRow.map((t, i) => mul(t, activeStake[i])));
  return { dividends, storedBonds: storeRows(ema, newPermit, n) };
}

function unionCols(a: SparseRow, b: SparseRow): number[] {
  return [...new Set([...a.cols, ...b.cols])].sort((x, y) => x - y);
}
