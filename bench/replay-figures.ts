/**
 * replay_decode_snapshot_ms_1024, replay_line_to_epoch_input_ms_1024, replay_requests_per_snapshot_
 * {metagraph,all}: the chain replay's figures (issue 7). Decoding: the recorded 1 024-uid
 * `get_selective_mechagraph` answer of netuid 1 (../shared/fixtures/chain, read in place) through the
 * fetch's decoder (scale-json.ts on the spec-343 metadata) into a snapshot, and on into the epoch's
 * input (subnetView, chainParams, replayEpochInput); the second figure is the part `replay check`/`run`
 * pay per stored line (JSON.parse → epoch input). Requests: the real client (ChainConnection +
 * fetchSnapshot, ApiPromise underneath) against the loopback node of the tests, counting what the
 * provider sends for one snapshot once connected.
 */

import type { Text, U32 } from '@polkadot/types';
import { hexToU8a } from '@polkadot/util';
import { ChainConnection } from '../src/chain/connection.ts';
import { fetchSnapshot, type What } from '../src/chain/fetch-snapshot.ts';
import { ScaleJson } from '../src/chain/scale-json.ts';
import { chainParams } from '../src/engine/replay/chain-params.ts';
import { replayEpochInput } from '../src/engine/replay/epoch-input.ts';
import type { ChainSnapshot } from '../src/engine/replay/snapshot.ts';
import { LoopbackNode, type Transcript } from '../test/replay/loopback-node.ts';
import {
  BLOCK,
  HASH,
  HAVE_CHAIN_FIXTURES,
  netuid1Transcript,
  readNetuid1,
  recordedSnapshot,
} from '../test/replay/recordings.ts';
import { addStorageOverlay, registryFromMetadataV15 } from '../test/replay/storage-overlay.ts';
import { SYNTHETIC_HYPERPARAMS } from '../test/replay/synthetic-chain.ts';
import { type BenchSuite, type Figure, round } from './figure.ts';
import { timeCalls } from './time-calls.ts';

const DECODE = 'replay_decode_snapshot_ms_1024';
const LINE = 'replay_line_to_epoch_input_ms_1024';
const REQ_METAGRAPH = 'replay_requests_per_snapshot_metagraph';
const REQ_ALL = 'replay_requests_per_snapshot_all';

/** The targets: decoding ≤ 100 ms; a metagraph-only snapshot in ≤ 3 requests. */
const DECODE_TARGET_MS = 100;
const METAGRAPH_REQUESTS_TARGET = 3;

function recordedDecoder() {
  const rec = readNetuid1();
  const { registry } = registryFromMetadataV15(rec.metadataV15);
  const apis = (
    registry.metadata as unknown as { apis: { name: Text; methods: { name: Text; output: U32 }[] }[] }
  ).apis;
  const method = apis
    .find((a) => a.name.toString() === 'SubnetInfoRuntimeApi')!
    .methods.find((m) => m.name.toString() === 'get_selective_mechagraph')!;
  const answer = Object.entries(rec.responses.state_call).find(([k]) => k.includes('selective'))![1]
    .result as string;
  const bytes = hexToU8a(answer);
  // What `replay fetch` does with the answer (runtime-call.ts): the metadata-driven decoder, one per registry.
  const decoder = new ScaleJson(registry.lookup);
  // The recording has no storage of netuid 1: empty rows stand for them (the dense matrices are built all the same).
  return (): ChainSnapshot =>
    recordedSnapshot(decoder.decode(method.output.toNumber(), bytes) as Record<string, unknown>, {
      weights: [],
      bonds: [],
    });
}

function toEpochInput(snapshot: ChainSnapshot) {
  const { ownerUid } = chainParams(snapshot);
  return replayEpochInput(
    snapshot,
    { block: BLOCK + 7, lastEpochBlock: BLOCK - 93, emission: 1e11 },
    ownerUid,
  );
}

async function requestsPerSnapshot(transcript: Transcript, what: What): Promise<number> {
  const node = new LoopbackNode(transcript);
  const url = await node.start();
  const connection = await ChainConnection.open(url, { rps: 0 });
  try {
    const before = connection.provider.counts.total;
    await fetchSnapshot(connection, { block: BLOCK, netuid: 1, mechid: 0, what });
    if (node.misses.length > 0) throw new Error(`loopback node misses: ${node.misses.join('; ')}`);
    return connection.provider.counts.total - before;
  } finally {
    await connection.close();
    await node.stop();
  }
}

export const replayFigures: BenchSuite = {
  names: [DECODE, LINE, REQ_METAGRAPH, REQ_ALL],
  async run({ quick, log }) {
    if (!HAVE_CHAIN_FIXTURES)
      throw new Error('replay figures: ../shared/fixtures/chain is not beside the repository');
    const budget = quick
      ? { warmupTime: 0, warmupIterations: 2, time: 0, iterations: 5 }
      : { warmupTime: 1000, warmupIterations: 5, time: 5000, iterations: 30 };
    const decode = recordedDecoder();
    log(`${DECODE}: tinybench, ≥ ${budget.iterations} iterations after ${budget.warmupIterations} warm-up`);
    const full = await timeCalls(DECODE, () => toEpochInput(decode()), budget);
    const line = JSON.stringify(decode());
    log(`${LINE}: same budget, ${(line.length / 1024).toFixed(0)} KiB line`);
    const fromLine = await timeCalls(LINE, () => toEpochInput(JSON.parse(line) as ChainSnapshot), budget);
    const ms = (t: typeof full) =>
      `median of ${t.latency.samplesCount} (min ${t.latency.min.toFixed(1)} ms, p99 ${t.latency.p99.toFixed(1)} ms; CPU ${(t.cpuPerCallUs / 1000).toFixed(1)} ms a call incl. GC)`;
    log('requests: real client against the loopback node (recording + labelled connect-time answers)');
    const metagraph = await requestsPerSnapshot(netuid1Transcript(), 'metagraph');
    const withStorage = netuid1Transcript();
    addStorageOverlay(
      withStorage,
      readNetuid1().metadataV15,
      HASH,
      1,
      { weights: [[24, [[3, 65535]]]], bonds: [[24, [[3, 100]]]], hyperparams: SYNTHETIC_HYPERPARAMS },
      'bench: netuid 1 storage was not recorded',
    );
    const all = await requestsPerSnapshot(withStorage, 'all');
    const figures: Figure[] = [
      {
        name: DECODE,
        value: round(full.latency.p50, 1),
        unit: 'ms',
        target: DECODE_TARGET_MS,
        better: 'lower',
        detail: `recorded get_selective_mechagraph answer (1 024 uids, 196 KB SCALE) → snapshot → epoch input; ${ms(full)}`,
      },
      {
        name: LINE,
        value: round(fromLine.latency.p50, 1),
        unit: 'ms',
        target: null,
        better: 'lower',
        detail: `a ${(line.length / 1024).toFixed(0)} KiB snapshot line → JSON.parse → epoch input; ${ms(fromLine)}`,
      },
      {
        name: REQ_METAGRAPH,
        value: metagraph,
        unit: 'requests',
        target: METAGRAPH_REQUESTS_TARGET,
        better: 'lower',
        detail: 'chain_getBlockHash, state_getRuntimeVersion (raw), state_call get_selective_mechagraph',
      },
      {
        name: REQ_ALL,
        value: all,
        unit: 'requests',
        target: null,
        better: 'lower',
        detail:
          '+ state_getKeysPaged for Weights and Bonds, one state_queryStorageAt for their rows and the hyper-parameters (one more per 250 rows or 1 000 keys)',
      },
    ];
    return figures;
  },
};
