import type { ParentKey, ValidatorGroup } from '../config.ts';
import { ROLE_VALIDATOR, type SubnetState } from '../state.ts';
import type { EpochResult } from '../yuma/types.ts';
import { addForAll, addOwnStake } from './hotkey-stake.ts';
import type { SubnetMarket } from './state.ts';

/** The four pending buckets drained at an epoch, rao. */
export interface DrainedBuckets {
  server: number;
  validator: number;
  root: number;
  owner: number;
}

/** Economy settings the payout reads. */
export interface PayoutRules {
  taoWeight: number;
  delegateTake: number;
  minerBurn: number;
  /** CKBurn: fraction of a parent's slice that is recycled (default 0). */
  ckBurn: number;
  /** The subnet's validator groups (their parent keys). */
  validators: readonly ValidatorGroup[];
}

/** The parent key of uid, if it is a validator of a group with one. */
export function parentOf(
  subnet: SubnetState,
  validators: readonly ValidatorGroup[],
  uid: number,
): ParentKey | null {
  const { role, group } = subnet.neurons;
  if (role[uid] !== ROLE_VALIDATOR || group[uid] < 0) return null;
  return validators[group[uid]]?.parent ?? null;
}

/** Stake weight a parent lends its child: proportion × (alpha + w·root), rao (emissions.md §5). */
export function inheritedStake(parent: ParentKey | null, taoWeight: number): number {
  return parent === null ? 0 : parent.proportion * (parent.alphaStake + taoWeight * parent.rootStake);
}

/** Weight of the last epoch in the stakers' dividend-yield estimate. */
const YIELD_EMA = 0.2;

/**
 * distribute_emission (emissions.md §1.2) after Yuma has run on server + validator + root:
 * 1. the owner cut is staked to the owner's hotkey;
 * 2. miners get incentive_i · server, staked to their hotkeys; the share of the owner's own hotkeys
 *    (`minerBurn`) is burned and becomes MinerBurned; with no incentive the validators get server too;
 * 3. each validator's dividend weight D_i splits into an alpha part D·(1 − f) and a root part D·f,
 *    f = w·root/(alpha + w·root), rescaled onto the validator and root pots;
 * 4. delegate take of both parts to the validator's own stake; the rest of the alpha part is added to
 *    its pool for all nominators, the rest of the root part becomes root stakers' claimable alpha.
 * Every amount is floored to whole rao; the floors' dust is burned (it stays in SubnetAlphaOut).
 * Root dividends with no root-staked validator in the subnet go to the network's other root stakers.
 *
 * Childkeys (step 4) are applied per validator after the pots are rescaled (parentSlice).
 * Simplified: the Yuma dividends in emergency mode (no weights) are the active-stake shares Yuma itself
 * pays.
 */
