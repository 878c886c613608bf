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

export function allowedKeysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let candidates: unknown[] = branches(schema);
  for (const segment of path) {
    const next: unknown[] = [];
    for (const candidate of candidates) {
      const def = defOf(candidate);
      if (def.type === 'array' && typeof segment === 'number') next.push(...branches(def.element));
      if (def.type === 'object' && typeof segment === 'string') {
        const field = (def.shape as Record<string, unknown>)[segment];
        if (field !== undefined) next.push(...branches(field));
      }
    }
    candidates = next;
  }
  const keys = new Set<string>();
  for (const candidate of candidates) {
    const def = defOf(candidate);
    if (def.type === 'object') for (const key of Object.keys(def.shape as object)) keys.add(key);
  }
  return [...keys];
}
