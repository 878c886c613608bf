/**
 * Numbers for fixed-width terminal columns. Every function returns at most `width` characters, right-
 * aligned: a wide number is shortened (k, M, G suffixes or fewer decimals), never cut.
 */

const SUFFIXES: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** x in at most `width` characters: as many decimals as fit (up to `decimals`), then a suffix. */
export function num(x: number, width: number, decimals = 4): string {
  if (!Number.isFinite(x)) return '—'.padStart(width);
  for (let d = decimals; d >= 0; d--) {
    const text = x.toFixed(d);
    if (text.length <= width) return text.padStart(width);
  }
  for (const [scale, suffix] of SUFFIXES) {
    if (Math.abs(x) < scale) continue;
    for (let d = 2; d >= 0; d--) {
      const text = `${(x / scale).toFixed(d)}${suffix}`;
      if (text.length <= width) return text.padStart(width);
    }
  }
  return x.toExponential(0).padStart(width);
}

/** A fraction as a percentage, e.g. 0.0078 → "0.78%". */
export function percent(x: number, width: number): string {
  if (!Number.isFinite(x)) return '—'.padStart(width);
  for (let d = 2; d >= 0; d--) {
    const text = `${(x * 100).toFixed(d)}%`;
    if (text.length <= width) return text.padStart(width);
  }
  return `${Math.round(x * 100)}%`.padStart(width);
}

/** Text cut or padded to exactly `width` characters (an ellipsis marks a cut). */
export function cell(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text.padEnd(width);
  return `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** A whole number with thin grouping: 50400 → "50,400". */
export function grouped(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