export function payEpoch(
  subnet: SubnetState,
  market: SubnetMarket,
  result: EpochResult,
  buckets: DrainedBuckets,
  rules: PayoutRules,
): void {
  const { n, neurons } = subnet;
  const credited = subnet.lastPaid;
  credited.fill(0, 0, n);
  market.ownerAlpha += buckets.owner;
  subnet.ownerBalance += BigInt(buckets.owner);

  let incentiveSum = 0;
  for (let i = 0; i < n; i++) incentiveSum += result.incentive[i];
  let validatorPot = buckets.validator;
  let paid = 0;
  let minerBurned = 0;
  if (incentiveSum > 0) {
    for (let i = 0; i < n; i++) {
      const reward = Math.floor((result.incentive[i] / incentiveSum) * buckets.server);
      if (reward <= 0) continue;
      const burned = Math.floor(reward * rules.minerBurn);
      minerBurned += burned;
      addOwnStake(neurons, i, reward - burned);
      neurons.balance[i] += BigInt(reward - burned);
      credited[i] += reward - burned;
      paid += reward;
    }
    market.minerBurned = paid > 0 ? minerBurned / paid : 0;
  } else {
    validatorPot += buckets.server;
    market.minerBurned = 0;
  }
  market.burnedAlpha += minerBurned;

  const weights = dividendWeights(result);
  let alphaParts = 0;
  let rootParts = 0;
  for (let i = 0; i < n; i++) {
    const d = weights[i];
    if (!(d > 0)) continue;
    const f = rootFraction(neurons.stakeAlpha[i], neurons.rootStake[i], rules.taoWeight);
    alphaParts += d * (1 - f);
    rootParts += d * f;
  }
  let stakerDividends = 0;
  let rootPaid = 0;
  let validatorPaid = 0;
  let stakedBefore = 0;
  for (let i = 0; i < n; i++) {
    const d = weights[i];
    if (!(d > 0)) continue;
    const f = rootFraction(neurons.stakeAlpha[i], neurons.rootStake[i], rules.taoWeight);
    stakedBefore += neurons.stakeAlpha[i];
    // The part's share of its kind first (≤ 1, exactly 1 for a sole recipient), then of the pot.
    let alphaDiv = alphaParts > 0 ? Math.floor(validatorPot * ((d * (1 - f)) / alphaParts)) : 0;
    let rootDiv = rootParts > 0 ? Math.floor(buckets.root * ((d * f) / rootParts)) : 0;
    validatorPaid += alphaDiv;
    rootPaid += rootDiv;
    const parent = parentOf(subnet, rules.validators, i);
    if (parent !== null) {
      alphaDiv -= parentSlice(
        market,
        alphaDiv,
        parent,
        neurons.stakeAlpha[i] + rules.taoWeight * neurons.rootStake[i],
        rules,
      );
      rootDiv -= parentSlice(
        market,
        rootDiv,
        parent,
        neurons.stakeAlpha[i] + rules.taoWeight * neurons.rootStake[i],
        rules,
      );
    }
    const alphaTake = Math.floor(alphaDiv * rules.delegateTake);
    const rootTake = Math.floor(rootDiv * rules.delegateTake);
    addOwnStake(neurons, i, alphaTake + rootTake);
    addForAll(neurons, i, alphaDiv - alphaTake);
    neurons.balance[i] += BigInt(alphaDiv + rootTake);
    credited[i] += alphaDiv + rootTake;
    market.rootClaimable += rootDiv - rootTake;
    market.rootStakersAlpha += rootDiv - rootTake;
    stakerDividends += alphaDiv - alphaTake;
  }
  if (rootParts === 0) {
    market.rootClaimable += buckets.root;
    market.rootStakersAlpha += buckets.root;
    rootPaid = buckets.root;
  }
  market.rootDividends = rootPaid;
  const total = buckets.server + buckets.validator + buckets.root;
  const dust = total - paid - validatorPaid - rootPaid;
  market.burnedAlpha += dust;
  subnet.burned += BigInt(dust + minerBurned);
  const epochYield = stakedBefore > 0 ? stakerDividends / stakedBefore : 0;
  market.dividendYield = market.dividendYield * (1 - YIELD_EMA) + epochYield * YIELD_EMA;
}

/**
 * §1.2 step 4, one parent: its slice of `amount` in proportion to its contribution against the child's
 * own stake; the child keeps ChildkeyTake of it, CKBurn of the rest is recycled and the parent's part
 * leaves to it (a hotkey outside the subnet's uids: its alpha is held outside the model). Returns what
 * the child no longer gets.
 */
function parentSlice(
  market: SubnetMarket,
  amount: number,
  parent: ParentKey,
  own: number,
  rules: PayoutRules,
): number {
  const lent = inheritedStake(parent, rules.taoWeight);
  if (!(amount > 0) || !(lent > 0)) return 0;
  const slice = Math.floor((amount * lent) / (own + lent));
  const kept = Math.floor(slice * parent.childkeyTake);
  const burned = Math.floor((slice - kept) * rules.ckBurn);
  market.alphaOut -= burned;
  market.recycledAlpha += burned;
  market.outsideAlpha += slice - kept - burned;
  market.parentAlpha += slice - kept;
  return slice - kept;
}

/** The root share f = w·root/(alpha + w·root) of a validator's dividends (0 without root stake). */
function rootFraction(alpha: number, root: number, taoWeight: number): number {
  const weighted = taoWeight * root;
  return weighted > 0 ? weighted / (alpha + weighted) : 0;
}

/** Yuma's dividends, or in its emergency mode (no usable weights) the validator emission it paid by stake. */
function dividendWeights(result: EpochResult): Float64Array {
  for (let i = 0; i < result.dividends.length; i++) if (result.dividends[i] > 0) return result.dividends;
  return result.validatorEmission;
}
