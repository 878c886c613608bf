/** Small builders for hand-written epoch inputs. */
import { newSubnetYumaParams } from '../../../src/engine/yuma/defaults.ts';
import type { EpochInput, YumaParams } from '../../../src/engine/yuma/types.ts';

/** Chain defaults (spec §6): original Yuma, κ 32767/65535, β 1, BMA 900 000. */
export function params(overrides: Partial<YumaParams> = {}): YumaParams {
  return { ...newSubnetYumaParams(), version: 'yuma1', ...overrides };
}

export interface InputSpec {
  n: number;
  stake: number[];
  /** Stored u16 rows: weights[i] = {j: u16}; an entry listed with 0 is an explicit zero. */
  weights?: Record<number, Record<number, number>>;
  /** Stored u16 bonds: bonds[i] = {j: u16}. */
  bonds?: Record<number, Record<number, number>>;
  permits?: number[];
  lastUpdate?: number[];
  reg?: number[];
  block?: number;
  tempo?: number;
  lastEpochBlock?: number;
  ownerUid?: number;
  emission?: number;
  commitBlock?: number[];
}

export function input(spec: InputSpec): EpochInput {
  const { n } = spec;
  const weights = new Float64Array(n * n);
  const weightsPresent = new Uint8Array(n * n);
  for (const [i, row] of Object.entries(spec.weights ?? {})) {
    for (const [j, v] of Object.entries(row)) {
      weights[+i * n + +j] = v;
      weightsPresent[+i * n + +j] = 1;
    }
  }
  const bonds = new Float64Array(n * n);
  for (const [i, row] of Object.entries(spec.bonds ?? {})) {
    for (const [j, v] of Object.entries(row)) bonds[+i * n + +j] = v;
  }
  const block = spec.block ?? 1;
  return {
    n,
    block,
    tempo: spec.tempo ?? 10,
    lastEpochBlock: spec.lastEpochBlock ?? -1,
    stake: Float64Array.from(spec.stake),
    weights,
    weightsPresent,
    bonds,
    lastUpdate: Float64Array.from(spec.lastUpdate ?? new Array(n).fill(block)),
    blockAtRegistration: Float64Array.from(spec.reg ?? new Array(n).fill(0)),
    validatorPermit: Uint8Array.from(spec.permits ?? spec.stake.map((s) => (s > 0 ? 1 : 0))),
    ownerUid: spec.ownerUid ?? -1,
    emission: spec.emission ?? 1_000_000_000,
    ...(spec.commitBlock ? { commitBlock: Float64Array.from(spec.commitBlock) } : {}),
  };
}

/** Row i of an n×n matrix as a plain array. */
export function row(m: ArrayLike<number>, n: number, i: number): number[] {
  return Array.from({ length: n }, (_, j) => m[i * n + j]);
}
