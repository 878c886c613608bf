import seedrandom from 'seedrandom';

/**
 * Seeded random streams. Each concern (quality, evaluation noise, registrations…) draws from its own
 * stream whose seed is derived from (scenario seed, stream name), so adding a feature or a draw in one
 * concern never shifts the draws of another.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Exponential with mean 1. */
  exponential(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /**
   * out[k] = means[k] + shift + sd·Z_k for k < count, Z the next `count` normal() draws (noisy
   * observations, in one pass); returns the largest out[k] (−Infinity when count is 0).
   */
  normalsAround(means: Float64Array, shift: number, sd: number, out: Float64Array, count: number): number;
}

/**
 * seedrandom's Alea with Box–Muller normals: the stream the sweeps' bootstrap and the benchmark's epoch
 * inputs draw from (their draws must not move). The simulation's own streams use createSimulationRng
 * (rng-table.ts).
 */
export function createRng(seed: string | number, stream: string): Rng {
  const prng = seedrandom.alea(`${seed}/${stream}`);
  // Box–Muller yields two normals per pair of uniforms; keep the second for the next call.
  let spare = Number.NaN;
  const uniform = (): number => prng();
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = Number.NaN;
      return s;
    }
    let u = uniform();
    while (u === 0) u = uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return {
    uniform,
    normal,
    exponential() {
      let u = uniform();
      while (u === 0) u = uniform();
      return -Math.log(u);
    },
    int(n: number) {
      return Math.floor(uniform() * n);
    },
    normalsAround(means, shift, sd, out, count) {
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < count; k++) {
        out[k] = means[k] + shift + sd * normal();
        if (out[k] > max) max = out[k];
      }
      return max;
    },
  };
}
