import { readFileSync } from 'node:fs';
import { Metadata, TypeRegistry } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { compactStripLength, hexToU8a } from '@polkadot/util';
import { describe, expect, it } from 'vitest';
import { codecToJson } from '../../src/chain/codec-json.ts';
import { decodeLegacyNeuronsLite } from '../../src/chain/legacy-neurons.ts';
import { ScaleJson } from '../../src/chain/scale-json.ts';
import { chainParams } from '../../src/engine/replay/chain-params.ts';
import type { ChainSnapshot } from '../../src/engine/replay/snapshot.ts';
import { subnetView } from '../../src/engine/replay/subnet-view.ts';
import {
  BLOCK,
  CHAIN_FIXTURES,
  HAVE_CHAIN_FIXTURES,
  needsFixtures,
  readNetuid1,
  readNetuid23,
  recordedSnapshot,
} from './recordings.ts';

/**
 * Decoding the real recorded answers with the real runtime metadata, no socket: what `replay fetch`
 * turns them into must be what the chain holds.
 */

/** A registry set up from runtime metadata, as ApiPromise sets up one per runtime version. */
function registryOf(
  metadata: `0x${string}` | Uint8Array,
  optionWrapped = false,
): TypeRegistry & { version: number } {
  const registry = new TypeRegistry();
  const bytes =
    optionWrapped && typeof metadata === 'string'
      ? registry.createType('Option<OpaqueMetadata>', hexToU8a(metadata)).unwrap().toHex()
      : metadata;
  const decoded = new Metadata(registry, bytes);
  registry.setMetadata(decoded);
  return Object.assign(registry, { version: decoded.version });
}

function storageItem(registry: TypeRegistry, item: string) {
  return registry.metadata.pallets
    .find((p) => p.name.toString() === 'SubtensorModule')!
    .storage.unwrap()
    .items.find((i) => i.name.toString() === item)!;
}

interface RuntimeApiMethod {
  name: { toString(): string };
  inputs: unknown[];
  output: unknown;
}

function runtimeMethod(registry: TypeRegistry, api: string, method: string): RuntimeApiMethod | undefined {
  const apis = (
    registry.metadata as unknown as { apis: { name: { toString(): string }; methods: RuntimeApiMethod[] }[] }
  ).apis;
  return apis.find((a) => a.name.toString() === api)?.methods.find((m) => m.name.toString() === method);
}

function outputType(registry: TypeRegistry, method: RuntimeApiMethod): string {
  return registry.lookup.getTypeDef(method.output as never).type;
}

