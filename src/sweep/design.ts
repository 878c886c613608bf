import type { Sweep, SweepParameter } from './schema.ts';
import { hashPermutation, hashUniform } from './seeds.ts';
import { listedValues, quantile } from './values.ts';

/**
 * A design's points, one value per parameter (in the file's order), computed on demand from the point
 * index so a sweep of a million points never holds them all.
 *
 * - grid: every combination, the first parameter varying slowest;
 * - zip: the i-th value of every parameter together;
 * - random: independent draws; lhs: Latin hypercube (each parameter's range cut into `samples` strata of
 *   equal probability, one point in each);
 * - sobol: Saltelli's scheme for `samples` = N base rows of two independent matrices A and B: for each row
 *   the points A, B, then A with column i taken from B (AB_i) for every parameter i: N × (d + 2) points.
 */
export interface Design {
  parameters: string[];
  count: number;
  at(point: number): unknown[];
}

type Uniform = (point: number, k: number) => number;

function sampled(specs: SweepParameter[], u: Uniform): Design['at'] {
  return (point) => specs.map((p, k) => quantile(p, u(point, k)));
}

export function createDesign(sweep: Sweep): Design {
  const parameters = Object.keys(sweep.parameters);
  const specs = Object.values(sweep.parameters);
  const d = specs.length;
  const n = sweep.samples ?? 1;
  const seed = sweep.seed;
  switch (sweep.design) {
    case 'grid': {
      const lists = specs.map(listedValues);
      const count = lists.reduce((product, list) => product * list.length, 1);
      const at = (point: number) => {
        const values = new Array<unknown>(d);
        for (let k = d - 1; k >= 0; k--) {
          values[k] = lists[k][point % lists[k].length];
          point = Math.floor(point / lists[k].length);
        }
        return values;
      };
      return { parameters, count, at };
    }
    case 'zip': {
      const lists = specs.map(listedValues);
      return { parameters, count: d === 0 ? 1 : lists[0].length, at: (point) => lists.map((l) => l[point]) };
    }
    case 'random':
      return { parameters, count: n, at: sampled(specs, (i, k) => hashUniform('random', seed, i, k)) };
    case 'lhs': {
      const strata = specs.map((_, k) => hashPermutation(n, 'lhs-strata', seed, k));
      const u: Uniform = (i, k) => (strata[k][i] + hashUniform('lhs', seed, i, k)) / n;
      return { parameters, count: n, at: sampled(specs, u) };
    }
    case 'sobol': {
      const u: Uniform = (i, k) => {
        const row = Math.floor(i / (d + 2));
        const slot = i % (d + 2);
        const fromB = slot === 1 || slot === k + 2;
        return hashUniform(fromB ? 'saltelli-B' : 'saltelli-A', seed, row, k);
      };
      return { parameters, count: n * (d + 2), at: sampled(specs, u) };
    }
  }
}
