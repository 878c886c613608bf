import { runEpoch } from './epoch.ts';
import type { EpochInput, EpochResult, YumaParams } from './types.ts';

/** Per-mechanism state (spec §1): each mechanism has its own weights, bonds and last_update. */
export interface MechanismState {
  weights: Float64Array;
  weightsPresent: Uint8Array;
  bonds: Float64Array;
  lastUpdate: Float64Array;
  commitBlock?: Float64Array;
}

/** The part of an epoch's input that all mechanisms share (stake, registrations, permits, owner). */
export type SharedEpochInput = Omit<EpochInput, keyof MechanismState | 'emission'>;

export interface MechanismsResult {
  /** Rao given to each mechanism's epoch. */
  emissionPerMechanism: number[];
  /** Each mechanism's own epoch result (its bonds, incentive, consensus… are its own state). */
  mechanisms: EpochResult[];
  /** Per uid, summed over mechanisms (rao). */
  serverEmission: Float64Array;
  validatorEmission: Float64Array;
  /** Per uid, Σ_m ⌊acc + emission_m·w_m⌋ with w_m = E_m/E (rao), as the chain aggregates it. */
  emission: Float64Array;
  /** Per uid, Σ_m w_m·x_m for dividends, consensus and validator trust (fractions). */
  dividends: Float64Array;
  consensus: Float64Array;
  validatorTrust: Float64Array;
  /** Per uid, OR over mechanisms (they agree: stake and permits are shared). */
  validatorPermit: Uint8Array;
  active: Uint8Array;
}

/**
 * §1 Split E across `count` mechanisms: by `split` (u16 proportions summing to 65535, ⌊E·s/65535⌋,
 * missing entries 0) or evenly (⌊E/count⌋ each); the rounding remainder goes to mechanism 0.
 * Rule: count ≤ 0 → [].
 */
export function splitMechanismEmission(total: number, count: number, split?: ArrayLike<number>): number[] {
  if (count <= 0) return [];
  const out: number[] = new Array(count).fill(0);
  for (let m = 0; m < count; m++) {
    if (split === undefined) out[m] = Math.floor(total / count);
    else if (m < split.length) out[m] = mulDivFloor(total, split[m], 65535);
  }
  const assigned = out.reduce((a, b) => a + b, 0);
  out[0] += Math.max(0, total - assigned);
  return out;
}

/** ⌊a·b/c⌋, exact for safe integers (the chain computes it in u128). */
function mulDivFloor(a: number, b: number, c: number): number {
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && a >= 0 && b >= 0) {
    return Number((BigInt(a) * BigInt(b)) / BigInt(c));
  }
  return Math.floor((a * b) / c);
}

/**
 * §1 Mechanisms (chain `epoch_with_mechanisms`): runs one epoch per mechanism on its share of E with
 * the shared stake and permits, then sums server and validator emissions per uid and aggregates the
 * other per-uid terms weighted by each mechanism's share of E (E = 0 → mechanism 0 has weight 1).
 */
export function runMechanisms(
  shared: SharedEpochInput,
  mechanisms: readonly MechanismState[],
  emission: number,
  params: YumaParams,
  split?: ArrayLike<number>,
): MechanismsResult {
  const n = shared.n;
  const emissionPerMechanism = splitMechanismEmission(emission, mechanisms.length, split);
  const results = mechanisms.map((m, k) =>
    runEpoch({ ...shared, ...m, emission: emissionPerMechanism[k] }, params),
  );
  const out: MechanismsResult = {
    emissionPerMechanism,
    mechanisms: results,
    serverEmission: new Float64Array(n),
    validatorEmission: new Float64Array(n),
    emission: new Float64Array(n),
    dividends: new Float64Array(n),
    consensus: new Float64Array(n),
    validatorTrust: new Float64Array(n),
    validatorPermit: new Uint8Array(n),
    active: new Uint8Array(n),
  };
  results.forEach((r, k) => {
    const w = emission > 0 ? emissionPerMechanism[k] / emission : k === 0 ? 1 : 0;
    for (let i = 0; i < n; i++) {
      out.serverEmission[i] += r.serverEmission[i];
      out.validatorEmission[i] += r.validatorEmission[i];
      out.emission[i] = Math.floor(out.emission[i] + r.emission[i] * w);
      out.dividends[i] += r.dividends[i] * w;
      out.consensus[i] += r.consensus[i] * w;
      out.validatorTrust[i] += r.validatorTrust[i] * w;
      out.validatorPermit[i] |= r.validatorPermit[i];
      out.active[i] |= r.active[i];
    }
  });
  return out;
}
