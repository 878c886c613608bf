import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * --keep-runs writes each run into `<out>/runs/<TEMP_PREFIX>…` and renames it into place when whole
 * (keep-run.ts, on the workers); what a killed sweep leaves under that prefix is removed on resume, by
 * the main thread, which does not load keep-run.ts's engine for it.
 */
export const TEMP_PREFIX = '.tmp-';

/** Removes the temporary folders of runs that were cut off (kill -9, an abandoned run). */
export async function removeTemporaryRuns(runs: string): Promise<void> {
  const entries = await readdir(runs).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((entry) => entry.startsWith(TEMP_PREFIX))
      .map((entry) => rm(join(runs, entry), { recursive: true, force: true })),
  );
}
