import { createHash } from 'node:crypto';

/**
 * Seeds and design draws come from a hash of their identity (sweep seed, point, replicate…), never from a
 * sequential generator: a run's seed is then the same whatever the worker count, the shard split or the
 * order runs finish in, and computing one point does not require computing the points before it.
 */

function digest(parts: readonly (string | number)[]): Buffer {
  return createHash('sha256')
    .update(`subnet-sim/${parts.join('/')}`)
    .digest();
}

/** The scenario seed of one run: a 32-bit integer (the scenario seed's range). */
export function runSeed(sweepSeed: number, point: number, replicate: number): number {
  return digest(['run-seed', sweepSeed, point, replicate]).readUInt32BE(0);
}

/** A uniform draw in [0, 1) with 53 random bits, named by `parts`. */
export function hashUniform(...parts: readonly (string | number)[]): number {
  const bytes = digest(parts);
  const high = bytes.readUInt32BE(0) >>> 5; // 27 bits
  const low = bytes.readUInt32BE(4) >>> 6; // 26 bits
  return (high * 67108864 + low) / 9007199254740992;
}

/** A permutation of 0..n−1 (Fisher–Yates), drawn from the named hash stream. */
export function hashPermutation(n: number, ...parts: readonly (string | number)[]): Int32Array {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(hashUniform(...parts, i) * (i + 1));
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  return perm;
}
