import { expandMetadata, Metadata, TypeRegistry } from '@polkadot/types';
import { compactStripLength, hexToU8a, u8aToHex } from '@polkadot/util';
import { EPOCH_HYPERPARAMS } from '../../src/chain/epoch-storage.ts';
import type { SparseRows } from '../../src/engine/replay/snapshot.ts';
import type { Transcript } from './loopback-node.ts';

/**
 * Storage a recording lacks, written by a test and labelled synthetic: `Weights`, `Bonds` and the
 * epoch's hyper-parameters of one subnet at one block, keyed and encoded with the recorded runtime's
 * own metadata, so the client's key building, paging and decoding are what the test exercises.
 */

export interface StorageOverlay {
  weights: SparseRows;
  bonds: SparseRows;
  /** By EPOCH_HYPERPARAMS name (only those the runtime has are stored). */
  hyperparams: Record<string, unknown>;
}

type KeyFn = ((...args: unknown[]) => Uint8Array) & {
  keyPrefix(...args: unknown[]): Uint8Array;
  meta: unknown;
};

export function registryFromMetadataV15(optionWrapped: string): {
  registry: TypeRegistry;
  metadata: Metadata;
} {
  const registry = new TypeRegistry();
  const bytes = registry.createType('Option<OpaqueMetadata>', hexToU8a(optionWrapped)).unwrap().toHex();
  const metadata = new Metadata(registry, bytes);
  registry.setMetadata(metadata);
  return { registry, metadata };
}

export function addStorageOverlay(
  t: Transcript,
  metadataV15: string,
  hash: string,
  netuid: number,
  overlay: StorageOverlay,
  label: string,
): string[] {
  const { registry, metadata } = registryFromMetadataV15(metadataV15);
  const storage = expandMetadata(registry, metadata).query.subtensorModule as unknown as Record<
    string,
    KeyFn
  >;
  const stored: string[] = [];
  // The decorated key functions return the key with a SCALE length prefix; the node's keys have none.
  const put = (prefixed: Uint8Array, value: string | null) => {
    const key = u8aToHex(compactStripLength(prefixed)[1]);
    t.store(hash, key, { value, label: `synthetic: ${label}` });
    stored.push(key);
  };
  for (const [item, rows] of [
    ['weights', overlay.weights],
    ['bonds', overlay.bonds],
  ] as const) {
    t.list(hash, u8aToHex(storage[item].keyPrefix(netuid)));
    for (const [uid, entries] of rows)
      put(storage[item](netuid, uid), u8aToHex(registry.createType('Vec<(u16,u16)>', entries).toU8a()));
  }
  for (const h of EPOCH_HYPERPARAMS) {
    const entry = storage[h.item];
    if (entry === undefined || !(h.name in overlay.hyperparams)) continue;
    const meta = entry.meta as { type: { isPlain: boolean; asPlain: number; asMap: { value: number } } };
    const typeId = meta.type.isPlain ? meta.type.asPlain : meta.type.asMap.value;
    const type = registry.lookup.getTypeDef(typeId as never).type;
    put(
      h.keyed ? entry(netuid) : entry(),
      u8aToHex(registry.createType(type, overlay.hyperparams[h.name]).toU8a()),
    );
  }
  return stored;
}
