import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardSize } from '../../src/sweep/shard.ts';

/** --shard k/N and --shard auto (Kubernetes Indexed Job, Slurm job array), without a process. */
describe('parseShard', () => {
  it('k/N, and nothing for no option (the environment is ignored unless auto)', () => {
    const env = { JOB_COMPLETION_INDEX: '5', SUBNET_SIM_SHARDS: '9' };
    expect(parseShard('2/8', env, undefined)).toEqual({ ok: true, shard: { index: 2, count: 8 } });
    expect(parseShard(undefined, env, undefined)).toEqual({ ok: true, shard: null });
    expect(parseShard('8/8', {}, undefined).ok).toBe(false);
    expect(parseShard('two', {}, undefined).ok).toBe(false);
  });

  it('auto: Kubernetes, then Slurm; N from the environment or the sweep file', () => {
    expect(parseShard('auto', { JOB_COMPLETION_INDEX: '1', SUBNET_SIM_SHARDS: '3' }, undefined)).toEqual({
      ok: true,
      shard: { index: 1, count: 3 },
    });
    expect(parseShard('auto', { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_COUNT: '8' }, undefined)).toEqual({
      ok: true,
      shard: { index: 4, count: 8 },
    });
    expect(parseShard('auto', { JOB_COMPLETION_INDEX: '0' }, 2)).toEqual({
      ok: true,
      shard: { index: 0, count: 2 },
    });
    const none = parseShard('auto', {}, 4);
    expect(none.ok ? '' : none.message).toContain('JOB_COMPLETION_INDEX');
    const unknown = parseShard('auto', { SLURM_ARRAY_TASK_ID: '1' }, undefined);
    expect(unknown.ok ? '' : unknown.message).toContain('number of shards is unknown');
  });

  it('the shards partition the runs', () => {
    const runs = 10;
    const sizes = [0, 1, 2].map((index) => shardSize(runs, { index, count: 3 }));
    expect(sizes).toEqual([4, 3, 3]);
    for (let run = 0; run < runs; run++) {
      expect([0, 1, 2].filter((index) => inShard(run, { index, count: 3 }))).toEqual([run % 3]);
    }
  });
});
