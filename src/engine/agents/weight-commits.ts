import type { SubnetState, WeightCommits } from '../state.ts';
import { setWeightsRow } from './weights-row.ts';

/**
 * Commit-reveal of weights (yuma.md §3.15): each committing uid owns a ring of `period` slots
 * (state.ts WeightCommits); a row committed at epoch e waits in slot e mod period and becomes the
 * uid's weights row at epoch e + period.
 */

/** uid's ring of commit slots, allocated at its first commit. */
export function ringOf(commits: WeightCommits, uid: number, capacity: number): number {
  let ring = commits.ring[uid];
  if (ring < 0) {
    ring = commits.rows.length;
    commits.rows.push(new Uint16Array(commits.period * capacity));
    commits.block.push(new Float64Array(commits.period));
    commits.epoch.push(new Float64Array(commits.period).fill(-1));
    commits.ring[uid] = ring;
  }
  return ring;
}

/**
 * Commits a row made at `epoch` into slot epoch mod period of the ring (copying `u16` into it, or
 * null when the row was written there directly). That slot was emptied by revealCommits earlier in the
 * same epoch: the commit it held was made `period` epochs ago. A second commit in one epoch replaces
 * the first.
 */
export function commitWeightsRow(
  commits: WeightCommits,
  ring: number,
  u16: Uint16Array | null,
  capacity: number,
  block: number,
  epoch: number,
): void {
  const slot = epoch % commits.period;
  if (u16 !== null) commits.rows[ring].set(u16.subarray(0, capacity), slot * capacity);
  commits.block[ring][slot] = block;
  commits.epoch[ring][slot] = epoch;
}

/**
 * Start of epoch `epoch` with commit-reveal on: every commit made at epoch − period is revealed, i.e.
 * set as that uid's weights row (as set_weights would; last_update keeps its commit-time stamp), and
 * its slot emptied. Rows hold the uids as committed: a uid re-occupied since then receives the weight
 * meant for its previous occupant unless a mask drops it, as on chain (commits are opaque until revealed).
 */
export function revealCommits(subnet: SubnetState, epoch: number): void {
  const commits = subnet.commits;
  if (commits === null) return;
  const { capacity } = subnet;
  const { period } = commits;
  const slot = epoch % period;
  for (let uid = 0; uid < subnet.n; uid++) {
    const ring = commits.ring[uid];
    if (ring < 0) continue;
    const epochs = commits.epoch[ring];
    if (epochs[slot] < 0 || epochs[slot] !== epoch - period) continue;
    setWeightsRow(subnet, uid, commits.rows[ring], slot * capacity);
    epochs[slot] = -1;
  }
}

/**
 * The commit-reveal mask's input (yuma.md §3.5 step 4): per uid < n, the earliest block among its
 * unexpired (not yet revealed) commits, or Infinity when it has none. Writes into `out` (length ≥ n).
 */
export function earliestCommitBlocks(subnet: SubnetState, out: Float64Array): Float64Array {
  const commits = subnet.commits;
  out.fill(Number.POSITIVE_INFINITY, 0, subnet.n);
  if (commits === null) return out;
  for (let uid = 0; uid < subnet.n; uid++) {
    const ring = commits.ring[uid];
    if (ring < 0) continue;
    const epochs = commits.epoch[ring];
    const blocks = commits.block[ring];
    let earliest = Number.POSITIVE_INFINITY;
    for (let s = 0; s < commits.period; s++) {
      if (epochs[s] >= 0 && blocks[s] < earliest) earliest = blocks[s];
    }
    out[uid] = earliest;
  }
  return out;
}
