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
  /** Writes `count` standard normals into out[0 … count − 1]: the next `count` normal() draws. */
  normals(out: Float64Array, count: number): void;
}

/**
 * seedrandom's Alea with Box–Muller normals: the stream the sweeps' bootstrap and the benchmark's epoch
 * inputs draw from (their draws must not move). The simulation's own streams use createSimulationRng.
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
    normals(out, count) {
      for (let k = 0; k < count; k++) out[k] = normal();
    },
  };
}

/*
 * The simulation's streams: xoshiro128** (Blackman & Vigna) seeded by seedrandom's Alea hash of
 * (seed, stream), with normals by a 256-layer ziggurat (Marsaglia & Tsang 2000, in Doornik's 2005 form
 * with the layer and the abscissa taken from disjoint bits of one 32-bit draw). Validators draw 12 288
 * normals a subnet-epoch at 64 × 256: a ziggurat normal costs one 32-bit draw and a multiply 99.3 % of
 * the time, ~10× less than Alea + Box–Muller, and `normals` runs the fast path without a call per draw.
 */

const LAYERS = 256;
/** Right edge of the base layer, and the area of each layer (Marsaglia & Tsang's 256-layer constants). */
const R = 3.6541528853610088;
const AREA = 0.00492867323399;
const density = (x: number) => Math.exp(-0.5 * x * x);
/** X[i]: layer i's right edge (X[0] = the base layer's pseudo-width AREA / f(R)), X[LAYERS] = 0. */
const X = new Float64Array(LAYERS + 1);
/** RATIO[i] = X[i + 1] / X[i]: |u| below it lies under the curve whatever the height. */
const RATIO = new Float64Array(LAYERS);
X[0] = AREA / density(R);
X[1] = R;
for (let i = 2; i < LAYERS; i++) X[i] = Math.sqrt(-2 * Math.log(AREA / X[i - 1] + density(X[i - 1])));
X[LAYERS] = 0;
for (let i = 0; i < LAYERS; i++) RATIO[i] = X[i + 1] / X[i];
const TWO_POW_32 = 2 ** 32;
const TWO_POW_M23 = 2 ** -23;

/** A stream of xoshiro128** state (four int32 words) with its draws. */
export function createSimulationRng(seed: string | number, stream: string): Rng {
  const hash = seedrandom.alea(`${seed}/${stream}`);
  const s = new Int32Array(4);
  for (let k = 0; k < 4; k++) s[k] = hash.int32();
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1; // the one state xoshiro cannot leave

  const next = (): number => {
    const s1 = s[1];
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s[2] ^= s[0];
    s[3] ^= s1;
    s[1] = s1 ^ s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = (s[3] << 11) | (s[3] >>> 21);
    return result;
  };
  const uniform = (): number => (next() >>> 0) / TWO_POW_32;
  /** In (0, 1): never 0, so its log is finite. */
  const open = (): number => ((next() >>> 0) + 0.5) / TWO_POW_32;

  /** The ziggurat's rare branches: the tail beyond R (base layer) and the wedges. */
  const slow = (i: number, u: number): number => {
    for (;;) {
      if (i === 0) {
        let x: number;
        let y: number;
        do {
          x = Math.log(open()) / R;
          y = Math.log(open());
        } while (-2 * y < x * x);
        return u < 0 ? x - R : R - x;
      }
      const x = u * X[i];
      const f0 = Math.exp(-0.5 * (X[i] * X[i] - x * x));
      const f1 = Math.exp(-0.5 * (X[i + 1] * X[i + 1] - x * x));
      if (f1 + uniform() * (f0 - f1) < 1) return x;
      const bits = next();
      i = bits & (LAYERS - 1);
      u = ((bits >>> 8) + 0.5) * TWO_POW_M23 - 1;
      if (Math.abs(u) < RATIO[i]) return u * X[i];
    }
  };
  /** Layer from the low 8 bits, abscissa u ∈ (−1, 1) from the high 24: symmetric, never 0. */
  const normal = (): number => {
    const bits = next();
    const i = bits & (LAYERS - 1);
    const u = ((bits >>> 8) + 0.5) * TWO_POW_M23 - 1;
    return Math.abs(u) < RATIO[i] ? u * X[i] : slow(i, u);
  };

  return {
    uniform,
    normal,
    exponential: () => -Math.log(open()),
    int: (n) => Math.floor(uniform() * n),
    normals(out, count) {
      // normal() with the state in locals; written back around the rare slow path.
      let s0 = s[0];
      let s1 = s[1];
      let s2 = s[2];
      let s3 = s[3];
      for (let k = 0; k < count; k++) {
        const m = Math.imul(s1, 5);
        const bits = Math.imul((m << 7) | (m >>> 25), 9);
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        const i = bits & (LAYERS - 1);
        const u = ((bits >>> 8) + 0.5) * TWO_POW_M23 - 1;
        if (Math.abs(u) < RATIO[i]) {
          out[k] = u * X[i];
          continue;
        }
        s[0] = s0;
        s[1] = s1;
        s[2] = s2;
        s[3] = s3;
        out[k] = slow(i, u);
        s0 = s[0];
        s1 = s[1];
        s2 = s[2];
        s3 = s[3];
      }
      s[0] = s0;
      s[1] = s1;
      s[2] = s2;
      s[3] = s3;
    },
  };
}
