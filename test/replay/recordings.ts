import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ChainSnapshot, SNAPSHOT_FORMAT } from '../../src/engine/replay/snapshot.ts';
import { type Answer, Transcript } from './loopback-node.ts';

/**
 * The real chain recordings in ../shared/fixtures/chain (third-party data: read in place, never
 * copied), and the transcript a loopback node serves from them. Tests using them skip, saying why, when
 * ../shared is not beside the repository (a user's clone); CI always has it.
 */

export const CHAIN_FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/chain/', import.meta.url));
export const HAVE_CHAIN_FIXTURES = existsSync(`${CHAIN_FIXTURES}netuid1-block6852690-spec343.json`);
export const SKIP_REASON = `skipped: the recorded chain data is not at ${CHAIN_FIXTURES} (../shared beside the repository)`;

/** A suite's name, with why it is skipped when the recordings are absent (vitest prints it as skipped). */
export function needsFixtures(name: string): string {
  return HAVE_CHAIN_FIXTURES ? name : `${name} — ${SKIP_REASON}`;
}

export const BLOCK = 6_852_690;
export const HASH = '0xdb13c066e2c63969f140164fb3bfe7a0aaa7b71407fc0fe525d68e57329ef9d0';
export const PARENT = '0x7348409fe36728fa2ac7f0886346fd35b79804d294046d152ba1baccd9d0be3a';
/** Finney's genesis hash (replay.md §4; 0xKheops/taohop .papi/polkadot-api.json). */
export const FINNEY_GENESIS = '0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03';

type Responses = Record<string, Record<string, { result: unknown }>>;

export interface Netuid1Recording {
  responses: Responses;
  runtimeVersion: Record<string, unknown>;
  metadataV15: string;
  metadataV14: string;
  selectiveParams: string;
}

export function readNetuid1(): Netuid1Recording {
  const file = JSON.parse(readFileSync(`${CHAIN_FIXTURES}netuid1-block6852690-spec343.json`, 'utf8')) as {
    responses: Responses;
  };
  const runtimeVersion = Object.values(file.responses.state_getRuntimeVersion)[0].result as Record<
    string,
    unknown
  >;
  const selectiveKey = Object.keys(file.responses.state_call).find((k) => k.includes('selective'))!;
  return {
    responses: file.responses,
    runtimeVersion,
    metadataV15: readFileSync(`${CHAIN_FIXTURES}metadata/spec343-v15.hex`, 'utf8').trim(),
    metadataV14: readFileSync(`${CHAIN_FIXTURES}metadata/spec343-v14.hex`, 'utf8').trim(),
    selectiveParams: (JSON.parse(selectiveKey) as string[])[1],
  };
}

export function readNetuid23(): { seeds: Record<string, Responses> } {
  return JSON.parse(readFileSync(`${CHAIN_FIXTURES}netuid23-weights-bonds-spec208.json`, 'utf8'));
}

const recorded = (result: unknown): Answer => ({ result, label: 'recorded' });

/**
 * The netuid-1 recording at block 6 852 690 as a transcript: every recorded answer as it is, plus the
 * connect-time calls the Python recorder never made, each labelled: the runtime version and metadata
 * from the recorded ones, the method list from the spec-208 recording, and the rest synthetic.
 */
export function netuid1Transcript(): Transcript {
  const rec = readNetuid1();
  const t = new Transcript();
  for (const [method, byParams] of Object.entries(rec.responses)) {
    if (method === 'state_getStorageAt') {
      for (const [params, { result }] of Object.entries(byParams)) {
        const [key, hash] = JSON.parse(params) as string[];
        t.store(hash, key, { value: result as string | null, label: 'recorded' });
      }
      continue;
    }
    for (const [params, { result }] of Object.entries(byParams)) {
      t.answer(method, JSON.parse(params) as unknown[], recorded(result));
    }
  }
  const methods = Object.values(readNetuid23().seeds.weights.rpc_methods)[0].result;
  t.answer('rpc_methods', [], {
    result: methods,
    label: 'derived: rpc_methods recorded by the spec-208 session',
  });
  t.answer('chain_getBlockHash', [0], { result: FINNEY_GENESIS, label: 'synthetic: finney genesis hash' });
  t.answer('system_chain', [], {
    result: 'Bittensor',
    label: 'derived: system_chain of the spec-208 session',
  });
  t.answer('system_properties', [], {
    result: { ss58Format: 42, tokenDecimals: 9, tokenSymbol: 'TAO' },
    label: 'synthetic: finney chain properties',
  });
  t.answer('system_health', [], {
    result: { peers: 8, isSyncing: false, shouldHavePeers: true },
    label: 'synthetic: keep-alive',
  });
  const version = { result: rec.runtimeVersion, label: 'derived: the recorded runtime version (spec 343)' };
  t.answer('state_getRuntimeVersion', [], version);
  // No runtime upgrade in the block: its header's digest has no RuntimeEnvironmentUpdated item.
  t.answer('state_getRuntimeVersion', [HASH], version);
  t.runtimeVersion = rec.runtimeVersion;
  t.answer('state_call', ['Metadata_metadata_versions', '0x'], {
    result: '0x080e0000000f000000',
    label: 'derived: metadata v14 and v15 were recorded',
  });
  t.answer('state_call', ['Metadata_metadata_at_version', '0x0f000000'], {
    result: rec.metadataV15,
    label: 'recorded (metadata v15 at spec 343)',
  });
  t.answer('state_getMetadata', [], {
    result: rec.metadataV14,
    label: 'recorded (metadata v14 at spec 343)',
  });
  return t;
}

/** A snapshot line of the recorded block around a decoded metagraph (and storage rows, if any). */
export function recordedSnapshot(
  metagraph: Record<string, unknown>,
  storage: Partial<ChainSnapshot> = {},
): ChainSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    block: BLOCK,
    hash: HASH,
    spec_version: 343,
    netuid: 1,
    mechid: 0,
    source: 'get_selective_mechagraph',
    metagraph,
    ...storage,
  };
}
