import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAtomicWriteStream, writeFileAtomic } from '../../src/output/atomic-file.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atomic-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

describe('writeFileAtomic', () => {
  it('writes the whole file and leaves no temp file behind', async () => {
    const path = join(dir, 'out.txt');
    await writeFileAtomic(path, 'hello');
    expect(await readFile(path, 'utf8')).toBe('hello');
    await writeFileAtomic(path, new TextEncoder().encode('again'));
    expect(await readFile(path, 'utf8')).toBe('again');
    expect(await readdir(dir)).toEqual(['out.txt']);
  });

  it('fails cleanly when the directory does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'out.txt'), 'x')).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('openAtomicWriteStream', () => {
  it('shows nothing under the final name until commit', async () => {
    const path = join(dir, 'result.csv');
    const file = openAtomicWriteStream(path);
    await write(file.stream, 'a,b\n');
    await write(file.stream, '1,2\n');
    const names = await readdir(dir);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(new RegExp(`^\\.result\\.csv\\.${process.pid}\\.[0-9a-f]+\\.tmp$`));
    await file.commit();
    expect(await readFile(path, 'utf8')).toBe('a,b\n1,2\n');
    expect(await readdir(dir)).toEqual(['result.csv']);
  });

  it('replaces an existing file only on commit', async () => {
    const path = join(dir, 'result.csv');
    await writeFile(path, 'old');
    const file = openAtomicWriteStream(path);
    await write(file.stream, 'new');
    expect(await readFile(path, 'utf8')).toBe('old');
    await file.commit();
    expect(await readFile(path, 'utf8')).toBe('new');
  });

  it('abort removes the temp file and keeps the previous file', async () => {
    const path = join(dir, 'result.csv');
    await writeFile(path, 'old');
    const file = openAtomicWriteStream(path);
    await write(file.stream, 'half a fi');
    await file.abort();
    await file.abort(); // idempotent
    expect(await readdir(dir)).toEqual(['result.csv']);
    expect(await readFile(path, 'utf8')).toBe('old');
    await expect(file.commit()).rejects.toThrow(/aborted/);
  });

  it('abort after commit leaves the committed file', async () => {
    const path = join(dir, 'result.csv');
    const file = openAtomicWriteStream(path);
    await write(file.stream, 'done');
    const committing = file.commit();
    await file.abort();
    await committing;
    expect(await readFile(path, 'utf8')).toBe('done');
    await expect(file.commit()).resolves.toBeUndefined(); // repeated commit: same outcome
  });

  it('commit reports a stream failure and cleans up', async () => {
    const file = openAtomicWriteStream(join(dir, 'missing', 'result.csv'));
    file.stream.on('error', () => undefined);
    await expect(file.commit()).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });
});
