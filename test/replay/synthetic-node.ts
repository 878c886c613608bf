import { u8aToHex } from '@polkadot/util';
import type { ChainSnapshot } from '../../src/engine/replay/snapshot.ts';
import type { Transcript } from './loopback-node.ts';
import { netuid1Transcript, readNetuid1 } from './recordings.ts';
import { addStorageOverlay, registryFromMetadataV15 } from './storage-overlay.ts';

/**
 * The synthetic subnet's snapshots served as a chain would serve them: the recorded spec-343 runtime
 * (its version, metadata and connect-time answers, as in netuid1Transcript) answering for synthetic
 * blocks whose block hashes, metagraphs (encoded as the runtime's SelectiveMetagraph) and storage are
 * the snapshots', every such answer labelled synthetic. A fetch over these blocks must give back what
 * the snapshots hold.
 */

const camel = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function syntheticChainTranscript(snapshots: readonly ChainSnapshot[]): Transcript {
  const rec = readNetuid1();
  const t = netuid1Transcript();
  const { registry } = registryFromMetadataV15(rec.metadataV15);
  const indexes = rec.selectiveParams.replace(/^0x/, '').slice(6); // after netuid (u16) and mechid (u8)
  const version = { result: rec.runtimeVersion, label: 'derived: the recorded runtime version (spec 343)' };
  for (const s of snapshots) {
    t.answer('chain_getBlockHash', [s.block], { result: s.hash, label: 'synthetic: block hash' });
    t.answer('state_getRuntimeVersion', [s.hash], version);
    const fields = Object.fromEntries(Object.entries(s.metagraph).map(([k, v]) => [camel(k), v]));
    const encoded = registry.createType('Option<PalletSubtensorRpcInfoMetagraphSelectiveMetagraph>', fields);
    const params = `0x${s.netuid.toString(16).padStart(2, '0')}0000${indexes}`;
    t.answer('state_call', ['SubnetInfoRuntimeApi_get_selective_mechagraph', params, s.hash], {
      result: u8aToHex(encoded.toU8a()),
      label: 'synthetic: the snapshot’s metagraph',
    });
    addStorageOverlay(
      t,
      rec.metadataV15,
      s.hash,
      s.netuid,
      { weights: s.weights ?? [], bonds: s.bonds ?? [], hyperparams: s.hyperparams ?? {} },
      'the snapshot’s storage',
    );
  }
  return t;
}
