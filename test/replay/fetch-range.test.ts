import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, STACK_LINE } from '../cli/fixtures/cli.ts';
import { type Faults, LoopbackNode } from './loopback-node.ts';
import { HAVE_CHAIN_FIXTURES, needsFixtures } from './recordings.ts';
import { syntheticSnapshots } from './synthetic-chain.ts';
import { syntheticChainTranscript } from './synthetic-node.ts';

/**
 * A fetch over a range of blocks, then a check, end to end: the synthetic subnet's blocks served by a
 * loopback node on the recorded spec-343 runtime (synthetic-node.ts). `--every tempo` must land on the
 * block before each epoch, survive drops and rate limits, resume where a killed fetch stopped, and
 * give back snapshots our check finds identical to the chain's outputs.
 */

const snapshots = syntheticSnapshots();
const [first, , , last] = snapshots.map((s) => s.block);
const dir = mkdtempSync(join(tmpdir(), 'replay-range-'));
const nodes: LoopbackNode[] = [];
afterEach(async () => {
  await Promise.all(nodes.splice(0).map((n) => n.stop()));
});

async function node(faults: Faults = {}): Promise<[LoopbackNode, string]> {
  const n = new LoopbackNode(syntheticChainTranscript(snapshots), faults);
  nodes.push(n);
  return [n, await n.start()];
}

const fetchArgs = (url: string, out: string, to: number) => [
  'replay',
  'fetch',
  '--endpoint',
  url,
  '--netuid',
  '7',
  '--from',
  String(first),
  '--to',
  String(to),
  '--every',
  'tempo',
  '--what',
  'all',
  '--out',
  out,
];

const blocksOf = (path: string) =>
  readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l).block as number);

describe.skipIf(!HAVE_CHAIN_FIXTURES)(needsFixtures('replay fetch over a range, then replay check'), () => {
  it('samples the block before each epoch, through a drop and a rate limit, and checks clean', async () => {
    const [n, url] = await node({
      dropOn: { method: 'state_getKeysPaged', nth: 3 },
      rateLimitOn: { method: 'state_call', nth: 4 },
    });
    const out = join(dir, 'range.jsonl');
    const r = await cli(...fetchArgs(url, out, last));
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/connection lost; reconnecting/);
    expect(r.stderr).toMatch(/is rate limiting \(state_call\)/);
    expect(blocksOf(out)).toEqual(snapshots.map((s) => s.block));
    expect(n.misses).toEqual([]);
    const fetched = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    fetched.forEach((s, k) => {
      expect(s.weights).toEqual(snapshots[k].weights);
      expect(s.bonds).toEqual(snapshots[k].bonds);
      for (const [field, value] of Object.entries(snapshots[k].metagraph))
        expect(s.metagraph[field]).toEqual(value);
    });
    const check = await cli('replay', 'check', out, '--out', join(dir, 'range.csv'));
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/^netuid 7: 3 epochs compared \(exact arithmetic\), 0 pairs skipped$/m);
    expect(check.stdout).toMatch(/^bonds\s+0\s+0\.0000\s/m);
  });

  it('resumes a fetch stopped part-way, asking only for the blocks it lacks', async () => {
    const out = join(dir, 'resume.jsonl');
    const [, url] = await node();
    expect((await cli(...fetchArgs(url, out, snapshots[1].block))).status).toBe(0);
    expect(blocksOf(out)).toEqual([first, snapshots[1].block]);
    // A kill -9 in the middle of writing the next line leaves it torn.
    writeFileSync(out, `${readFileSync(out, 'utf8')}{"format":"subnet-sim/chain-snapshot@1","block":50`);
    const [n, url2] = await node();
    const r = await cli(...fetchArgs(url2, out, last));
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`resuming after block ${snapshots[1].block}`));
    expect(blocksOf(out)).toEqual(snapshots.map((s) => s.block));
    expect(n.count('state_getKeysPaged')).toBe(4); // Weights and Bonds of the two missing blocks only
    expect(n.misses).toEqual([]);
  });
});
