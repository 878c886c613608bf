import type { SiType } from '@polkadot/types/interfaces';
import { u8aToHex } from '@polkadot/util';

/**
 * A SCALE answer → the same plain JSON as codec-json.ts, decoded straight from the runtime metadata's
 * type descriptions (no type bundle), without building a @polkadot/types object per value: a 1 024-uid
 * metagraph would otherwise be ~20 000 of them (BN integers, Compact and Option wrappers) and most of
 * the time a snapshot takes to decode. Decoders are compiled once per type id and registry.
 */

/** The part of a registry's type lookup (PortableRegistry) the decoder reads. */
type Lookup = { getSiType(id: number): SiType };

type Reader = { bytes: Uint8Array; view: DataView; at: number };
type Decode = (r: Reader) => unknown;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function bigToJson(v: bigint): number | string {
  return v <= MAX_SAFE && v >= -MAX_SAFE ? Number(v) : v.toString();
}

function need(r: Reader, n: number): void {
  if (r.at + n > r.bytes.length)
    throw new Error(`SCALE: answer ends at byte ${r.bytes.length}, needs ${r.at + n}`);
}

function uint(r: Reader, bytes: number): number | string {
  need(r, bytes);
  const { view, at } = r;
  r.at += bytes;
  if (bytes === 1) return view.getUint8(at);
  if (bytes === 2) return view.getUint16(at, true);
  if (bytes === 4) return view.getUint32(at, true);
  let v = 0n;
  for (let k = bytes - 1; k >= 0; k--) v = (v << 8n) | BigInt(r.bytes[at + k]);
  return bigToJson(v);
}

function int(r: Reader, bytes: number): number | string {
  const u = uint(r, bytes);
  const bits = BigInt(bytes * 8);
  const v = BigInt(u);
  return bigToJson(v >= 1n << (bits - 1n) ? v - (1n << bits) : v);
}

/** SCALE compact integer. */
export function compact(r: Reader): number | string {
  need(r, 1);
  const first = r.bytes[r.at];
  switch (first & 3) {
    case 0:
      r.at += 1;
      return first >> 2;
    case 1:
      need(r, 2);
      r.at += 2;
      return r.view.getUint16(r.at - 2, true) >> 2;
    case 2:
      need(r, 4);
      r.at += 4;
      return r.view.getUint32(r.at - 4, true) >>> 2;
    default: {
      r.at += 1;
      return uint(r, (first >> 2) + 4);
    }
  }
}

function length(r: Reader): number {
  const n = Number(compact(r));
  if (n > r.bytes.length - r.at)
    throw new Error(`SCALE: a sequence of ${n} in ${r.bytes.length - r.at} bytes`);
  return n;
}

const utf8 = new TextDecoder();

const PRIMITIVES: Record<string, Decode> = {
  Bool: (r) => {
    need(r, 1);
    return r.bytes[r.at++] === 1;
  },
  U8: (r) => uint(r, 1),
  U16: (r) => uint(r, 2),
  U32: (r) => uint(r, 4),
  U64: (r) => uint(r, 8),
  U128: (r) => uint(r, 16),
  U256: (r) => uint(r, 32),
  I8: (r) => int(r, 1),
  I16: (r) => int(r, 2),
  I32: (r) => int(r, 4),
  I64: (r) => int(r, 8),
  I128: (r) => int(r, 16),
  I256: (r) => int(r, 32),
  Str: (r) => {
    const n = length(r);
    r.at += n;
    return utf8.decode(r.bytes.subarray(r.at - n, r.at));
  },
};