describe.skipIf(!HAVE_CHAIN_FIXTURES)(needsFixtures(`recorded netuid 1 at block ${BLOCK} (spec 343)`), () => {
  const rec = HAVE_CHAIN_FIXTURES ? readNetuid1() : null;
  const registry = rec ? registryOf(rec.metadataV15 as `0x${string}`, true) : registryOf(new Uint8Array());
  const call = (name: string) =>
    Object.entries(rec?.responses.state_call ?? {}).find(([k]) => k.includes(name))?.[1].result as string;

  const selective = () => {
    const method = runtimeMethod(registry, 'SubnetInfoRuntimeApi', 'get_selective_mechagraph')!;
    const value = registry.createType(
      outputType(registry, method),
      hexToU8a(call('get_selective_mechagraph')),
    );
    return codecToJson(value as Codec) as Record<string, unknown>;
  };
  const snapshot = (): ChainSnapshot => recordedSnapshot(selective());

  it('metadata v15 describes the subtensor runtime APIs (no type bundle)', () => {
    expect(registry.version).toBe(15);
    for (const [api, method] of [
      ['SubnetInfoRuntimeApi', 'get_selective_mechagraph'],
      ['SubnetInfoRuntimeApi', 'get_metagraph'],
      ['NeuronInfoRuntimeApi', 'get_neurons_lite'],
    ])
      expect(runtimeMethod(registry, api, method), `${api}.${method}`).toBeDefined();
  });

  it('the SDK-style "every field" request is indexes 0–73, the recorded request', () => {
    const method = runtimeMethod(registry, 'SubnetInfoRuntimeApi', 'get_selective_mechagraph')!;
    const empty = registry.createType(outputType(registry, method)) as unknown as {
      unwrapOrDefault(): { size: number };
    };
    const count = empty.unwrapOrDefault().size;
    expect(count).toBe(74);
    const indexes = Array.from({ length: count }, (_, i) => i);
    const encoded = registry.createType('(u16, u8, Vec<u16>)', [1, 0, indexes]).toHex();
    expect(encoded.slice(2)).toBe(rec!.selectiveParams.replace(/^0x/, '').toLowerCase());
  });

  it('decodes to 1 024 uids, Σ incentive / 65535 = 1, 12 validator permits, tempo 99', () => {
    const m = selective();
    expect(m.netuid).toBe(1);
    expect(m.block).toBe(BLOCK);
    expect(m.tempo).toBe(99);
    expect(m.kappa).toBe(32767);
    expect((m.hotkeys as string[]).length).toBe(1024);
    const incentive = (m.incentives as number[]).reduce((a, b) => a + b, 0);
    expect(Math.abs(incentive / 65535 - 1)).toBeLessThan(1024 / 65535);
    expect((m.validator_permit as boolean[]).filter(Boolean).length).toBe(12);
    expect((m.validators as number[]).length).toBe(12);
    expect(m.last_step).toBe(BLOCK - (m.blocks_since_last_step as number));
  });

  it('keeps raw integers: u64 above 2^53 as decimal text, account ids as 0x-hex', () => {
    const m = selective();
    expect(m.max_difficulty).toBe('1000000000000000000');
    expect(m.owner_hotkey).toMatch(/^0x[0-9a-f]{64}$/);
    expect(typeof (m.alpha_stake as unknown[])[0]).toBe('number');
  });

  it('converts units in one place: stake weight = alpha + 0.18 · root TAO, in alpha', () => {
    const view = subnetView(snapshot());
    expect(view.n).toBe(1024);
    // uid 24 is a root validator: total = alpha + TaoWeight (0.18 then) × tao.
    expect((view.stake[24] - view.alphaStake[24]) / view.taoStake[24]).toBeCloseTo(0.18, 6);
    expect(view.stake[24]).toBeCloseTo(58036.807815746, 6);
  });

  it('reads the hyper-parameters the metagraph carries and says which it assumed', () => {
    const { params, assumed, ownerUid } = chainParams(snapshot());
    expect(params.kappa).toBeCloseTo(32767 / 65535, 12);
    expect(params.bondsMovingAverage).toBe(900_000);
    expect(params.maxAllowedValidators).toBe(128);
    expect(params.activityCutoff).toBe(5000);
    expect(params.version).toBe('yuma1');
    expect(assumed.join(' ')).toMatch(/yuma3_on = false .*storage default/);
    expect(ownerUid).toBe(-1); // spec 343 predates the owner's epoch privileges
  });

  it('get_neurons_lite (typed at spec 343) names the same hotkeys as the metagraph', () => {
    const method = runtimeMethod(registry, 'NeuronInfoRuntimeApi', 'get_neurons_lite')!;
    const neurons = codecToJson(
      registry.createType(outputType(registry, method), hexToU8a(call('get_neurons_lite'))) as Codec,
    ) as Record<string, unknown>[];
    const m = selective();
    expect(neurons.length).toBe(1024);
    expect(neurons[0].hotkey).toBe((m.hotkeys as string[])[0]);
    expect(neurons.map((n) => n.incentive)).toEqual(m.incentives);
  });

  it('the fetch’s metadata-driven decoder gives exactly what @polkadot/types decodes', () => {
    const decoder = new ScaleJson(registry.lookup);
    for (const [api, method, key] of [
      ['SubnetInfoRuntimeApi', 'get_selective_mechagraph', 'get_selective_mechagraph'],
      ['NeuronInfoRuntimeApi', 'get_neurons_lite', 'get_neurons_lite'],
      ['SubnetInfoRuntimeApi', 'get_subnet_state', 'get_subnet_state'],
    ]) {
      const m = runtimeMethod(registry, api, method)!;
      const bytes = hexToU8a(call(key));
      const reference = codecToJson(registry.createType(outputType(registry, m), bytes) as Codec);
      expect(decoder.decode((m.output as { toNumber(): number }).toNumber(), bytes), method).toEqual(
        reference,
      );
    }
    const selectiveId = (
      runtimeMethod(registry, 'SubnetInfoRuntimeApi', 'get_selective_mechagraph')!.output as {
        toNumber(): number;
      }
    ).toNumber();
    expect(() =>
      decoder.decode(selectiveId, hexToU8a(call('get_selective_mechagraph')).subarray(0, 5000)),
    ).toThrow(/SCALE: answer ends at byte 5000/);
  });

  it('metadata v14 of the same runtime describes Weights and Bonds as the v15 one does', () => {
    const v14 = registryOf(rec!.metadataV14 as `0x${string}`);
    expect(v14.version).toBe(14);
    for (const item of ['Weights', 'Bonds']) {
      const type14 = v14.lookup.getTypeDef(storageItem(v14, item).type.asMap.value).type;
      const type15 = registry.lookup.getTypeDef(storageItem(registry, item).type.asMap.value).type;
      expect(type14).toBe('Vec<(u16,u16)>');
      expect(type15).toBe(type14);
    }
  });
});

