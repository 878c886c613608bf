/**
 * NVT-style ratio of a subnet (compensation.md §1): network value, alpha outstanding × spot price (TAO),
 * over the TAO its pool traded that day. NaN on a day without volume (the ratio is undefined).
 */
export function nvtRatio(alphaOutstanding: number, price: number, dayVolumeTao: number): number {
  return dayVolumeTao > 0 ? (alphaOutstanding * price) / dayVolumeTao : Number.NaN;
}
