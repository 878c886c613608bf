import {
  Bool,
  BTreeMap,
  Compact,
  Enum,
  Int,
  Option,
  Raw,
  Struct,
  Text,
  Tuple,
  U8aFixed,
  UInt,
  Vec,
  VecFixed,
} from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';

/**
 * A decoded chain value → plain JSON that keeps the chain's raw integers: numbers up to 2⁵³ − 1,
 * decimal text beyond; struct fields under the chain's snake_case names; account ids and byte
 * strings as 0x-hex (no SS58 encoding: it would cost more than decoding the answer itself).
 */

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** camelCase (how @polkadot/types names struct fields) → the chain's snake_case. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function integer(codec: Int | UInt): number | string {
  // Up to 32 bits a number always fits (and toNumber skips BigInt: most fields are Compact<u16>).
  if (codec.byteLength() <= 4) return codec.toNumber();
  const value = codec.toBigInt();
  return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value.toString();
}

export function codecToJson(codec: Codec): unknown {
  if (codec instanceof Option) return codec.isSome ? codecToJson(codec.unwrap()) : null;
  if (codec instanceof Compact) return codecToJson(codec.unwrap());
  if (codec instanceof UInt || codec instanceof Int) return integer(codec);
  if (codec instanceof Bool) return codec.isTrue;
  if (codec instanceof Struct) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of codec.entries()) out[snakeCase(String(key))] = codecToJson(value);
    return out;
  }
  if (codec instanceof Vec || codec instanceof VecFixed || codec instanceof Tuple) {
    const out = new Array<unknown>(codec.length);
    for (let i = 0; i < codec.length; i++) out[i] = codecToJson(codec[i] as Codec);
    return out;
  }
  if (codec instanceof Text) return codec.toString();
  if (codec instanceof U8aFixed || codec instanceof Raw) return u8aToHex(codec);
  if (codec instanceof Enum) {
    return codec.isBasic ? codec.type : { [snakeCase(codec.type)]: codecToJson(codec.value) };
  }
  if (codec instanceof BTreeMap) {
    return [...codec.entries()].map(([k, v]) => [codecToJson(k), codecToJson(v)]);
  }
  return codec.toPrimitive();
}
