/** Units and chain constants shared across the engine. */

/** 1 alpha (or TAO) = 1e9 rao; the chain counts every token amount in rao. */
export const RAO_PER_ALPHA = 1_000_000_000;
export const RAO_PER_ALPHA_BIG = 1_000_000_000n;
/** Chain encodes fractions as u16 / 65535. */
export const U16_MAX = 65_535;
/** 12-second blocks (common/src/lib.rs MILLISECS_PER_BLOCK). */
export const SECONDS_PER_BLOCK = 12;
export const BLOCKS_PER_DAY = 7_200;

/** Exact decimal text of a rao amount in whole units with 9 decimals, e.g. 1500000000n → "1.500000000". */
export function formatRao(rao: bigint): string {
  const negative = rao < 0n;
  const abs = negative ? -rao : rao;
  const whole = abs / RAO_PER_ALPHA_BIG;
  const frac = (abs % RAO_PER_ALPHA_BIG).toString().padStart(9, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

/** formatRao for a whole number of rao held in a number (exact below 2^53). */
export function formatRaoNumber(rao: number): string {
  if (!Number.isSafeInteger(rao)) return formatRao(BigInt(Math.round(rao)));
  const abs = Math.abs(rao);
  const whole = Math.floor(abs / RAO_PER_ALPHA);
  const frac = String(abs - whole * RAO_PER_ALPHA).padStart(9, '0');
  return `${rao < 0 ? '-' : ''}${whole}.${frac}`;
}
