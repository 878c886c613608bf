import seedrandom from 'seedrandom';
import type { Rng } from './rng.ts';

/*
 * The simulation's streams: xoshiro128** (Blackman & Vigna) seeded by seedrandom's Alea hash of
 * (seed, stream), with normals by a 256-layer ziggurat (Marsaglia & Tsang 2000, in Doornik's 2005 form
 * with the layer and the abscissa taken from disjoint bits of one 32-bit draw). Validators draw 12 288
 * normals a subnet-epoch at 64 × 256: a ziggurat normal costs one 32-bit draw and a multiply 98.5 % of
 * the time, ~10× less than Alea + Box–Muller.
 */

const LAYERS = 256;
/** Right edge of the base layer, and the area of each layer (Marsaglia & Tsang's 256-layer constants). */
const R = 3.6541528853610088;
const AREA = 0.00492867323399;
const density = (x: number) => Math.exp(-0.5 * x * x);
/** X[i]: layer i's right edge (X[0] = the base layer's pseudo-width AREA / f(R)), X[LAYERS] = 0. */
const X = new Float64Array(LAYERS + 1);
X[0] = AREA / density(R);
X[1] = R;
for (let i = 2; i < LAYERS; i++) X[i] = Math.sqrt(-2 * Math.log(AREA / X[i - 1] + density(X[i - 1])));
X[LAYERS] = 0;
/** RATIO[i] = X[i + 1] / X[i]: |u| below it lies under the curve whatever the height. */
const RATIO = Float64Array.from({ length: LAYERS }, (_, i) => X[i + 1] / X[i]);
/** F[i] = f(X[i]): the heights between which layer i's wedge lies. */
const F = Float64Array.from(X, density);
const TWO_POW_32 = 2 ** 32;
const TWO_POW_M23 = 2 ** -23;

/**
 * Many xoshiro128** streams in one table, row r in words 4r … 4r + 3: a subnet's miners' model streams
 * (192 at 256 uids) then share a few cache lines instead of being 192 objects scattered in memory, each
 * a cache miss at every epoch.
 */
export interface RngTable {
  readonly rows: number;
  /** (Re)starts row `row` as the stream (seed, stream). */
  seed(row: number, seed: string | number, stream: string): void;
  /**
   * An Rng drawing from row `row`. It is one view shared by all rows, re-pointed by every call: use it
   * before calling `at` again.
   */
  at(row: number): Rng;
}

/** A stream of the simulation: row 0 of a one-row table. */
export function createSimulationRng(seed: string | number, stream: string): Rng {
  const table = createRngTable(1);
  table.seed(0, seed, stream);
  return table.at(0);
}

export function createRngTable(rows: number): RngTable {
  const s = new Int32Array(4 * rows);
  /** The row the view draws from, and its first word. */
  let b = 0;

  const next = (): number => {
    const s1 = s[b + 1];
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s[b + 2] ^= s[b];
    s[b + 3] ^= s1;
    s[b + 1] = s1 ^ s[b + 2];
    s[b] ^= s[b + 3];
    s[b + 2] ^= t;
    s[b + 3] = (s[b + 3] << 11) | (s[b + 3] >>> 21);
    return result;
  };
  const uniform = (): number => (next() >>> 0) / TWO_POW_32;
  /** In (0, 1): never 0, so its log is finite. */
  const open = (): number => ((next() >>> 0) + 0.5) / TWO_POW_32;
  /**
   * The ziggurat's rare branches for layer i and abscissa u ∈ (−1, 1) that fell outside its
   * rectangle: the tail beyond R (base layer) or the wedge, retried with fresh draws until accepted.
   */
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
      if (F[i] + uniform() * (F[i + 1] - F[i]) < density(x)) return x;
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

  /** normalsAround's draws that missed their rectangle: index | layer << 16, and the abscissa. */
  let pending = new Int32Array(0);
  let pendingU = new Float64Array(0);

  const view: Rng = {
    uniform,
    normal,
    exponential: () => -Math.log(open()),
    int: (n) => Math.floor(uniform() * n),
    /**
     * The draws that land in their layer's rectangle (98.5 %) are finished in one loop with the state
     * in locals and no call (a call in the loop costs every draw a register spill); the others are
     * finished after it, in order, from the draws that follow. Each normal still comes from its own
     * independent draws, so the values are N(0, 1) as from normal(), in another order of the stream.
     */
    normalsAround(means, shift, sd, out, count) {
      if (pending.length < count) {
        pending = new Int32Array(count);
        pendingU = new Float64Array(count);
      }
      let max = Number.NEGATIVE_INFINITY;
      let misses = 0;
      let s0 = s[b];
      let s1 = s[b + 1];
      let s2 = s[b + 2];
      let s3 = s[b + 3];
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
          const x = means[k] + shift + sd * (u * X[i]);
          out[k] = x;
          if (x > max) max = x;
        } else {
          pending[misses] = k | (i << 16);
          pendingU[misses++] = u;
        }
      }
      s[b] = s0;
      s[b + 1] = s1;
      s[b + 2] = s2;
      s[b + 3] = s3;
      for (let q = 0; q < misses; q++) {
        const k = pending[q] & 0xffff;
        const x = means[k] + shift + sd * slow(pending[q] >>> 16, pendingU[q]);
        out[k] = x;
        if (x > max) max = x;
      }
      return max;
    },
  };

  return {
    rows,
    seed(row, seed, stream) {
      const hash = seedrandom.alea(`${seed}/${stream}`);
      for (let k = 0; k < 4; k++) s[4 * row + k] = hash.int32();
      if ((s[4 * row] | s[4 * row + 1] | s[4 * row + 2] | s[4 * row + 3]) === 0) s[4 * row] = 1; // xoshiro's one stuck state
    },
    at(row) {
      b = 4 * row;
      return view;
    },
  };
}
