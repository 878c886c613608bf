/**
 * The chain's u16 encodings of fractions (spec §3.13, §4): stored fractions are ⌊x·65535⌋, and
 * Yuma3 bonds are read back as u16/65535.
 */

export const U16_MAX = 65535;

/** ⌊x·65535⌋ saturated to [0, 65535]. Rule: NaN or x ≤ 0 → 0, x ≥ 1 → 65535. */
export function proportionToU16(x: number): number {
  if (!(x > 0)) return 0;
  if (x >= 1) return U16_MAX;
  return Math.floor(x * U16_MAX);
}

/** u / 65535 (a stored u16 read as a fraction in [0, 1]). */
export function u16ToProportion(u: number): number {
  return u / U16_MAX;
}

/** ⌊share·total⌋ (rao amounts, §3.12). Rule: share ≤ 0 or NaN → 0. */
export function floorShare(share: number, total: number): number {
  if (!(share > 0)) return 0;
  return Math.floor(share * total);
}
