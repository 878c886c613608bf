import { describe, expect, it } from 'vitest';
import type { CsvCell, CsvSink } from '../../src/output/csv-sink.ts';
import { createPointsAggregator, pointsHeader } from '../../src/sweep/points.ts';

/**
 * points.csv from runs.csv rows, against hand-worked numbers: per point, the mean, the sample standard
 * deviation and the 5th/50th/95th percentiles (linear between order statistics, numpy's default) of
 * each metric over the successful replicates; failed replicates only counted.
 */

function sink() {
  const rows: CsvCell[][] = [];
  const s: CsvSink = {
    write: async (row) => {
      rows.push([...row]);
    },
    commit: async () => {},
    abort: async () => {},
  };
  return { s, rows };
}

// run_index, run_id, point, replicate, seed, <kappa>, <a>, <b>, status, error
const row = (run: number, point: number, a: string, b: string, status = 'ok') => [
  String(run),
  'id',
  String(point),
  String(run % 5),
  '1',
  point === 0 ? '0.3' : '0.6',
  a,
  b,
  status,
  status === 'ok' ? '' : 'boom',
];

describe('points.csv', () => {
  it('columns: point, each parameter, runs_ok, runs_failed, then mean/std/p5/p50/p95 per metric', () => {
    expect(pointsHeader(['kappa'], ['a'])).toEqual([
      'point',
      'kappa',
      'runs_ok',
      'runs_failed',
      'a.mean',
      'a.std',
      'a.p5',
      'a.p50',
      'a.p95',
    ]);
  });

  it('hand-worked statistics per point, failures counted but not averaged, means kept for Sobol', async () => {
    const { s, rows } = sink();
    const points = createPointsAggregator(s, { parameters: 1, metrics: 2, points: 2 }, true);
    // Point 0: a = 4, 1, 3, 2 (one failed replicate besides); b missing in one run.
    for (const r of [
      row(0, 0, '4', '10'),
      row(1, 0, '', '', 'failed'),
      row(2, 0, '1', ''),
      row(3, 0, '3', '30'),
      row(4, 0, '2', '20'),
    ])
      await points.add(r);
    // Point 1: every replicate failed.
    for (const r of [row(5, 1, '', '', 'failed'), row(6, 1, '', '', 'failed')]) await points.add(r);
    await points.finish();
    expect(rows).toHaveLength(2);
    const [first, second] = rows;
    expect(first.slice(0, 4)).toEqual([0, '0.3', 4, 1]);
    // a: mean 2.5; std √(5/3); p5 = 1 + 0.15·1 = 1.15; p50 = 2.5; p95 = 3 + 0.85·1 = 3.85.
    const a = first.slice(4, 9) as number[];
    expect(a[0]).toBe(2.5);
    expect(a[1]).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(a[2]).toBeCloseTo(1.15, 12);
    expect(a[3]).toBe(2.5);
    expect(a[4]).toBeCloseTo(3.85, 12);
    // b over 10, 30, 20: mean 20, std 10, p5 = 10 + 0.1·10 = 11, p50 = 20, p95 = 20 + 0.9·10 = 29.
    const b = first.slice(9, 14) as number[];
    expect(b.map((x) => Number(x.toFixed(9)))).toEqual([20, 10, 11, 20, 29]);
    // No successful replicate: empty statistics, not zeros.
    expect(second).toEqual([1, '0.6', 0, 2, ...new Array(10).fill('')]);
    expect([...points.means[0]]).toEqual([2.5, Number.NaN]);
    expect([...points.means[1]]).toEqual([20, Number.NaN]);
  });
});
