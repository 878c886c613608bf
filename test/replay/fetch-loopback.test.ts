import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, STACK_LINE } from '../cli/fixtures/cli.ts';
import { type Faults, LoopbackNode, type Transcript } from './loopback-node.ts';
import {
  BLOCK,
  HASH,
  HAVE_CHAIN_FIXTURES,
  needsFixtures,
  netuid1Transcript,
  readNetuid1,
} from './recordings.ts';
import { addStorageOverlay } from './storage-overlay.ts';

/**
 * `replay fetch` end to end: the real command line, ApiPromise and WebSocket provider against a loopback
 * node answering from the recorded netuid-1 answers (plus labelled answers for what was not recorded).
 * Every test ends by asserting the node was never asked something it has no answer for.
 */

const nodes: LoopbackNode[] = [];
afterEach(async () => {
  await Promise.all(nodes.splice(0).map((n) => n.stop()));
});

async function startNode(transcript: Transcript, faults: Faults = {}): Promise<[LoopbackNode, string]> {
  const node = new LoopbackNode(transcript, faults);
  nodes.push(node);
  return [node, await node.start()];
}

const dir = mkdtempSync(join(tmpdir(), 'replay-fetch-'));
let files = 0;
const fresh = () => join(dir, `sn-${files++}.jsonl`);

function fetchArgs(url: string, out: string, ...more: string[]): string[] {
  return [
    'replay',
    'fetch',
    '--endpoint',
    url,
    '--netuid',
    '1',
    '--from',
    String(BLOCK),
    '--out',
    out,
    ...more,
  ];
}

