/**
 * "Did you mean …?" suggestions for misspelt scenario keys, variable and function names.
 * Uses the optimal-string-alignment variant of the Damerau–Levenshtein distance, so that a swapped
 * pair of letters ("tmepo" for "tempo") costs one edit, the commonest typo.
 */

/** Edits (insert, delete, substitute, swap adjacent) turning `a` into `b`. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: the swap rule looks two rows back.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, before[j - 2] + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/**
 * The known key closest to `found`, compared case-insensitively, or undefined when none is close
 * enough to be a plausible typo: at most max(2, ⌊length/3⌋) edits, so short keys still get
 * suggestions while long unrelated names do not, and never one that rewrites every letter.
 * Ties go to the earlier key in `known`.
 */
export function closestKey(found: string, known: readonly string[]): string | undefined {
  const needle = found.toLowerCase();
  const limit = Math.max(2, Math.floor(needle.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const distance = editDistance(needle, candidate.toLowerCase());
    // Rewriting every letter ("cm" → "q") is not a typo, whatever the limit allows.
    const plausible = distance < Math.max(needle.length, candidate.length);
    if (plausible && distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
