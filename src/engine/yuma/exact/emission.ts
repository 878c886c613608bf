import { add, div, type I32F32 } from '../../fixed/i32f32.ts';
import { normalize, sum } from './sparse.ts';

/** Per-uid rao amounts of §3.12 (exact), as bigints. */
export interface EmissionSplitExact {
  serverEmission: bigint[];
  validatorEmission: bigint[];
  emission: bigint[];
}

/** ⌊share·E⌋ as the chain computes it: I96F32(share)·I96F32(E), floored to u64 (negative → 0). */
export function raoShare(share: I32F32, total: bigint): bigint {
  const q = (share * total) >> 32n;
  return q < 0n ? 0n : q;
}

/**
 * §3.12 Emission split (exact): Z = Σ(I + D); server I/Z, validator D/Z (safe_div), combined
 * normalise(I + D); if Z = 0, validator and combined take A (or S when ΣA = 0). Each ⌊share·E⌋.
 */
export function splitEmissionExact(
  incentive: readonly I32F32[],
  dividends: readonly I32F32[],
  activeStake: readonly I32F32[],
  stake: readonly I32F32[],
  total: bigint,
): EmissionSplitExact {
  const combined = incentive.map((v, i) => add(v, dividends[i]));
  const z = sum(combined);
  let server = incentive.slice();
  let validator = dividends.slice();
  let comb = normalize(combined);
  if (z !== 0n) {
    server = server.map((v) => div(v, z));
    validator = validator.map((v) => div(v, z));
  } else {
    const fallback = sum(activeStake) === 0n ? stake : activeStake;
    validator = fallback.slice();
    comb = fallback.slice();
  }
  return {
    serverEmission: server.map((s) => raoShare(s, total)),
    validatorEmission: validator.map((s) => raoShare(s, total)),
    emission: comb.map((s) => raoShare(s, total)),
  };
}
