import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCsvSink } from '../../src/output/csv-sink.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csv-sink-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createCsvSink', () => {
  it('writes a header and reproducible cells', async () => {
    const path = join(dir, 'out.csv');
    const sink = createCsvSink(path, ['epoch', 'name', 'value', 'active']);
    await sink.write([1, 'plain', 0.1 + 0.2, true]);
    await sink.write([2, 'has, comma "quoted"', 1e-7, false]);
    await sink.write([3, 'line\nbreak', -0, true]);
    await sink.write([4, '', 123456789012345680000, false]);
    await sink.commit();
    expect(await readFile(path, 'utf8')).toBe(
      [
        'epoch,name,value,active',
        '1,plain,0.30000000000000004,true',
        '2,"has, comma ""quoted""",1e-7,false',
        '3,"line\nbreak",0,true',
        '4,,123456789012345680000,false',
        '',
      ].join('\n'),
    );
  });

  it('writes only the header when there are no rows', async () => {
    const path = join(dir, 'empty.csv');
    const sink = createCsvSink(path, ['a', 'b']);
    await sink.commit();
    expect(await readFile(path, 'utf8')).toBe('a,b\n');
  });

  it('refuses rows of the wrong width', async () => {
    const sink = createCsvSink(join(dir, 'out.csv'), ['a', 'b']);
    await expect(sink.write([1])).rejects.toThrow(RangeError);
    await expect(sink.write([1, 2, 3])).rejects.toThrow(/3 cells, expected 2/);
    await sink.abort();
  });

  it('streams 100k rows, visible only after commit', async () => {
    const path = join(dir, 'big.csv');
    const sink = createCsvSink(path, ['epoch', 'uid', 'incentive']);
    let waited = 0;
    for (let i = 0; i < 100_000; i++) {
      const pending = sink.write([i, i % 256, i / 7]);
      // write() resolves later than synchronously only when it waits for 'drain'.
      let settled = false;
      void pending.then(() => {
        settled = true;
      });
      await Promise.resolve();
      if (!settled) waited++;
      await pending;
    }
    expect(waited).toBeGreaterThan(0); // backpressure was honoured
    expect(await readdir(dir)).not.toContain('big.csv');
    await sink.commit();
    expect(await readdir(dir)).toEqual(['big.csv']);
    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines).toHaveLength(100_002); // header, rows, final newline
    expect(lines[0]).toBe('epoch,uid,incentive');
    expect(lines[1]).toBe('0,0,0');
    expect(lines[100_000]).toBe(`99999,${99_999 % 256},${String(99_999 / 7)}`);
  });

  it('abort leaves nothing behind and later writes fail', async () => {
    const path = join(dir, 'out.csv');
    const sink = createCsvSink(path, ['a']);
    for (let i = 0; i < 1000; i++) await sink.write([i]);
    await sink.abort();
    expect(await readdir(dir)).toEqual([]);
    await expect(sink.write([1])).rejects.toThrow(/already committed or aborted/);
    await expect(sink.commit()).rejects.toThrow(/already committed or aborted/);
  });

  it('reports a file that cannot be created, without hanging', async () => {
    const sink = createCsvSink(join(dir, 'missing', 'out.csv'), ['a']);
    await expect(
      (async () => {
        for (let i = 0; i < 100_000; i++) await sink.write([i]);
      })(),
    ).rejects.toThrow(/ENOENT/);
    await expect(sink.commit()).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});
