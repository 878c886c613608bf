/**
 * All-or-nothing output files. A run killed half-way (Ctrl-C, crash, full disk) must not leave a
 * truncated CSV that looks like a result, so data goes to a hidden temp file in the same directory
 * (same file system, so the rename is atomic), is fsynced, and only then renamed onto the final name.
 * A crash can leave a stray `.<name>.<pid>.<random>.tmp` behind, never a half-written `<name>`.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

export interface AtomicWriteStream {
  /** Write here; nothing is visible under the final name until commit() resolves. */
  stream: Writable;
  /** Ends the stream, flushes it to disk and renames it onto the final name. */
  commit(): Promise<void>;
  /**
   * Discards everything written; the final name is left untouched. Safe to call more than once.
   * Once commit() has been called, abort() just waits for it.
   */
  abort(): Promise<void>;
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Flushes the file's data to disk, so the rename cannot land before the bytes do. */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the rename itself durable. Best effort: some platforms (Windows) cannot open directories. */
export async function syncDirectory(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The data is safe either way; only the rename's durability across a power cut is at stake.
  }
}

async function removeQuietly(path: string): Promise<void> {
  await rm(path, { force: true });
}

/** Writes `data` to `path` atomically: readers see the old file or the whole new one. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(path);
  try {
    // 'wx': never follow or reuse an existing file at the temp name.
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await removeQuietly(temp);
    throw error;
  }
  await syncDirectory(dirname(path));
}

/** A write stream whose file appears under `path` only once commit() resolves. */
export function openAtomicWriteStream(path: string): AtomicWriteStream {
  const temp = tempPathFor(path);
  const stream = createWriteStream(temp, { flags: 'wx' });
  let failure: unknown;
  stream.on('error', (error) => {
    failure ??= error;
  });
  // Resolves once the descriptor is closed, whether the stream ended, failed or was destroyed.
  const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
  let aborted = false;
  let committing: Promise<void> | undefined;

  const abort = async (): Promise<void> => {
    if (committing !== undefined) {
      // Too late to discard: let the commit finish (its failure is reported to its own caller).
      await committing.catch(() => undefined);
      return;
    }
    aborted = true;
    stream.destroy();
    await closed;
    await removeQuietly(temp);
  };

  const commit = (): Promise<void> => {
    if (aborted) return Promise.reject(new Error(`cannot commit ${path}: the write was aborted`));
    committing ??= (async () => {
      if (!stream.writableEnded) stream.end();
      await closed;
      try {
        if (failure !== undefined) throw failure;
        await syncFile(temp);
        await rename(temp, path);
      } catch (error) {
        await removeQuietly(temp);
        throw error;
      }
      await syncDirectory(dirname(path));
    })();
    return committing;
  };

  return { stream, commit, abort };
}
