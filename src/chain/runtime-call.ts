import type { ApiPromise } from '@polkadot/api';
import type { Registry } from '@polkadot/types/types';
import { hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import type { At } from './metagraph.ts';
import { ScaleJson } from './scale-json.ts';

/**
 * Runtime API calls described by the runtime's own metadata (v15/v16 list them; v14 does not): the
 * arguments encoded with the block's registry, one `state_call` at the block, and the answer decoded by
 * scale-json.ts from the method's output type.
 */

interface MethodDef {
  name: { toString(): string };
  inputs: { type: { toNumber(): number } }[];
  output: { toNumber(): number };
}

interface ApiDef {
  name: { toString(): string };
  methods: MethodDef[];
}

const decoders = new WeakMap<Registry, ScaleJson>();

function apisOf(registry: Registry): ApiDef[] {
  return ((registry.metadata as unknown as { apis?: ApiDef[] }).apis ?? []) as ApiDef[];
}

/** The method as the runtime at `at` describes it, or undefined when it does not offer it. */
export function runtimeMethod(at: At, api: string, method: string): MethodDef | undefined {
  return apisOf(at.registry)
    .find((a) => a.name.toString() === api)
    ?.methods.find((m) => m.name.toString() === method);
}

/** Fields of the struct a method returns inside an Option (the selective metagraph's field count). */
export function optionStructFieldCount(at: At, method: MethodDef): number {
  const lookup = at.registry.lookup;
  const option = lookup.getSiType(method.output.toNumber()).def;
  const some = option.asVariant.variants.find((v) => v.name.toString() === 'Some');
  if (some === undefined) throw new Error('not an Option');
  return lookup.getSiType(some.fields[0].type).def.asComposite.fields.length;
}

export async function callRuntime(
  api: ApiPromise,
  at: At,
  hash: string,
  apiName: string,
  method: MethodDef,
  args: readonly unknown[],
): Promise<unknown> {
  const registry = at.registry;
  const params = u8aConcat(
    ...method.inputs.map((input, k) =>
      registry.createType(registry.lookup.getTypeDef(input.type.toNumber()).type, args[k]).toU8a(),
    ),
  );
  // .raw: the answer's bytes as sent, decoded below without a @polkadot/types object per value.
  const answer = await api.rpc.state.call.raw(`${apiName}_${method.name.toString()}`, u8aToHex(params), hash);
  let decoder = decoders.get(registry);
  if (decoder === undefined) {
    decoder = new ScaleJson(registry.lookup);
    decoders.set(registry, decoder);
  }
  return decoder.decode(method.output.toNumber(), hexToU8a(String(answer)));
}
