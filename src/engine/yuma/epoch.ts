import { computeActive, lastTempoBlock } from './activity.ts';
import type { BondsContext } from './bonds.ts';
import { weightsForBonds } from './bonds-penalty.ts';
import { originalYumaBonds } from './bonds-yuma1.ts';
import { yuma3Bonds } from './bonds-yuma3.ts';
import { clipTrustIncentive } from './clip.ts';
import { consensusOf } from './consensus.ts';
import { splitEmission } from './emission.ts';
import { newPermits, permitsForMasking } from './permits.ts';
import { gatherRows, rowsInPlay } from './rows.ts';
import { activeStakeOf, normalizedStake } from './stake.ts';
import type { EpochInput, EpochResult, YumaParams } from './types.ts';
import { maskWeights } from './weights.ts';
import type { YumaWorkspace } from './workspace.ts';

/**
 * One Yuma epoch of one mechanism, in float64, following spec §3 stage by stage.
 * Reads `input` without mutating it. Without `workspace` it is pure and every array of the result is
 * freshly allocated. With one (createYumaWorkspace), its scratch matrices are reused and the result's
 * arrays may be buffers of the workspace: they stay valid only until the next call with the same
 * workspace, which overwrites them, and must not be written to. Keep one workspace per independent
 * caller (e.g. per subnet), never shared by results that must live side by side. The numbers are the
 * same to the bit either way.
 */
export function runEpoch(input: EpochInput, params: YumaParams, workspace?: YumaWorkspace): EpochResult {
  const { n, block, ownerUid } = input;

  // §3.1 Activity
  const active = computeActive(input.lastUpdate, block, params.activityCutoff);

  // §3.2 Stake
  const stake = normalizedStake(input.stake, params.stakeThreshold, ownerUid);

  // §3.3 Validator permits: mask with last epoch's, compute the next ones
  const permit = permitsForMasking(input.validatorPermit, ownerUid);
  const validatorPermit = newPermits(stake, params.maxAllowedValidators, ownerUid);

  // §3.4 Active stake
  const activeStake = activeStakeOf(stake, active, permit);

  // Matrices from here on cover only the rows that can hold weights or bonds (rows.ts).
  const rows = rowsInPlay(permit, input.bonds, n, input.bondsInPermittedRows === true);
  const activeRows = gatherRows(activeStake, rows);

  // §3.5 Weights (masked, row-normalised)
  const weights = maskWeights(input, permit, ownerUid, rows, workspace);

  // §3.6 Consensus
  const consensus = consensusOf(activeRows, weights, n, params.kappa, workspace);

  // §3.7 clipping, §3.8 validator trust, §3.9 incentive
  const { clipped, validatorTrust, incentive } = clipTrustIncentive(
    weights,
    consensus,
    activeRows,
    rows,
    n,
    workspace,
  );

  // §3.10 Weights for bonds (bonds penalty β)
  const wTilde = weightsForBonds(weights, clipped, params.bondsPenalty, workspace);

  // §3.11 Bonds and dividends
  const bondsCtx: BondsContext = {
    n,
    rows,
    storedBonds: input.bonds,
    blockAtRegistration: input.blockAtRegistration,
    lastTempo: lastTempoBlock(block, input.tempo, input.lastEpochBlock),
    activeRows,
    weightsForBonds: wTilde,
    consensus,
    incentive,
    newPermit: validatorPermit,
    workspace,
  };
  const { dividends, storedBonds } =
    params.version === 'yuma3' ? yuma3Bonds(bondsCtx, params) : originalYumaBonds(bondsCtx, params);

  // §3.12 Emission split and fallback
  const split = splitEmission(incentive, dividends, activeStake, stake, input.emission);

  // §3.13 Persisted outputs
  return {
    stake,
    activeStake,
    active,
    consensus,
    validatorTrust,
    incentive,
    dividends,
    serverEmission: split.serverEmission,
    validatorEmission: split.validatorEmission,
    emission: split.emission,
    validatorPermit,
    bonds: storedBonds,
  };
}
