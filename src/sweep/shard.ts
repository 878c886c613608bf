/**
 * Sharding across machines: shard k of N takes the runs whose index is k mod N (a deterministic subset,
 * balanced even when run times grow along a parameter). `auto` reads the index from the job array that
 * launched the process: a Kubernetes Indexed Job or a Slurm job array.
 */
export interface Shard {
  index: number;
  count: number;
}

export type ShardResult = { ok: true; shard: Shard | null } | { ok: false; message: string };

const INDEX_VARIABLES = ['JOB_COMPLETION_INDEX', 'SLURM_ARRAY_TASK_ID'] as const;
const COUNT_VARIABLES = ['SUBNET_SIM_SHARDS', 'SLURM_ARRAY_TASK_COUNT'] as const;

function wholeNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text) : undefined;
}

function checked(index: number, count: number, what: string): ShardResult {
  if (count < 1 || index >= count) {
    return { ok: false, message: `--shard ${what}: the index must be from 0 to N−1 and N at least 1` };
  }
  return { ok: true, shard: { index, count } };
}

/** Reads `--shard k/N` or `--shard auto` (N from SUBNET_SIM_SHARDS, SLURM_ARRAY_TASK_COUNT or the sweep's `shards:`). */
export function parseShard(
  option: string | undefined,
  env: NodeJS.ProcessEnv,
  sweepShards: number | undefined,
): ShardResult {
  if (option === undefined) return { ok: true, shard: null };
  if (option === 'auto') {
    const variable = INDEX_VARIABLES.find((v) => wholeNumber(env[v]) !== undefined);
    if (variable === undefined) {
      return {
        ok: false,
        message: `--shard auto: none of ${INDEX_VARIABLES.join(', ')} is set to a whole number`,
      };
    }
    const count = COUNT_VARIABLES.map((v) => wholeNumber(env[v])).find((n) => n !== undefined) ?? sweepShards;
    if (count === undefined) {
      return {
        ok: false,
        message: `--shard auto: the number of shards is unknown: set ${COUNT_VARIABLES[0]} or shards: in the sweep file`,
      };
    }
    return checked(wholeNumber(env[variable])!, count, `auto (${variable}=${env[variable]}, N=${count})`);
  }
  const match = /^(\d+)\/(\d+)$/.exec(option.trim());
  if (match === null) return { ok: false, message: `--shard ${option}: expected k/N (e.g. 0/8) or auto` };
  return checked(Number(match[1]), Number(match[2]), option);
}

export function inShard(run: number, shard: Shard | null): boolean {
  return shard === null || run % shard.count === shard.index;
}

/** Runs of a shard out of `runs`. */
export function shardSize(runs: number, shard: Shard | null): number {
  if (shard === null) return runs;
  return Math.max(0, Math.ceil((runs - shard.index) / shard.count));
}
