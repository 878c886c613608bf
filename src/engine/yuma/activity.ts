/**
 * §3.1 Activity: a uid is inactive when its last weight submission (or commit) is older than the
 * activity cutoff: inactive[i] ⇔ last_update[i] + cutoff < block.
 */
export function computeActive(lastUpdate: ArrayLike<number>, block: number, cutoff: number): Uint8Array {
  const n = lastUpdate.length;
  const active = new Uint8Array(n);
  for (let i = 0; i < n; i++) active[i] = lastUpdate[i] + cutoff < block ? 0 : 1;
  return active;
}

/**
 * §3.11 `last_tempo`: the first block after the previous successful epoch, or `block − tempo`
 * (saturating at 0, as the chain's u64 subtraction) when no epoch has run yet (lastEpochBlock < 0).
 */
export function lastTempoBlock(block: number, tempo: number, lastEpochBlock: number): number {
  if (lastEpochBlock < 0) return Math.max(0, block - tempo);
  return lastEpochBlock + 1;
}
