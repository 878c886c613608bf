/**
 * yuma_epoch_{float,exact}_us_{64x256,128x1024} and yuma_epoch_exact_over_float_64x256: median
 * microseconds of one Yuma3 epoch with full weight rows (every validator weights every miner), chain
 * defaults, in both arithmetics — float `runEpoch` with one reused workspace, as the simulation runs it,
 * and the chain's fixed-point `runEpochExact` — and the ratio of the two medians at 64×256. Inputs are
 * built once per shape by epoch-input.ts (untimed); one tinybench Bench per (arithmetic, shape).
 */
import { runEpoch } from '../src/engine/yuma/epoch.ts';
import { runEpochExact } from '../src/engine/yuma/exact/epoch.ts';
import type { EpochInput, YumaParams } from '../src/engine/yuma/types.ts';
import { createYumaWorkspace } from '../src/engine/yuma/workspace.ts';
import {
  benchParams,
  type EpochInputShape,
  makeEpochInput,
  SHAPE_64X256,
  SHAPE_128X1024,
} from './epoch-input.ts';
import { type BenchSuite, type Figure, round } from './figure.ts';
import { timeCalls } from './time-calls.ts';

type Arithmetic = 'float' | 'exact';

const shapeName = (s: EpochInputShape) => `${s.validators}x${s.n}`;
export const epochMicrosName = (arithmetic: Arithmetic, shape: EpochInputShape) =>
  `yuma_epoch_${arithmetic}_us_${shapeName(shape)}`;
export const EXACT_OVER_FLOAT = `yuma_epoch_exact_over_float_${shapeName(SHAPE_64X256)}`;

/** The target: ≤ 150 µs per float epoch at 64×256 on this 2-core machine. */
const FLOAT_TARGET_64X256_US = 150;
/** The bound on the exact epoch's cost: ≤ 20× the float epoch. */
const EXACT_OVER_FLOAT_TARGET = 20;
/**
 * Every stage past the O(n) ones is a pass over the m×n weight/bond rows in play (m validators, n
 * uids): 128·1024 / (64·256) = 8× the work of 64×256, so 8× the time budget.
 */
const WORK_128X1024 =
  (SHAPE_128X1024.validators * SHAPE_128X1024.n) / (SHAPE_64X256.validators * SHAPE_64X256.n);
const TARGET_US: Record<string, number> = {
  [epochMicrosName('float', SHAPE_64X256)]: FLOAT_TARGET_64X256_US,
  [epochMicrosName('exact', SHAPE_64X256)]: EXACT_OVER_FLOAT_TARGET * FLOAT_TARGET_64X256_US,
  [epochMicrosName('float', SHAPE_128X1024)]: WORK_128X1024 * FLOAT_TARGET_64X256_US,
  [epochMicrosName('exact', SHAPE_128X1024)]:
    WORK_128X1024 * EXACT_OVER_FLOAT_TARGET * FLOAT_TARGET_64X256_US,
};

interface Budget {
  warmupTime: number;
  warmupIterations: number;
  time: number;
  iterations: number;
}

/**
 * Time budgets (ms) and iteration floors. A float epoch is ~1–10 ms at most; an exact one ~20 ms at
 * 64×256 and a few hundred ms at 128×1024, so its floors stay small to keep the full bench near its
 * 3-minute budget (and --quick under 40 s).
 */
function budget(arithmetic: Arithmetic, shape: EpochInputShape, quick: boolean): Budget {
  const large = shape.n > SHAPE_64X256.n;
  if (arithmetic === 'float') {
    if (quick) return { warmupTime: 100, warmupIterations: 10, time: 250, iterations: 20 };
    return large
      ? { warmupTime: 1000, warmupIterations: 50, time: 4000, iterations: 200 }
      : { warmupTime: 1000, warmupIterations: 200, time: 5000, iterations: 1000 };
  }
  if (quick) return { warmupTime: 0, warmupIterations: 1, time: 0, iterations: large ? 2 : 5 };
  return large
    ? { warmupTime: 0, warmupIterations: 2, time: 4000, iterations: 10 }
    : { warmupTime: 500, warmupIterations: 10, time: 4000, iterations: 100 };
}

interface Measured {
  medianUs: number;
  detail: string;
}

async function measure(
  arithmetic: Arithmetic,
  shape: EpochInputShape,
  input: EpochInput,
  params: YumaParams,
  quick: boolean,
): Promise<Measured> {
  const name = epochMicrosName(arithmetic, shape);
  const b = budget(arithmetic, shape, quick);
  const workspace = createYumaWorkspace();
  const epoch =
    arithmetic === 'float' ? () => runEpoch(input, params, workspace) : () => runEpochExact(input, params);
  const { latency, cpuPerCallUs: cpuPerCall } = await timeCalls(name, epoch, b);
  const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  return {
    medianUs: latency.p50 * 1000,
    detail:
      `median latency over ${latency.samplesCount} iterations (min ${us(latency.min)}, mean ${us(latency.mean)} ± ` +
      `${latency.rme.toFixed(1)} %, p99 ${us(latency.p99)}, max ${us(latency.max)}; ` +
      `CPU ${cpuPerCall.toFixed(0)} µs per epoch incl. GC and ${b.warmupIterations}+ warm-up)`,
  };
}

const SHAPES = [SHAPE_64X256, SHAPE_128X1024] as const;
const ARITHMETICS = ['float', 'exact'] as const satisfies readonly Arithmetic[];

export const yumaEpochMicros: BenchSuite = {
  names: [...SHAPES.flatMap((s) => ARITHMETICS.map((a) => epochMicrosName(a, s))), EXACT_OVER_FLOAT],
  async run({ quick, log }) {
    const figures: Figure[] = [];
    const median = new Map<string, number>();
    for (const shape of SHAPES) {
      const params = benchParams('yuma3', shape);
      const input = makeEpochInput(params, shape);
      for (const arithmetic of ARITHMETICS) {
        const name = epochMicrosName(arithmetic, shape);
        const b = budget(arithmetic, shape, quick);
        log(
          `${name}: tinybench, ${b.warmupTime} ms / ≥ ${b.warmupIterations} warm-up, then ≥ ${b.time} ms and ≥ ${b.iterations} iterations`,
        );
        const m = await measure(arithmetic, shape, input, params, quick);
        log(`  median ${m.medianUs.toFixed(0)} µs`);
        median.set(name, m.medianUs);
        figures.push({
          name,
          value: round(m.medianUs, 0),
          unit: 'µs',
          target: TARGET_US[name],
          better: 'lower',
          detail: `yuma3, chain defaults, ${shape.validators} validators × ${shape.n - shape.validators} miners${arithmetic === 'float' ? ', reused workspace' : ''}; ${m.detail}`,
        });
      }
    }
    const exactUs = median.get(epochMicrosName('exact', SHAPE_64X256)) as number;
    const floatUs = median.get(epochMicrosName('float', SHAPE_64X256)) as number;
    figures.push({
      name: EXACT_OVER_FLOAT,
      value: round(exactUs / floatUs, 1),
      unit: '×',
      target: EXACT_OVER_FLOAT_TARGET,
      better: 'lower',
      detail: `median exact ${exactUs.toFixed(0)} µs / median float ${floatUs.toFixed(0)} µs at ${shapeName(SHAPE_64X256)}, same input and process`,
    });
    return figures;
  },
};
