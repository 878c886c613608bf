import type { RuntimeVersion } from '@polkadot/types/interfaces';
import { type ChainSnapshot, SNAPSHOT_FORMAT } from '../engine/replay/snapshot.ts';
import { blockAheadOfChain, isDiscardedStateError, stateDiscarded, unknownNetuid } from './chain-error.ts';
import type { ChainConnection } from './connection.ts';
import { readEpochStorage } from './epoch-storage.ts';
import { hasDynamicTempo, readMetagraph } from './metagraph.ts';

/**
 * One snapshot line: block → hash (chain_getBlockHash), the runtime version at that block
 * (state_getRuntimeVersion), `api.at(hash, version)` (no further request once that runtime's metadata
 * is known), then the metagraph (one state_call) and/or the epoch's storage (replay.md §2). Metagraph
 * only: 3 requests a snapshot.
 */

export type What = 'metagraph' | 'weights' | 'all';
export const WHATS: readonly What[] = ['metagraph', 'weights', 'all'];

export interface SnapshotRequest {
  block: number;
  netuid: number;
  mechid: number;
  what: What;
}

export async function fetchSnapshot(
  connection: ChainConnection,
  request: SnapshotRequest,
): Promise<ChainSnapshot> {
  const { api, endpoint } = connection;
  const { block, netuid, mechid, what } = request;
  const hash = await api.rpc.chain.getBlockHash(block);
  if (hash.isEmpty) {
    const head = await api.rpc.chain.getHeader().then(
      (h) => h.number.toNumber(),
      () => undefined,
    );
    throw blockAheadOfChain(block, head);
  }
  try {
    // .raw: decoding through the block's registry would cost two more requests (header, parent version).
    const version = api.registry.createType<RuntimeVersion>(
      'RuntimeVersion',
      await api.rpc.state.getRuntimeVersion.raw(hash),
    );
    const at = await api.at(hash, version);
    const snapshot: ChainSnapshot = {
      format: SNAPSHOT_FORMAT,
      block,
      hash: hash.toHex(),
      spec_version: version.specVersion.toNumber(),
      netuid,
      mechid,
      source: 'none',
      epoch_rule: hasDynamicTempo(at) ? 'dynamic' : 'modulo',
      metagraph: {},
    };
    if (what !== 'weights') {
      const part = await readMetagraph(api, at, hash.toHex(), block, netuid, mechid);
      if (part.metagraph === null) throw unknownNetuid(netuid, block);
      snapshot.source = part.source;
      snapshot.metagraph = part.metagraph;
    }
    if (what !== 'metagraph') {
      const storage = await readEpochStorage(at, netuid, mechid);
      snapshot.weights = storage.weights;
      snapshot.bonds = storage.bonds;
      snapshot.hyperparams = storage.hyperparams;
    }
    return snapshot;
  } catch (error) {
    if (isDiscardedStateError(error)) throw stateDiscarded(endpoint, block);
    throw error;
  }
}
