import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { finalizeResults } from './finalize.ts';
import { type Manifest, readManifest, writeManifest } from './manifest.ts';
import { createRowIndex, indexRunsFile, runsHeader, STATUS_FAILED, STATUS_NONE } from './runs-file.ts';

/**
 * Merges shard folders of one sweep into the result the unsharded sweep would have written, after
 * checking that they are shards of the same sweep and that together they hold every run.
 */
export class MergeError extends Error {}

async function shardManifests(dirs: readonly string[]): Promise<Manifest[]> {
  const manifests: Manifest[] = [];
  for (const dir of dirs) {
    const manifest = await readManifest(dir);
    if (manifest === undefined) throw new MergeError(`${dir}: no manifest.json (not a sweep folder)`);
    if (manifest.shard === null) throw new MergeError(`${dir}: holds a whole sweep, not a shard`);
    const first = manifests[0];
    if (first !== undefined && manifest.sweep_hash !== first.sweep_hash) {
      throw new MergeError(
        `${dir}: another sweep (${manifest.sweep}, hash ${manifest.sweep_hash}) than ${dirs[0]} (${first.sweep}, hash ${first.sweep_hash})`,
      );
    }
    if (first !== undefined && manifest.shard.count !== first.shard!.count) {
      throw new MergeError(
        `${dir}: shard of ${manifest.shard.count}, but ${dirs[0]} is a shard of ${first.shard!.count}`,
      );
    }
    const twin = manifests.findIndex((m) => m.shard!.index === manifest.shard!.index);
    if (twin >= 0)
      throw new MergeError(`${dir} and ${dirs[twin]} are the same shard (${manifest.shard.index})`);
    manifests.push(manifest);
  }
  return manifests;
}

function missingMessage(missing: number[], count: number, shardsOf: number): string {
  const shards = [...new Set(missing.map((run) => run % shardsOf))].sort((a, b) => a - b);
  const shown = missing.slice(0, 20).join(', ');
  return (
    `${count} runs missing (run index ${shown}${count > 20 ? ', …' : ''}), of shard${shards.length > 1 ? 's' : ''} ` +
    `${shards.map((k) => `${k}/${shardsOf}`).join(', ')}: finish those shards (same command, same --out) and merge again`
  );
}

export async function mergeShards(
  dirs: readonly string[],
  out: string,
): Promise<{ runs: number; failed: number }> {
  if (dirs.length === 0) throw new MergeError('no shard folders given');
  const manifests = await shardManifests(dirs);
  const first = manifests[0];
  const index = createRowIndex(first.runs, runsHeader(Object.keys(first.parameters), first.metrics));
  for (const dir of dirs) {
    const path = join(dir, 'runs.csv');
    if (
      !(await access(path).then(
        () => true,
        () => false,
      ))
    )
      continue;
    await indexRunsFile(index, path).catch((error: Error) => {
      throw new MergeError(error.message);
    });
  }
  const missing: number[] = [];
  let count = 0;
  let failed = 0;
  for (let run = 0; run < first.runs; run++) {
    if (index.status[run] === STATUS_NONE) {
      count++;
      if (missing.length < 20) missing.push(run);
    }
    if (index.status[run] === STATUS_FAILED) failed++;
  }
  if (count > 0) throw new MergeError(missingMessage(missing, count, first.shard!.count));
  await mkdir(out, { recursive: true });
  const manifest: Manifest = { ...first, shard: null };
  await writeManifest(out, manifest);
  await finalizeResults(out, index, manifest, true);
  return { runs: first.runs, failed };
}