function selectiveParamsFor(netuid: number): string {
  const recorded = readNetuid1().selectiveParams.replace(/^0x/, '');
  return `0x${netuid.toString(16).padStart(2, '0')}00${recorded.slice(4)}`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.skipIf(!HAVE_CHAIN_FIXTURES)(needsFixtures('replay fetch against a loopback node'), () => {
  let clean = '';

  it('fetches the recorded metagraph in 3 requests, every field raw', async () => {
    const [node, url] = await startNode(netuid1Transcript());
    const out = fresh();
    const r = await cli(...fetchArgs(url, out, '--what', 'metagraph'));
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/1 snapshot of netuid 1 .*; 3 requests \(3\.0 a snapshot\)/);
    clean = readFileSync(out, 'utf8');
    const lines = clean.trimEnd().split('\n');
    expect(lines.length).toBe(1);
    const s = JSON.parse(lines[0]);
    expect(s).toMatchObject({ block: BLOCK, hash: HASH, spec_version: 343, netuid: 1, mechid: 0 });
    expect(s.source).toBe('get_selective_mechagraph');
    expect(s.epoch_rule).toBe('modulo');
    expect(Object.keys(s.metagraph).length).toBe(74);
    expect(s.metagraph.hotkeys.length).toBe(1024);
    expect(s.weights).toBeUndefined();
    expect(node.misses).toEqual([]);
    expect(node.labels.get('recorded')).toBeGreaterThan(0);
  });

  it('rides out a refused upgrade (HTTP 429), a rate-limit answer and a dropped connection', async () => {
    const [node, url] = await startNode(netuid1Transcript(), {
      refuseUpgrades: 1,
      rateLimitOn: { method: 'chain_getBlockHash', nth: 2 },
      dropOn: { method: 'state_call', nth: 3 },
    });
    const out = fresh();
    const r = await cli(...fetchArgs(url, out, '--what', 'metagraph'));
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/is rate limiting; retrying in 1 s/);
    expect(r.stderr).toMatch(/is rate limiting \(chain_getBlockHash\); waiting 1 s/);
    expect(r.stderr).toMatch(/connection lost; reconnecting/);
    expect(r.stderr).toMatch(/reconnected to/);
    expect(node.upgrades).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe(clean);
    expect(node.misses).toEqual([]);
  });

  it('resumes after the last complete line, cutting a torn one, and then has nothing to ask', async () => {
    const out = fresh();
    writeFileSync(out, clean.slice(0, 5000));
    const [node, url] = await startNode(netuid1Transcript());
    const r = await cli(...fetchArgs(url, out, '--what', 'metagraph'));
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(clean);
    const again = await cli(...fetchArgs(url, out, '--what', 'metagraph'));
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/complete up to block 6852690 \(nothing to fetch\)/);
    expect(node.upgrades).toBe(1); // the second run never connected
    expect(node.misses).toEqual([]);
  });

  it('--from head fetches the latest finalized block', async () => {
    const t = netuid1Transcript();
    t.answer('chain_getFinalizedHead', [], {
      result: HASH,
      label: 'derived: the recorded head (chain_getHead)',
    });
    const [node, url] = await startNode(t);
    const out = fresh();
    const r = await cli(
      'replay',
      'fetch',
      '--endpoint',
      url,
      '--netuid',
      '1',
      '--from',
      'head',
      '--what',
      'metagraph',
      '--out',
      out,
    );
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(clean);
    expect(node.misses).toEqual([]);
  });

  it('refuses to append another subnet to a file', async () => {
    const out = fresh();
    writeFileSync(out, clean);
    const r = await cli(
      'replay',
      'fetch',
      '--endpoint',
      'ws://127.0.0.1:1',
      '--netuid',
      '2',
      '--from',
      '1',
      '--out',
      out,
    );
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^error: --out .*: holds netuid 1 \(mechanism 0\), not netuid 2/);
  });

  it('says in one line that a netuid does not exist', async () => {
    const t = netuid1Transcript();
    t.answer('state_call', ['SubnetInfoRuntimeApi_get_selective_mechagraph', selectiveParamsFor(2), HASH], {
      result: '0x00',
      label: 'synthetic: None, as for a netuid that does not exist',
    });
    const [node, url] = await startNode(t);
    const out = fresh();
    const r = await cli(
      'replay',
      'fetch',
      '--endpoint',
      url,
      '--netuid',
      '2',
      '--from',
      String(BLOCK),
      '--out',
      out,
    );
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^error: netuid 2 does not exist at block 6852690 .*pick a netuid that exists/),
    ]);
    expect(existsSync(out)).toBe(false);
    expect(node.misses).toEqual([]);
  });

  it('says in one line that a block is beyond the chain head', async () => {
    const t = netuid1Transcript();
    t.answer('chain_getBlockHash', [99_999_999], { result: null, label: 'synthetic: no such block yet' });
    const header = Object.values(readNetuid1().responses.chain_getHeader)[0].result;
    t.answer('chain_getHeader', [], { result: header, label: 'derived: the recorded head header' });
    const [node, url] = await startNode(t);
    const r = await cli(
      'replay',
      'fetch',
      '--endpoint',
      url,
      '--netuid',
      '1',
      '--from',
      '99999999',
      '--out',
      fresh(),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^error: block 99999999 is not on the chain yet \(head is #6852690\); use --to 6852690/m,
    );
    expect(node.misses).toEqual([]);
  });

  it('points a non-archive node’s missing history at the archive endpoint', async () => {
    const t = netuid1Transcript();
    const old = `0x${'ab'.repeat(32)}`;
    t.answer('chain_getBlockHash', [6_000_000], { result: old, label: 'synthetic: an old block' });
    t.answer('state_getRuntimeVersion', [old], {
      error: {
        code: 4003,
        message: `Client error: Api called for an unknown Block: State already discarded for ${old}`,
      },
      label: 'synthetic: a pruning node',
    });
    const [node, url] = await startNode(t);
    const r = await cli(
      'replay',
      'fetch',
      '--endpoint',
      url,
      '--netuid',
      '1',
      '--from',
      '6000000',
      '--out',
      fresh(),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^error: ws:\/\/127\.0\.0\.1:\d+ no longer has the state of block 6000000 .*use --endpoint wss:\/\/archive\.chain\.opentensor\.ai:443$/m,
    );
    expect(node.misses).toEqual([]);
  });

  it('says in one line that an endpoint refuses connections', async () => {
    const port = await freePort();
    const r = await cli(
      'replay',
      'fetch',
      '--endpoint',
      `ws://127.0.0.1:${port}`,
      '--netuid',
      '1',
      '--from',
      '1',
      '--out',
      fresh(),
    );
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(
      new RegExp(`^error: cannot connect to ws://127\\.0\\.0\\.1:${port}: connection refused; check the URL`),
    );
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('--what all reads Weights, Bonds and the hyper-parameters from storage (6 requests)', async () => {
    const t = netuid1Transcript();
    const overlay = {
      weights: [
        [
          24,
          [
            [3, 65535],
            [10, 12000],
          ],
        ],
        [
          245,
          [
            [3, 40000],
            [13, 65535],
            [20, 0],
          ],
        ],
      ] as [number, [number, number][]][],
      bonds: [[24, [[3, 7000]]]] as [number, [number, number][]][],
      hyperparams: {
        yuma3_on: true,
        bonds_penalty: 65535,
        alpha_sigmoid_steepness: 1000,
        stake_threshold: '1000000000000',
        bonds_reset_on: false,
        mechanism_count: 1,
        tao_weight: '3320413933267719290',
      },
    };
    addStorageOverlay(t, readNetuid1().metadataV15, HASH, 1, overlay, 'netuid 1 storage was not recorded');
    const [node, url] = await startNode(t);
    const out = fresh();
    const r = await cli(...fetchArgs(url, out, '--what', 'all'));
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(node.misses).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/6 requests \(6\.0 a snapshot\)/);
    const s = JSON.parse(readFileSync(out, 'utf8'));
    expect(s.weights).toEqual(overlay.weights);
    expect(s.bonds).toEqual(overlay.bonds);
    expect(s.hyperparams).toEqual({ ...overlay.hyperparams, stake_threshold: 1_000_000_000_000 });
    expect(s.metagraph.hotkeys.length).toBe(1024);
    expect(node.misses).toEqual([]);
  });

  it('a check of one metagraph-only snapshot says what it lacks', async () => {
    const out = fresh();
    appendFileSync(out, clean);
    const r = await cli('replay', 'check', out, '--out', join(dir, 'check.csv'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /1 snapshot\)\. check needs two snapshots around an epoch, and this one lacks Weights, Bonds/,
    );
  });
});