describe.skipIf(!HAVE_CHAIN_FIXTURES)(needsFixtures('recorded netuid 23 (spec 208, the Vec<u8> era)'), () => {
  const seeds = HAVE_CHAIN_FIXTURES ? readNetuid23().seeds : {};
  const v15 = HAVE_CHAIN_FIXTURES ? registryOf(readNetuid1().metadataV15 as `0x${string}`, true) : null;
  const changes = (seed: string) =>
    Object.values(seeds[seed].state_queryStorageAt)[0].result as unknown as { changes: [string, string][] }[];

  it('get_neurons_lite: a Vec<u8> holding 19 NeuronInfoLite of netuid 23, decoded to its last byte', () => {
    const hex = Object.values(seeds.neurons.state_call)[0].result as string;
    const neurons = decodeLegacyNeuronsLite(compactStripLength(hexToU8a(hex))[1]);
    expect(neurons.map((n) => n.uid)).toEqual(Array.from({ length: 19 }, (_, i) => i));
    expect(new Set(neurons.map((n) => n.netuid))).toEqual(new Set([23]));
    expect(neurons.filter((n) => n.validator_permit).length).toBe(19);
    expect(neurons[10].active).toBe(true);
  });

  it('Weights rows decode to (uid, u16) pairs: uid 10 weights itself fully', () => {
    const valueType = v15!.lookup.getTypeDef(storageItem(v15!, 'Weights').type.asMap.value).type;
    const [[key, value]] = changes('weights')[0].changes;
    // twox128("SubtensorModule") ‖ twox128("Weights") ‖ u16le(netuid) ‖ u16le(uid), identity hashers.
    expect(key.slice(-8)).toBe('17000a00');
    expect(codecToJson(v15!.createType(valueType, hexToU8a(value)))).toEqual([[10, 65535]]);
  });

  it('Bonds rows of uids 0–18 decode to empty lists', () => {
    const rows = changes('bonds')[0].changes;
    expect(rows.length).toBe(19);
    for (const [key, value] of rows) {
      expect(key.slice(-8, -4)).toBe('1700');
      expect(codecToJson(v15!.createType('Vec<(u16,u16)>', hexToU8a(value)))).toEqual([]);
    }
  });
});

describe.skipIf(!HAVE_CHAIN_FIXTURES)(needsFixtures('metadata v16 of spec 424'), () => {
  it('decodes with no type bundle and offers the APIs the client chooses by', () => {
    const registry = registryOf(readFileSync(`${CHAIN_FIXTURES}metadata/spec424-v16.scale`));
    expect(registry.version).toBe(16);
    const method = runtimeMethod(registry, 'SubnetInfoRuntimeApi', 'get_selective_mechagraph');
    expect(method).toBeDefined();
    // Dynamic tempo's API: the client then predicts epochs as last_step + tempo.
    expect(runtimeMethod(registry, 'SubnetInfoRuntimeApi', 'get_next_epoch_start_block')).toBeDefined();
    const size = (
      registry.createType(outputType(registry, method!)) as unknown as { unwrapOrDefault(): { size: number } }
    ).unwrapOrDefault().size;
    expect(size).toBeGreaterThanOrEqual(74);
  });
});
