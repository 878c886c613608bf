import type { ApiPromise } from '@polkadot/api';
import type { ApiDecoration } from '@polkadot/api/types';
import type { Option, Struct } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import type { MetagraphSource } from '../engine/replay/snapshot.ts';
import { codecToJson } from './codec-json.ts';
import { decodeLegacyNeuronsLite } from './legacy-neurons.ts';
import { metagraphFromNeurons, SUBNET_STORAGE_FIELDS } from './neurons-metagraph.ts';

/**
 * A subnet's metagraph at one block, through the first runtime API the runtime at that block offers
 * (replay.md §1.1, as the SDK's get_metagraph_info): get_selective_mechagraph with every field index
 * its metadata describes, else get_selective_metagraph (mechanism 0), else get_metagraph, else
 * get_neurons_lite plus storage — decoded from metadata, or from the `Vec<u8>` of older runtimes.
 */

export type At = ApiDecoration<'promise'>;

type CallFn = ((...args: unknown[]) => Promise<Codec>) & { meta: { type: string } };
type CallSection = Record<string, CallFn | undefined> | undefined;

function section(at: At, name: string): CallSection {
  return (at.call as unknown as Record<string, CallSection>)[name];
}

/** Whether the runtime at `at` schedules epochs with dynamic tempo (it offers get_next_epoch_start_block). */
export function hasDynamicTempo(at: At): boolean {
  return section(at, 'subnetInfoRuntimeApi')?.getNextEpochStartBlock !== undefined;
}

/**
 * Every field index of the runtime's SelectiveMetagraph, as the SDK asks for "all" of them: 0 … its
 * field count − 1 (at spec 343: 0–73).
 */
export function selectiveIndexes(at: At, call: CallFn): number[] {
  const empty = at.registry.createType(call.meta.type) as Option<Struct>;
  return Array.from({ length: empty.unwrapOrDefault().size }, (_, i) => i);
}

export interface MetagraphPart {
  source: MetagraphSource;
  /** null: the subnet does not exist at that block. */
  metagraph: Record<string, unknown> | null;
}

export async function readMetagraph(
  api: ApiPromise,
  at: At,
  hash: string,
  block: number,
  netuid: number,
  mechid: number,
): Promise<MetagraphPart> {
  const subnets = section(at, 'subnetInfoRuntimeApi');
  const selectiveMech = subnets?.getSelectiveMechagraph;
  if (selectiveMech) {
    const value = await selectiveMech(netuid, mechid, selectiveIndexes(at, selectiveMech));
    return {
      source: 'get_selective_mechagraph',
      metagraph: codecToJson(value) as MetagraphPart['metagraph'],
    };
  }
  if (mechid !== 0) throw new Error(`mechanism ${mechid}: this runtime has no mechanisms (mechagraph APIs)`);
  const selective = subnets?.getSelectiveMetagraph;
  if (selective) {
    const value = await selective(netuid, selectiveIndexes(at, selective));
    return {
      source: 'get_selective_mechagraph',
      metagraph: codecToJson(value) as MetagraphPart['metagraph'],
    };
  }
  const full = subnets?.getMetagraph;
  if (full) {
    const value = await full(netuid);
    return { source: 'get_metagraph', metagraph: codecToJson(value) as MetagraphPart['metagraph'] };
  }
  return readFromNeuronsLite(api, at, hash, block, netuid);
}

/** get_neurons_lite (typed, or the Vec<u8> of older runtimes) plus the storage it lacks. */
async function readFromNeuronsLite(
  api: ApiPromise,
  at: At,
  hash: string,
  block: number,
  netuid: number,
): Promise<MetagraphPart> {
  const typed = section(at, 'neuronInfoRuntimeApi')?.getNeuronsLite;
  let neurons: Record<string, unknown>[];
  let source: MetagraphSource = 'get_neurons_lite';
  if (typed && !/^(Bytes|Vec<u8>)$/.test(typed.meta.type)) {
    neurons = codecToJson(await typed(netuid)) as Record<string, unknown>[];
  } else {
    source = 'get_neurons_lite_bytes';
    const raw = typed
      ? (await typed(netuid)).toU8a()
      : hexToU8a(
          (
            await api.rpc.state.call(
              'NeuronInfoRuntimeApi_get_neurons_lite',
              u8aToHex(at.registry.createType('u16', netuid).toU8a()),
              hash,
            )
          ).toHex(),
        );
    neurons = decodeLegacyNeuronsLite(raw);
  }
  const q = at.query.subtensorModule;
  const fields = SUBNET_STORAGE_FIELDS.filter(([, item]) => q[item] !== undefined);
  const [values, registrations] = await Promise.all([
    at.queryMulti(fields.map(([, item]) => [q[item], netuid])),
    q.blockAtRegistration.entries(netuid),
  ]);
  const subnet: Record<string, unknown> = {};
  fields.forEach(([field], k) => {
    subnet[field] = codecToJson(values[k]);
  });
  if (subnet.networks_added === false) return { source, metagraph: null };
  const byUid = new Map<number, unknown>();
  for (const [key, value] of registrations) byUid.set(Number(codecToJson(key.args[1])), codecToJson(value));
  return { source, metagraph: metagraphFromNeurons(netuid, block, neurons, subnet, byUid) };
}
