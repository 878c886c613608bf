import { MergeError, mergeShards } from '../sweep/merge.ts';
import { EXIT_OK, UsageError } from './exit-codes.ts';
import { EXIT_RUNS_FAILED } from './sweep-exit-codes.ts';

/** `subnet-sim merge --out <dir> <shard dirs…>`: one sweep result from its shards. */
export async function mergeCommand(dirs: string[], options: { out: string }): Promise<number> {
  try {
    const { runs, failed } = await mergeShards(dirs, options.out);
    process.stderr.write(`${dirs.length} shards, ${runs} runs, ${failed} failed → ${options.out}\n`);
    return failed > 0 ? EXIT_RUNS_FAILED : EXIT_OK;
  } catch (error) {
    if (error instanceof MergeError) throw new UsageError(`merge: ${error.message}`);
    throw error;
  }
}
