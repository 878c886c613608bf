import type { SubnetState } from '../state.ts';

/** Replaces uid's row of the weights matrix with u16[from … from + capacity − 1] (0 = no entry). */
export function setWeightsRow(subnet: SubnetState, uid: number, u16: Uint16Array, from: number): void {
  const { capacity, weights, weightsPresent } = subnet;
  const row = uid * capacity;
  for (let j = 0; j < capacity; j++) {
    const v = u16[from + j];
    weights[row + j] = v;
    weightsPresent[row + j] = v > 0 ? 1 : 0;
  }
}
