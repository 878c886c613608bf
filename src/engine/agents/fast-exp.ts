/**
 * e^x for −64 ≤ x ≤ 0, relative error below 1e-11: validators' softmax calls it 12 288 times a
 * subnet-epoch (64 validators × 192 miners), where Math.exp (~10 ns, a call into the runtime) was the
 * largest single cost; this is a few multiplies and two table reads, and the result only has to be
 * right to u16 precision. Pure float64 arithmetic, so it is deterministic.
 *
 * e^x = 2^t with t = x·log2(e)·64 split as n = ⌊t⌋ = 64·e + j (0 ≤ j < 64) and f = t − n ∈ [0, 1):
 * 2^e exactly from a table, 2^(j/64) from a table, and 2^(f/64) = e^g, g = f·ln2/64 < 0.0109, by its
 * Taylor polynomial to g⁴ (remainder < g⁵/120 ≈ 1.3e-12).
 */
const STEPS = 64;
const SCALE = STEPS / Math.LN2;
const G = Math.LN2 / STEPS;
/** 2^(j/64), j = 0 … 63. */
const FRACTION = Float64Array.from({ length: STEPS }, (_, j) => 2 ** (j / STEPS));
/** 2^−e for e = 0 … 93 (x ≥ −64 gives n ≥ −5909, e ≥ −93). */
const WHOLE = Float64Array.from({ length: 94 }, (_, e) => 2 ** -e);

export function fastExp(x: number): number {
  const t = x * SCALE;
  const n = Math.floor(t);
  const g = (t - n) * G;
  const poly = 1 + g * (1 + g * (0.5 + g * (1 / 6 + g * (1 / 24))));
  return WHOLE[-(n >> 6)] * FRACTION[n & (STEPS - 1)] * poly;
}
