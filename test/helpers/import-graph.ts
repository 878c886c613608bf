import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The modules a source file loads when it is imported: its static imports, followed through relative
 * paths (`import type` is erased; dynamic `import()` is not followed: it loads only when called).
 * Files are given relative to `root`; packages by name.
 */
export function staticImports(root: string, file: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const text = readFileSync(path, 'utf8');
    for (const [, spec] of text.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)) {
      if (spec.startsWith('.')) visit(resolve(dirname(path), spec));
      else seen.add(spec);
    }
  };
  visit(resolve(root, file));
  return [...seen].map((f) => (f.startsWith(root) ? f.slice(root.length) : f));
}
