/**
 * When a subnet's epoch runs on chain (yuma.md §1): before dynamic tempo (2026-05) at every block E
 * with (E + netuid + 1) mod (tempo + 1) = tempo — subtensor's `blocks_until_next_epoch` reaching 0 —
 * and since then `tempo` blocks after the last one (LastMechansimStepBlock + tempo). A replay samples
 * the block just before each epoch: its state is that epoch's input, and the next such block holds
 * the epoch's output.
 */

export type EpochRule = 'modulo' | 'dynamic';

/** The first block after `block` at which the epoch runs. */
export function nextEpochBlock(
  rule: EpochRule,
  netuid: number,
  tempo: number,
  lastStep: number,
  block: number,
): number {
  if (!(tempo > 0)) return Number.POSITIVE_INFINITY;
  if (rule === 'dynamic') return Math.max(block + 1, lastStep + tempo);
  const period = tempo + 1;
  const first = block + 1;
  const remainder = (first + netuid + 1) % period;
  return first + ((tempo - remainder + period) % period);
}

/** Blocks between two epochs when nothing slips. */
export function epochPeriod(rule: EpochRule, tempo: number): number {
  return rule === 'dynamic' ? tempo : tempo + 1;
}

/**
 * The block to sample after a snapshot at `block` with `--every tempo`: the last block before the next
 * epoch, or before the one after it when `block` is already the last before an epoch.
 */
export function nextSampleBlock(
  rule: EpochRule,
  netuid: number,
  tempo: number,
  lastStep: number,
  block: number,
): number {
  const epoch = nextEpochBlock(rule, netuid, tempo, lastStep, block);
  if (epoch - 1 > block) return epoch - 1;
  return epoch + epochPeriod(rule, tempo) - 1;
}

/**
 * Whether the epoch that produced `after`'s outputs (at `epochBlock`, its last_step) is the only one
 * between two snapshots: it ran after `beforeBlock`, and no earlier epoch fits after `beforeBlock`
 * (the previous one ran at `beforeLastStep`, one period at most before).
 */
export function spansOneEpoch(
  beforeBlock: number,
  beforeLastStep: number,
  epochBlock: number,
  maxPeriod: number,
): boolean {
  return epochBlock > beforeBlock && epochBlock - beforeLastStep <= maxPeriod;
}
