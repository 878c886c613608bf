import type { I32F32 } from '../../fixed/i32f32.ts';
import { TWO32 } from '../../fixed/i32f32-num.ts';
import { computeActive, lastTempoBlock } from '../activity.ts';
import { permitsForMasking } from '../permits.ts';
import type { EpochInput, EpochResult, YumaParams } from '../types.ts';
import { type BondsParamsNum, originalYumaBondsNum, yuma3BondsNum } from './bonds-num.ts';
import { weightsForBondsNum } from './bonds-penalty-num.ts';
import {
  clipPatternNum,
  clipWeightsNum,
  consensusNum,
  incentiveNum,
  validatorTrustNum,
} from './consensus-num.ts';
import { normalizeNum } from './dense.ts';
import { splitEmissionExact } from './emission.ts';
import { runEpochExactBigInt, toU16Param, u16Fraction } from './epoch-bigint.ts';
import { newPermitsExact } from './permits.ts';
import { normalizedStakeExact } from './stake.ts';
import { maskWeightsNum, rowsInPlayExact } from './weights-num.ts';

const toF64Array = (raw: Float64Array) => raw.map((v) => v / TWO32);
const toBigInts = (raw: Float64Array): I32F32[] => Array.from(raw, (v) => BigInt(v));

/**
 * One Yuma epoch of one mechanism in the chain's fixed-point arithmetic (I32F32, with I64F64 for the
 * stake normalisation and BondsMovingAverage/10⁶), following spec §3 stage by stage as the chain's
 * sparse path (`epoch_mechanism`) does, so every integer output (u16 encodings, stored bonds, rao
 * emissions, permits) is the chain's. Same interface as runEpoch: fractions in the result are the
 * fixed-point values as exact doubles; emissions are rao numbers (exact below 2⁵³). Pure.
 *
 * The O(n) stages (stake, permits, emission split) compute in bigint (i32f32.ts, i64f64.ts); the m×n
 * stages work on raw I32F32 bits held in doubles over the rows in play (i32f32-num.ts, dense.ts), exact
 * because every value there stays far below 2⁵³ for u16 weights and bonds. Inputs outside that domain
 * (a weight or bond that is not a u16, n > 32 768) run the all-bigint epoch (epoch-bigint.ts), which
 * gives the same integers everywhere.
 */
export function runEpochExact(input: EpochInput, params: YumaParams): EpochResult {
  return (input.n <= 32_768 && runEpochExactNum(input, params)) || runEpochExactBigInt(input, params);
}

function runEpochExactNum(input: EpochInput, params: YumaParams): EpochResult | undefined {
  const { n, block, ownerUid } = input;

  // §3.1 Activity
  const active = computeActive(input.lastUpdate, block, params.activityCutoff);

  // §3.2 Stake (I64F64, bigint), then raw numbers: every value ≤ 2³²
  const stakeBig = normalizedStakeExact(input.stake, params.stakeThreshold, ownerUid);
  const stake = Float64Array.from(stakeBig, Number);

  // §3.3 Validator permits: mask with last epoch's, compute the next ones
  const permit = permitsForMasking(input.validatorPermit, ownerUid);
  const validatorPermit = newPermitsExact(stakeBig, params.maxAllowedValidators, ownerUid);

  // §3.4 Active stake
  const activeStake = normalizeNum(stake.map((s, i) => (active[i] === 1 && permit[i] === 1 ? s : 0)));

  // §3.5 Weights (masked, row-normalised) over the rows in play
  const d = rowsInPlayExact(permit, input.bonds, n);
  const masked = maskWeightsNum(input, permit, ownerUid, d);
  if (masked === undefined) return undefined;

  // §3.6 Consensus, §3.7 clipping, §3.8 validator trust, §3.9 incentive
  const kappa = Number(u16Fraction(toU16Param(params.kappa)));
  const consensus = consensusNum(activeStake, masked.w, d, kappa);
  const clipped = clipWeightsNum(masked.w, consensus, d);
  const validatorTrust = validatorTrustNum(clipped, d);
  const incentive = incentiveNum(activeStake, clipped, d);

  // §3.10 Weights for bonds (bonds penalty β)
  const beta = Number(u16Fraction(toU16Param(params.bondsPenalty)));
  const sparseLiquid = params.version === 'yuma3' && params.liquidAlpha.enabled && params.sparseLiquidAlpha;
  const { wTilde, wTildePresent } = weightsForBondsNum(
    masked.w,
    masked.present,
    clipped,
    () => clipPatternNum(masked.w, masked.present, consensus, d),
    beta,
    sparseLiquid,
  );

  // §3.11 Bonds and dividends
  const ctx = {
    d,
    storedBonds: input.bonds,
    blockAtRegistration: input.blockAtRegistration,
    lastTempo: lastTempoBlock(block, input.tempo, input.lastEpochBlock),
    activeStake,
    weightsForBonds: wTilde,
    weightsForBondsPresent: wTildePresent,
    consensus,
    incentive,
    newPermit: validatorPermit,
  };
  const bondParams: BondsParamsNum = {
    bondsMovingAverage: params.bondsMovingAverage,
    liquidAlpha: params.liquidAlpha.enabled,
    alphaLowU16: toU16Param(params.liquidAlpha.alphaLow),
    alphaHighU16: toU16Param(params.liquidAlpha.alphaHigh),
    steepness: params.liquidAlpha.steepness,
    sparseLiquidAlpha: params.sparseLiquidAlpha,
  };
  const bonds =
    params.version === 'yuma3' ? yuma3BondsNum(ctx, bondParams) : originalYumaBondsNum(ctx, bondParams);
  if (bonds === undefined) return undefined;

  // §3.12 Emission split and fallback (O(n), bigint: u64 rao and I96F32 products)
  const split = splitEmissionExact(
    toBigInts(incentive),
    toBigInts(bonds.dividends),
    toBigInts(activeStake),
    stakeBig,
    BigInt(Math.max(0, Math.floor(input.emission))),
  );

  // §3.13 Persisted outputs
  return {
    stake: toF64Array(stake),
    activeStake: toF64Array(activeStake),
    active,
    consensus: toF64Array(consensus),
    validatorTrust: toF64Array(validatorTrust),
    incentive: toF64Array(incentive),
    dividends: toF64Array(bonds.dividends),
    serverEmission: Float64Array.from(split.serverEmission, Number),
    validatorEmission: Float64Array.from(split.validatorEmission, Number),
    emission: Float64Array.from(split.emission, Number),
    validatorPermit,
    bonds: bonds.storedBonds,
  };
}
