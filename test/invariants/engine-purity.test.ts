import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Architecture: src/engine is pure computation. It imports only other files of src/engine and the
 * package `seedrandom` (no node:*, fs, zod, yaml, mathjs, ink, react, @polkadot/api, piscina,
 * csv-stringify…), and never reads the clock, the process or an unseeded random source, nor prints.
 */

const ENGINE = resolve(import.meta.dirname, '../../src/engine');
const ALLOWED_PACKAGES = new Set(['seedrandom']);
const FORBIDDEN: [RegExp, string][] = [
  [/\bMath\s*\.\s*random\b/, 'Math.random'],
  [/\bDate\s*\.\s*now\b/, 'Date.now'],
  [/\bnew\s+Date\b/, 'new Date'],
  [/\bprocess\s*\./, 'process.'],
  [/\bconsole\s*\./, 'console.'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cts|js|mjs|cjs|tsx|jsx)$/.test(e.name) ? [path] : [];
  });
}

/** Source with comments blanked out (strings kept), so prose in doc comments is not mistaken for code. */
function stripComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      out += ' ';
    } else if (c === "'" || c === '"' || c === '`') {
      let k = i + 1;
      while (k < text.length && text[k] !== c) k += text[k] === '\\' ? 2 : 1;
      out += text.slice(i, k + 1);
      i = k + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Every module specifier: static imports and re-exports, side-effect imports, import(), require(). */
function specifiers(code: string): string[] {
  const patterns = [
    /\bfrom\s*(['"])([^'"]+)\1/g,
    /\bimport\s*(['"])([^'"]+)\1/g,
    /\bimport\s*\(\s*(['"`])([^'"`]+)\1/g,
    /\brequire\s*\(\s*(['"`])([^'"`]+)\1/g,
  ];
  return patterns.flatMap((p) => [...code.matchAll(p)].map((m) => m[2]));
}

/** Problems of one engine file (path used to resolve relative imports). */
function problemsOf(path: string, text: string): string[] {
  const code = stripComments(text);
  const problems: string[] = [];
  for (const spec of specifiers(code)) {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(path), spec);
      if (target !== ENGINE && !target.startsWith(ENGINE + sep))
        problems.push(`imports ${spec} (outside src/engine)`);
    } else if (!ALLOWED_PACKAGES.has(spec)) {
      problems.push(`imports ${spec}`);
    }
  }
  // Dynamic specifiers cannot be checked: forbid them outright.
  if (/\bimport\s*\(\s*[^'"`\s]/.test(code) || /\brequire\s*\(\s*[^'"`\s]/.test(code)) {
    problems.push('dynamic import/require');
  }
  for (const [pattern, name] of FORBIDDEN) if (pattern.test(code)) problems.push(`uses ${name}`);
  return problems;
}

describe('engine purity', () => {
  const files = sourceFiles(ENGINE);

  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.some((f) => f.endsWith(`${sep}rng.ts`))).toBe(true);
  });

  it('every file imports only src/engine and seedrandom, and touches no clock, process, console or Math.random', () => {
    const problems = files.flatMap((f) =>
      problemsOf(f, readFileSync(f, 'utf8')).map((p) => `${relative(ENGINE, f)}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('the checker itself flags what it must (so the test above can fail)', () => {
    const at = join(ENGINE, 'subnet', 'x.ts');
    const flagged = (text: string) => problemsOf(at, text);
    expect(flagged("import { readFile } from 'node:fs/promises';")).toEqual(['imports node:fs/promises']);
    expect(flagged("import fs from 'fs';")).toEqual(['imports fs']);
    expect(flagged("import { z } from 'zod';")).toEqual(['imports zod']);
    expect(flagged("import type { X } from 'yaml';")).toEqual(['imports yaml']);
    expect(flagged("export * from 'mathjs';")).toEqual(['imports mathjs']);
    expect(flagged("import '@polkadot/api';")).toEqual(['imports @polkadot/api']);
    expect(flagged("const m = await import('piscina');")).toEqual(['imports piscina']);
    expect(flagged("const m = require('csv-stringify');")).toEqual(['imports csv-stringify']);
    expect(flagged('const m = await import(name);')).toEqual(['dynamic import/require']);
    expect(flagged("import { x } from '/work/main/src/engine/state.ts';")).toEqual([
      'imports /work/main/src/engine/state.ts',
    ]);
    expect(flagged("import { x } from '../../scenario/compile.ts';")).toEqual([
      'imports ../../scenario/compile.ts (outside src/engine)',
    ]);
    expect(flagged("import { x } from '../state.ts';\nimport seedrandom from 'seedrandom';")).toEqual([]);
    expect(flagged('const u = Math.random();')).toEqual(['uses Math.random']);
    expect(flagged('const t = Date.now();')).toEqual(['uses Date.now']);
    expect(flagged('const d = new Date();')).toEqual(['uses new Date']);
    expect(flagged('if (process.env.X) {}')).toEqual(['uses process.']);
    expect(flagged('console.log(1);')).toEqual(['uses console.']);
    // Prose in comments is not code.
    expect(flagged('// never calls Math.random or console.log\n/* process. */ const x = 1;')).toEqual([]);
  });
});
