import { floorShare } from '../math/u16.ts';

/** Per-uid rao amounts of §3.12. */
export interface EmissionSplit {
  serverEmission: Float64Array;
  validatorEmission: Float64Array;
  emission: Float64Array;
}

/**
 * §3.12 Emission split. Z = Σ_i (I_i + D_i); server ⌊(I_i/Z)·E⌋, validator ⌊(D_i/Z)·E⌋, combined
 * ⌊normalise(I + D)_i·E⌋. If Z = 0 (no usable weights): server 0, validator and combined ⌊A_i·E⌋ when
 * ΣA > 0, else ⌊S_i·E⌋ ("emergency mode"). Incentive with no bonds gives Z = 1: miners get all of E.
 */
export function splitEmission(
  incentive: Float64Array,
  dividends: Float64Array,
  activeStake: Float64Array,
  stake: Float64Array,
  total: number,
): EmissionSplit {
  const n = incentive.length;
  const serverEmission = new Float64Array(n);
  const validatorEmission = new Float64Array(n);
  const emission = new Float64Array(n);
  let z = 0;
  for (let i = 0; i < n; i++) z += incentive[i] + dividends[i];
  if (z === 0) {
    let activeSum = 0;
    for (let i = 0; i < n; i++) activeSum += activeStake[i];
    const share = activeSum > 0 ? activeStake : stake;
    for (let i = 0; i < n; i++) {
      validatorEmission[i] = floorShare(share[i], total);
      emission[i] = validatorEmission[i];
    }
    return { serverEmission, validatorEmission, emission };
  }
  // One division: x·(1/Z) is within an ulp of x/Z, which moves a floored amount by at most a rao.
  const inv = 1 / z;
  for (let i = 0; i < n; i++) {
    serverEmission[i] = floorShare(incentive[i] * inv, total);
    validatorEmission[i] = floorShare(dividends[i] * inv, total);
    emission[i] = floorShare((incentive[i] + dividends[i]) * inv, total);
  }
  return { serverEmission, validatorEmission, emission };
}
