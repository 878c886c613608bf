import type { z } from 'zod';
import type { PathSegment } from './locate.ts';

/**
 * The keys the schema allows for the object at `path` (for "unknown key … did you mean …" messages).
 * Walks through defaults, optionals, pipes, arrays and unions; a union offers the keys of all its
 * object branches.
 */
type AnyDef = { type: string; [k: string]: unknown };

function defOf(schema: unknown): AnyDef {
  return (schema as { _zod: { def: AnyDef } })._zod.def;
}

/** Peels wrappers that do not change the shape of the data. */
function unwrap(schema: unknown): unknown {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch'].includes(def.type)) {
      current = def.innerType;
    } else if (def.type === 'pipe') {
      current = def.in;
    } else {
      return current;
    }
  }
}

function branches(schema: unknown): unknown[] {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'union') return (def.options as unknown[]).flatMap(branches);
  return [inner];
}

/** The schemas of the value at `path`, before unwrapping (so their descriptions are still on them). */
function fieldsAt(schema: z.ZodType, path: readonly PathSegment[]): unknown[] {
  let fields: unknown[] = [schema];
  for (const segment of path) {
    const next: unknown[] = [];
    for (const candidate of fields.flatMap(branches)) {
      const def = defOf(candidate);
      if (def.type === 'array' && typeof segment === 'number') next.push(def.element);
      if (def.type === 'object' && typeof segment === 'string') {
        const shape = def.shape as Record<string, unknown>;
        // Own keys only: a path through "__proto__" or "constructor" names no field.
        if (Object.hasOwn(shape, segment)) next.push(shape[segment]);
      }
    }
    fields = next;
  }
  return fields;
}

/** The schema's description of the field at `path` (the text editors show), if it has one. */
export function descriptionAt(schema: z.ZodType, path: readonly PathSegment[]): string | undefined {
  for (const field of fieldsAt(schema, path)) {
    // A description may sit on any wrapper (default, optional, pipe…): look through them in order.
    let current: unknown = field;
    for (let depth = 0; depth < 8 && current !== undefined; depth++) {
      const description = (current as { description?: string }).description;
      if (description !== undefined) return description;
      const def = defOf(current);
      current = def.type === 'pipe' ? def.in : def.innerType;
    }
  }
  return undefined;
}

export function allowedKeysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  const candidates = fieldsAt(schema, path).flatMap(branches);
  const keys = new Set<string>();
  for (const candidate of candidates) {
    const def = defOf(candidate);
    if (def.type === 'object') for (const key of Object.keys(def.shape as object)) keys.add(key);
  }
  return [...keys];
}