/** Variant and field names as codec-json.ts writes them: snake_case. */
const snake = (name: string) =>
  name.replace(/^[A-Z]/, (c) => c.toLowerCase()).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export class ScaleJson {
  readonly #lookup: Lookup;
  readonly #compiled = new Map<number, Decode>();

  constructor(lookup: Lookup) {
    this.#lookup = lookup;
  }

  decode(typeId: number, bytes: Uint8Array): unknown {
    const r: Reader = { bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), at: 0 };
    const value = this.#decoder(typeId)(r);
    if (r.at !== bytes.length)
      throw new Error(`SCALE: ${bytes.length - r.at} bytes left after type ${typeId}`);
    return value;
  }

  #decoder(id: number): Decode {
    const known = this.#compiled.get(id);
    if (known !== undefined) return known;
    // A recursive type refers to itself: the slot is filled before its parts are compiled.
    let compiled: Decode = () => {
      throw new Error(`SCALE: type ${id} used before it was compiled`);
    };
    this.#compiled.set(id, (r) => compiled(r));
    compiled = this.#compile(this.#lookup.getSiType(id));
    this.#compiled.set(id, compiled);
    return compiled;
  }

  #isU8(id: number): boolean {
    const def = this.#lookup.getSiType(id).def;
    return def.isPrimitive && def.asPrimitive.type === 'U8';
  }

  #fields(fields: SiType['def']['asComposite']['fields']): Decode {
    // Names in snake_case once here, not per decoded value (a 1 024-neuron answer has ~20 000 fields).
    const parts = fields.map(
      (f) =>
        [f.name.isSome ? snake(f.name.unwrap().toString()) : null, this.#decoder(f.type.toNumber())] as const,
    );
    if (parts.length === 1 && parts[0][0] === null) return parts[0][1];
    if (parts.length > 0 && parts[0][0] === null) return (r) => parts.map(([, d]) => d(r));
    return (r) => {
      const out: Record<string, unknown> = {};
      for (const [name, d] of parts) out[name as string] = d(r);
      return out;
    };
  }

  #compile(type: SiType): Decode {
    const def = type.def;
    if (def.isPrimitive) {
      const p = PRIMITIVES[def.asPrimitive.type];
      if (p === undefined) throw new Error(`SCALE: primitive ${def.asPrimitive.type} is not supported`);
      return p;
    }
    if (def.isComposite) return this.#fields(def.asComposite.fields);
    if (def.isCompact) return compact;
    if (def.isSequence) {
      const inner = def.asSequence.type.toNumber();
      if (this.#isU8(inner))
        return (r) => {
          const n = length(r);
          r.at += n;
          return u8aToHex(r.bytes.subarray(r.at - n, r.at));
        };
      const d = this.#decoder(inner);
      return (r) => {
        const n = length(r);
        const out = new Array<unknown>(n);
        for (let k = 0; k < n; k++) out[k] = d(r);
        return out;
      };
    }
    if (def.isArray) {
      const n = def.asArray.len.toNumber();
      const inner = def.asArray.type.toNumber();
      if (this.#isU8(inner))
        return (r) => {
          need(r, n);
          r.at += n;
          return u8aToHex(r.bytes.subarray(r.at - n, r.at));
        };
      const d = this.#decoder(inner);
      return (r) => Array.from({ length: n }, () => d(r));
    }
    if (def.isTuple) {
      const parts = def.asTuple.map((t) => this.#decoder(t.toNumber()));
      return parts.length === 0 ? () => null : (r) => parts.map((d) => d(r));
    }
    if (def.isVariant) {
      const variants = new Map(
        def.asVariant.variants.map(
          (v) => [v.index.toNumber(), { name: v.name.toString(), fields: v.fields }] as const,
        ),
      );
      const names = [...variants.values()].map((v) => v.name);
      if (names.length === 2 && names.includes('None') && names.includes('Some')) {
        const some = [...variants].find(([, v]) => v.name === 'Some')!;
        const d = this.#fields(some[1].fields);
        return (r) => {
          need(r, 1);
          return r.bytes[r.at++] === some[0] ? d(r) : null;
        };
      }
      const basic = [...variants.values()].every((v) => v.fields.length === 0);
      const decoders = new Map(
        [...variants].map(([index, v]) => [index, [v.name, snake(v.name), this.#fields(v.fields)] as const]),
      );
      return (r) => {
        need(r, 1);
        const found = decoders.get(r.bytes[r.at++]);
        if (found === undefined)
          throw new Error(`SCALE: no variant ${r.bytes[r.at - 1]} in ${names.join('|')}`);
        return basic ? found[0] : { [found[1]]: found[2](r) };
      };
    }
    throw new Error(`SCALE: type ${type.path.map(String).join('::')} (${def.type}) is not supported`);
  }
}
