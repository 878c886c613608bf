import { describe, expect, it } from 'vitest';
import { createProgressView, progressJson, progressLine } from '../../src/sweep/progress.ts';
import type { SweepProgress } from '../../src/sweep/run-sweep.ts';

/**
 * The sweep's progress as a person sees it (a bar on a terminal: runs done/total, runs/s, ETA,
 * failures) and as a program reads it (`--progress json`, one object a line), fed the events runSweep
 * emits. A fake terminal and clock stand in for the real ones.
 */

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = { isTTY, write: (chunk: string) => chunks.push(chunk) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, chunks };
}

const at = (done: number, failed: number, sessionDone: number, seconds: number): SweepProgress => ({
  done,
  total: 100,
  failed,
  sessionDone,
  seconds,
});

describe('the progress bar', () => {
  it('says runs done/total, runs per second this session, the ETA at that rate, and failures', () => {
    // 20 runs done before a resume, 30 more in 10 s: 3 runs/s, 50 to go → 17 s.
    const line = progressLine(at(50, 2, 30, 10));
    expect(line).toMatch(/^\[#{15}\.{15}\] 50\/100 runs {2}3\.00 runs\/s {2}ETA 17s {2}2 failed$/);
    expect(progressLine(at(0, 0, 0, 0))).toContain('ETA ?');
    expect(progressLine(at(10, 0, 10, 600))).toContain('ETA 1h30m');
  });

  it('redraws in place on a terminal at most every 100 ms, and ends the line when done', () => {
    const { stream, chunks } = fakeStream(true);
    let now = 0;
    const view = createProgressView('auto', stream, fakeStream(false).stream, () => now);
    view.update(at(1, 0, 1, 0.1));
    now = 50;
    view.update(at(2, 0, 2, 0.15)); // too soon: not drawn
    now = 150;
    view.update(at(3, 1, 3, 0.25));
    view.finish(at(100, 1, 100, 5));
    expect(chunks.filter((c) => c.startsWith('\r')).map((c) => c.match(/\d+\/100/)?.[0])).toEqual([
      '1/100',
      '3/100',
      '100/100',
    ]);
    expect(chunks.at(-1)).toBe('\n');
  });

  it('draws nothing when stderr is not a terminal (a log file, CI)', () => {
    const { stream, chunks } = fakeStream(false);
    const view = createProgressView('auto', stream);
    view.update(at(1, 0, 1, 1));
    view.finish(at(100, 0, 100, 2));
    expect(chunks).toEqual([]);
  });
});

describe('--progress json', () => {
  it('one JSON object a line: type, done, total, failed, runs_per_second, eta_seconds', () => {
    expect(JSON.parse(progressJson(at(50, 2, 30, 10)))).toEqual({
      type: 'progress',
      done: 50,
      total: 100,
      failed: 2,
      runs_per_second: 3,
      eta_seconds: 17,
    });
    expect(JSON.parse(progressJson(at(0, 0, 0, 0))).eta_seconds).toBeNull();
  });

  it('on stdout, throttled like the bar but never dropping the last (done = total) line', () => {
    const out = fakeStream(false);
    let now = 0;
    const view = createProgressView('json', fakeStream(true).stream, out.stream, () => now);
    view.update(at(1, 0, 1, 0.1));
    now = 10;
    view.update(at(2, 0, 2, 0.2)); // throttled
    now = 20;
    view.update(at(100, 0, 100, 1)); // the end always prints
    view.finish(at(100, 0, 100, 1)); // the same line again: not repeated
    const lines = out.chunks
      .join('')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.done)).toEqual([1, 100]);
    expect(out.chunks.every((c) => c.endsWith('\n'))).toBe(true);
  });
});
