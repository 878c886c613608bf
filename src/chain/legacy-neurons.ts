import { TypeRegistry } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { codecToJson } from './codec-json.ts';

/**
 * Before the dTAO runtime (spec ~225, 2025-02) the runtime APIs returned opaque `Vec<u8>` holding SCALE
 * bytes the metadata did not describe (replay.md §1.2). This is the shape `get_neurons_lite` encoded
 * then: subtensor's NeuronInfoLite, field for field (the same fields later runtimes describe in their
 * metadata; the recorded spec-208 answer decodes to its exact length with it).
 */
const LEGACY_TYPES = {
  LegacyAxonInfo: {
    block: 'u64',
    version: 'u32',
    ip: 'u128',
    port: 'u16',
    ipType: 'u8',
    protocol: 'u8',
    placeholder1: 'u8',
    placeholder2: 'u8',
  },
  LegacyPrometheusInfo: { block: 'u64', version: 'u32', ip: 'u128', port: 'u16', ipType: 'u8' },
  LegacyNeuronInfoLite: {
    hotkey: 'AccountId32',
    coldkey: 'AccountId32',
    uid: 'Compact<u16>',
    netuid: 'Compact<u16>',
    active: 'bool',
    axonInfo: 'LegacyAxonInfo',
    prometheusInfo: 'LegacyPrometheusInfo',
    stake: 'Vec<(AccountId32, Compact<u64>)>',
    rank: 'Compact<u16>',
    emission: 'Compact<u64>',
    incentive: 'Compact<u16>',
    consensus: 'Compact<u16>',
    trust: 'Compact<u16>',
    validatorTrust: 'Compact<u16>',
    dividends: 'Compact<u16>',
    lastUpdate: 'Compact<u64>',
    validatorPermit: 'bool',
    pruningScore: 'Compact<u16>',
  },
};

let registry: TypeRegistry | null = null;

function legacyRegistry(): TypeRegistry {
  if (registry === null) {
    registry = new TypeRegistry();
    registry.register(LEGACY_TYPES);
  }
  return registry;
}

/**
 * The neurons in a `get_neurons_lite` answer of a `Vec<u8>`-era runtime: `list` is the content of that
 * `Vec<u8>` (the SCALE of the NeuronInfoLite list).
 */
export function decodeLegacyNeuronsLite(list: Uint8Array): Record<string, unknown>[] {
  const neurons = legacyRegistry().createType('Vec<LegacyNeuronInfoLite>', list) as unknown as Codec & {
    encodedLength: number;
  };
  if (neurons.encodedLength !== list.length)
    throw new Error(
      `get_neurons_lite: ${list.length} bytes, but the NeuronInfoLite list ends at ${neurons.encodedLength}`,
    );
  return codecToJson(neurons) as Record<string, unknown>[];
}
