import { div, fromInt, type I32F32, toF64 } from '../../fixed/i32f32.ts';
import { computeActive, lastTempoBlock } from '../activity.ts';
import { permitsForMasking } from '../permits.ts';
import type { EpochInput, EpochResult, YumaParams } from '../types.ts';
import { type BondsParamsExact, originalYumaBondsExact, yuma3BondsExact } from './bonds.ts';
import { weightsForBondsExact } from './bonds-penalty.ts';
import { clipWeightsExact, consensusExact, incentiveExact, validatorTrustExact } from './consensus.ts';
import { splitEmissionExact } from './emission.ts';
import { newPermitsExact } from './permits.ts';
import { activeStakeExact, normalizedStakeExact } from './stake.ts';
import { maskWeightsExact } from './weights.ts';

/** A fraction parameter back to the chain's u16 (YumaParams hold u16/65535). */
export const toU16Param = (x: number) => Math.round(x * 65535);

/** u16/65535 in I32F32 as the chain reads κ, β (`safe_div`, truncating). */
export const u16Fraction = (u: number): I32F32 => div(fromInt(u), fromInt(65535));

const toF64Array = (x: readonly I32F32[]) => Float64Array.from(x, toF64);

/**
 * One Yuma epoch of one mechanism in the chain's fixed-point arithmetic (I32F32, with I64F64 for the
 * stake normalisation and BondsMovingAverage/10⁶), following spec §3 stage by stage as the chain's
 * sparse path (`epoch_mechanism`) does, so every integer output (u16 encodings, stored bonds, rao
 * emissions, permits) is the chain's. Same interface as runEpoch: fractions in the result are the
 * fixed-point values as exact doubles; emissions are rao numbers (exact below 2⁵³). Pure; BigInt-based,
 * so much slower than the float epoch. Fraction parameters are read back as their u16 encodings.
 */
export function runEpochExactBigInt(input: EpochInput, params: YumaParams): EpochResult {
  const { n, block, ownerUid } = input;

  // §3.1 Activity
  const active = computeActive(input.lastUpdate, block, params.activityCutoff);

  // §3.2 Stake
  const stake = normalizedStakeExact(input.stake, params.stakeThreshold, ownerUid);

  // §3.3 Validator permits: mask with last epoch's, compute the next ones
  const permit = permitsForMasking(input.validatorPermit, ownerUid);
  const validatorPermit = newPermitsExact(stake, params.maxAllowedValidators, ownerUid);

  // §3.4 Active stake
  const activeStake = activeStakeExact(stake, active, permit);

  // §3.5 Weights (masked, row-normalised)
  const weights = maskWeightsExact(input, permit, ownerUid);

  // §3.6 Consensus, §3.7 clipping, §3.8 validator trust, §3.9 incentive
  const consensus = consensusExact(activeStake, weights, n, u16Fraction(toU16Param(params.kappa)));
  const clipped = clipWeightsExact(weights, consensus);
  const validatorTrust = validatorTrustExact(clipped);
  const incentive = incentiveExact(activeStake, clipped, n);

  // §3.10 Weights for bonds (bonds penalty β)
  const wTilde = weightsForBondsExact(weights, clipped, u16Fraction(toU16Param(params.bondsPenalty)), n);

  // §3.11 Bonds and dividends
  const ctx = {
    n,
    storedBonds: input.bonds,
    blockAtRegistration: input.blockAtRegistration,
    lastTempo: lastTempoBlock(block, input.tempo, input.lastEpochBlock),
    activeStake,
    weightsForBonds: wTilde,
    consensus,
    incentive,
    newPermit: validatorPermit,
  };
  const bondParams: BondsParamsExact = {
    bondsMovingAverage: params.bondsMovingAverage,
    liquidAlpha: params.liquidAlpha.enabled,
    alphaLowU16: toU16Param(params.liquidAlpha.alphaLow),
    alphaHighU16: toU16Param(params.liquidAlpha.alphaHigh),
    steepness: params.liquidAlpha.steepness,
    sparseLiquidAlpha: params.sparseLiquidAlpha,
  };
  const { dividends, storedBonds } =
    params.version === 'yuma3' ? yuma3BondsExact(ctx, bondParams) : originalYumaBondsExact(ctx, bondParams);

  // §3.12 Emission split and fallback
  const split = splitEmissionExact(
    incentive,
    dividends,
    activeStake,
    stake,
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
    dividends: toF64Array(dividends),
    serverEmission: Float64Array.from(split.serverEmission, Number),
    validatorEmission: Float64Array.from(split.validatorEmission, Number),
    emission: Float64Array.from(split.emission, Number),
    validatorPermit,
    bonds: storedBonds,
  };
}
