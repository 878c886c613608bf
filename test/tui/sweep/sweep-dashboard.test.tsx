import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { Executor } from '../../../src/sweep/executor.ts';
import type { RunOutcome, RunSpec } from '../../../src/sweep/simulate.ts';
import { histogram, SweepDashboard } from '../../../src/tui/sweep/SweepDashboard.tsx';
import { createSweepMonitor } from '../../../src/tui/sweep/sweep-monitor.ts';

/**
 * The sweep dashboard: the monitor folds runs passing through the executor and the progress events into
 * per-worker status and the first metric's running percentiles; the component draws them.
 */

/** An executor whose runs finish when the test says so. */
function manualExecutor() {
  const pending = new Map<number, (outcome: RunOutcome) => void>();
  const executor: Executor = {
    run: (spec) => new Promise((resolve) => pending.set(spec.runIndex, resolve)),
    close: async () => {},
  };
  const finish = async (runIndex: number, outcome: Partial<RunOutcome> = {}) => {
    pending.get(runIndex)!({
      status: 'ok',
      runIndex,
      runId: `r${runIndex}`,
      values: [runIndex],
      ...outcome,
    } as RunOutcome);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { executor, finish };
}

const spec = (runIndex: number) => ({ runIndex, point: runIndex >> 1, replicate: runIndex & 1 }) as RunSpec;

describe('sweep monitor', () => {
  it('gives each worker the oldest waiting run when one finishes (the pool is first in, first out)', async () => {
    let t = 0;
    const monitor = createSweepMonitor(2, 'gini', () => t);
    const { executor, finish } = manualExecutor();
    const tapped = monitor.tap(executor);
    for (let run = 0; run < 4; run++) void tapped.run(spec(run));
    const held = () => monitor.state().workers.map((w) => w.run?.runIndex ?? null);
    expect(held()).toEqual([0, 1]);
    t = 1500;
    await finish(1);
    expect(held()).toEqual([0, 2]);
    expect(monitor.state().workers.map((w) => w.finished)).toEqual([0, 1]);
    t = 4000;
    expect(monitor.state().workers[0].run?.seconds).toBe(4);
    expect(monitor.state().workers[1].run?.seconds).toBe(2.5);
    await finish(0);
    await finish(2);
    await finish(3);
    expect(held()).toEqual([null, null]);
  });

  it('running p5/p50/p95 of the first metric over the successful runs; failures listed', async () => {
    const monitor = createSweepMonitor(1, 'gini', () => 0);
    const { executor, finish } = manualExecutor();
    const tapped = monitor.tap(executor);
    for (let run = 0; run <= 20; run++) void tapped.run(spec(run));
    for (let run = 0; run <= 20; run++) {
      await finish(run, run === 7 ? ({ status: 'failed', error: 'boom' } as Partial<RunOutcome>) : {});
    }
    const v = monitor.state().values;
    // Values 0…20 without 7: 20 values; type-7 quantiles by hand: p5 at h = 0.95 → 0 + 0.95·1.
    expect(v.count).toBe(20);
    expect(v.p5).toBeCloseTo(0.95, 12);
    expect(v.p50).toBeCloseTo(10.5, 12);
    expect(v.p95).toBeCloseTo(19.05, 12);
    expect(monitor.state().failures).toEqual(['run 7: boom']);
  });

  it('rate and ETA from the progress events', () => {
    const monitor = createSweepMonitor(2, null, () => 0);
    monitor.update({ done: 30, total: 100, failed: 2, sessionDone: 20, seconds: 10 });
    const s = monitor.state();
    expect([s.done, s.total, s.failed, s.runsPerSecond, s.eta]).toEqual([30, 100, 2, 2, 35]);
  });
});

describe('SweepDashboard', () => {
  it('shows progress, rate, ETA, failures, each worker and the metric’s spread', async () => {
    let t = 0;
    const monitor = createSweepMonitor(2, 'subnets[0].incentive_gini_mean', () => t);
    const { executor, finish } = manualExecutor();
    const tapped = monitor.tap(executor);
    for (let run = 0; run < 6; run++) void tapped.run(spec(run));
    await finish(0);
    await finish(1, { status: 'failed', error: 'scenario: bad kappa' } as Partial<RunOutcome>);
    t = 3000;
    monitor.update({ done: 2, total: 6, failed: 1, sessionDone: 2, seconds: 4 });
    const frame = render(<SweepDashboard state={monitor.state()} width={100} />).lastFrame() ?? '';
    expect(frame).toContain('2/6 runs (33%)  0.50 runs/s  ETA 8s  1 failed');
    expect(frame).toMatch(/worker {2}1 {2}run 2 \(point 1, replicate 0\) +3s {2}1 finished/);
    expect(frame).toMatch(/worker {2}2 {2}run 3 \(point 1, replicate 1\) +3s {2}1 finished/);
    expect(frame).toContain('subnets[0].incentive_gini_mean  p5 0.0000  p50 0.0000  p95 0.0000  n 1');
    expect(frame).toContain('run 1: scenario: bad kappa');
  });

  it('before any run: idle workers, no percentiles yet', () => {
    const monitor = createSweepMonitor(3, 'm', () => 0);
    const frame = render(<SweepDashboard state={monitor.state()} width={80} />).lastFrame() ?? '';
    expect(frame.match(/idle/g)).toHaveLength(3);
    expect(frame).toContain('m  (no run finished yet)');
  });

  it('histogram: equal-width bins from the lowest to the highest value', () => {
    expect(histogram(Float64Array.from([0, 1, 2, 3, 4, 4, 4, 8]), 4)).toEqual([2, 2, 3, 1]);
    expect(histogram(Float64Array.from([5, 5]), 3)).toEqual([0, 2, 0]);
    expect(histogram(new Float64Array(0), 2)).toEqual([0, 0]);
  });
});
