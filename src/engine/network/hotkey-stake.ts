import type { NeuronTable } from '../state.ts';

/**
 * Each hotkey's alpha on its subnet is a share pool (emissions.md §4.2 "Stake positions"): staking buys
 * shares at the current alpha per share, and emission added "for all" raises every holder's alpha pro
 * rata. The hotkey's own coldkey (the neuron's operator) holds `ownShares`; stakers hold the rest.
 */

/** Alpha per share of uid's pool (1 for an empty pool). */
export function alphaPerShare(neurons: NeuronTable, uid: number): number {
  const shares = neurons.shares[uid];
  return shares > 0 ? neurons.stakeAlpha[uid] / shares : 1;
}

/** Adds `alpha` to uid's pool for a holder; returns the shares it bought. */
export function buyShares(neurons: NeuronTable, uid: number, alpha: number): number {
  if (!(alpha > 0)) return 0;
  const bought = alpha / alphaPerShare(neurons, uid);
  neurons.shares[uid] += bought;
  neurons.stakeAlpha[uid] += alpha;
  return bought;
}

/** Adds `alpha` for the hotkey's own coldkey (take, owner's own stake, miner incentive). */
export function addOwnStake(neurons: NeuronTable, uid: number, alpha: number): void {
  neurons.ownShares[uid] += buyShares(neurons, uid, alpha);
}

/** Adds `alpha` to the pool without new shares: every holder gains pro rata. */
export function addForAll(neurons: NeuronTable, uid: number, alpha: number): void {
  if (neurons.shares[uid] > 0) neurons.stakeAlpha[uid] += alpha;
  else addOwnStake(neurons, uid, alpha); // nobody holds shares yet: the operator owns it all
}

/**
 * Removes `shares` from uid's pool; returns the alpha they were worth (floored to whole rao, so the
 * pool never pays out more than it holds).
 */
export function redeemShares(neurons: NeuronTable, uid: number, shares: number): number {
  if (!(shares > 0)) return 0;
  const total = neurons.shares[uid];
  const alpha = shares >= total ? neurons.stakeAlpha[uid] : Math.floor(shares * alphaPerShare(neurons, uid));
  neurons.shares[uid] = Math.max(0, total - shares);
  neurons.stakeAlpha[uid] -= alpha;
  if (neurons.shares[uid] === 0) neurons.stakeAlpha[uid] = 0;
  return alpha;
}
