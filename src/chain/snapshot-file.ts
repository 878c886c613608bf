import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { type ChainSnapshot, isChainSnapshot } from '../engine/replay/snapshot.ts';
import { cutTornTail } from '../sweep/runs-file.ts';

/**
 * Snapshot files: JSON Lines, one snapshot a line, appended one line per write, so a fetch killed at
 * any moment leaves whole lines and at most a torn last one, which the next fetch cuts off before it
 * resumes after the last complete line.
 */

export class SnapshotFileError extends Error {
  override name = 'SnapshotFileError';
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Every snapshot of the file, in order; a line that is not a snapshot is an error naming its line. */
export async function* readSnapshots(path: string): AsyncGenerator<ChainSnapshot> {
  if (!(await exists(path))) throw new SnapshotFileError(`${path}: no such file`);
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new SnapshotFileError(
        `${path}:${number}: not a JSON line (a torn write? \`replay fetch\` cuts it off)`,
      );
    }
    if (!isChainSnapshot(value))
      throw new SnapshotFileError(
        `${path}:${number}: not a subnet-sim chain snapshot (written by \`replay fetch\`)`,
      );
    yield value;
  }
}

/** The last line, once a torn tail is cut off; null for a missing or empty file. */
export async function lastSnapshot(path: string): Promise<ChainSnapshot | null> {
  if (!(await exists(path))) return null;
  await cutTornTail(path);
  const size = (await stat(path)).size;
  if (size === 0) return null;
  const handle = await open(path, 'r');
  try {
    // Lines are up to a few MB (a 1 024-uid subnet with weights): read backwards until the line starts.
    let end = size - 1; // the final newline
    let tail = Buffer.alloc(0);
    while (end > 0) {
      const start = Math.max(0, end - (1 << 20));
      const chunk = Buffer.alloc(end - start);
      await handle.read(chunk, 0, chunk.length, start);
      tail = Buffer.concat([chunk, tail]);
      const newline = chunk.lastIndexOf(10);
      if (newline >= 0) {
        tail = tail.subarray(newline + 1);
        break;
      }
      end = start;
    }
    const value: unknown = JSON.parse(tail.toString('utf8'));
    if (!isChainSnapshot(value))
      throw new SnapshotFileError(`${path}: its last line is not a chain snapshot`);
    return value;
  } catch (error) {
    if (error instanceof SyntaxError) throw new SnapshotFileError(`${path}: its last line is not JSON`);
    throw error;
  } finally {
    await handle.close();
  }
}

/** Appends snapshots, one write of one line each. */
export async function openSnapshotAppender(path: string) {
  const handle = await open(path, 'a');
  return {
    async append(snapshot: ChainSnapshot): Promise<void> {
      await handle.write(`${JSON.stringify(snapshot)}\n`);
      await handle.datasync();
    },
    close: () => handle.close(),
  };
}
