import type { ApiPromise } from '@polkadot/api';
import type { ApiDecoration } from '@polkadot/api/types';
import { compactStripLength, hexToU8a, u8aToHex } from '@polkadot/util';
import type { MetagraphSource } from '../engine/replay/snapshot.ts';
import { codecToJson } from './codec-json.ts';
import { decodeLegacyNeuronsLite } from './legacy-neurons.ts';
import { metagraphFromNeurons, SUBNET_STORAGE_FIELDS } from './neurons-metagraph.ts';
import { callRuntime, optionStructFieldCount, runtimeMethod } from './runtime-call.ts';

const u16le = (n: number) => new Uint8Array([n & 0xff, n >> 8]);

/**
 * A subnet's metagraph at one block, through the first runtime API the runtime at that block offers
 * (replay.md §1.1, as the SDK's get_metagraph_info): get_selective_mechagraph with every field index
 * its metadata describes, else get_selective_metagraph (mechanism 0), else get_metagraph, else
 * get_neurons_lite plus storage — decoded from metadata, or from the `Vec<u8>` of older runtimes.
 */

export type At = ApiDecoration<'promise'>;

/** Whether the runtime at `at` schedules epochs with dynamic tempo (it offers get_next_epoch_start_block). */
export function hasDynamicTempo(at: At): boolean {
  return runtimeMethod(at, SUBNETS, 'get_next_epoch_start_block') !== undefined;
}

const SUBNETS = 'SubnetInfoRuntimeApi';
const NEURONS = 'NeuronInfoRuntimeApi';

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
  const call = async (method: NonNullable<ReturnType<typeof runtimeMethod>>, args: unknown[]) =>
    (await callRuntime(api, at, hash, SUBNETS, method, args)) as MetagraphPart['metagraph'];
  // Every field index the runtime's SelectiveMetagraph has, as the SDK asks for "all" (spec 343: 0–73).
  const every = (method: NonNullable<ReturnType<typeof runtimeMethod>>) =>
    Array.from({ length: optionStructFieldCount(at, method) }, (_, i) => i);
  const selectiveMech = runtimeMethod(at, SUBNETS, 'get_selective_mechagraph');
  if (selectiveMech)
    return {
      source: 'get_selective_mechagraph',
      metagraph: await call(selectiveMech, [netuid, mechid, every(selectiveMech)]),
    };
  if (mechid !== 0) throw new Error(`mechanism ${mechid}: this runtime has no mechanisms (mechagraph APIs)`);
  const selective = runtimeMethod(at, SUBNETS, 'get_selective_metagraph');
  if (selective)
    return {
      source: 'get_selective_mechagraph',
      metagraph: await call(selective, [netuid, every(selective)]),
    };
  const full = runtimeMethod(at, SUBNETS, 'get_metagraph');
  if (full) return { source: 'get_metagraph', metagraph: await call(full, [netuid]) };
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
  const typed = runtimeMethod(at, NEURONS, 'get_neurons_lite');
  const answer = typed
    ? await callRuntime(api, at, hash, NEURONS, typed, [netuid])
    : await api.rpc.state.call.raw('NeuronInfoRuntimeApi_get_neurons_lite', u8aToHex(u16le(netuid)), hash);
  // Runtimes before dTAO return Vec<u8> holding the SCALE of the list (replay.md §1.2).
  const opaque = typeof answer === 'string';
  const source: MetagraphSource = opaque ? 'get_neurons_lite_bytes' : 'get_neurons_lite';
  // Typed as Vec<u8>, the answer decodes to its content's hex; raw, it still has its length prefix.
  const neurons = opaque
    ? decodeLegacyNeuronsLite(typed ? hexToU8a(answer) : compactStripLength(hexToU8a(answer))[1])
    : (answer as Record<string, unknown>[]);
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
