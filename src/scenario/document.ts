import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import type { ScenarioProblem } from './problem.ts';

/**
 * Reading our input files (scenarios, epoch scripts, Yuma cases) up to a plain value: every failure
 * becomes a located problem, never a throw. Shared so each format reports the same way.
 */
export type Loaded<T> = { ok: true; value: T } | { ok: false; problems: ScenarioProblem[] };

/** Why a file could not be read, as a problem. */
function unreadable(file: string, error: unknown): Loaded<string> {
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a directory'
        : `cannot read (${code ?? 'error'})`;
  return { ok: false, problems: [{ file, path: [], message }] };
}

/** A file's text; a missing or unreadable file is a problem, not a crash. */
export async function readTextFile(file: string): Promise<Loaded<string>> {
  try {
    return { ok: true, value: await readFile(file, 'utf8') };
  } catch (error) {
    return unreadable(file, error);
  }
}

/** readTextFile for the synchronous parse (data files a scenario names). */
export function readTextFileSync(file: string): Loaded<string> {
  try {
    return { ok: true, value: readFileSync(file, 'utf8') };
  } catch (error) {
    return unreadable(file, error);
  }
}

/**
 * YAML (JSON is YAML too) → a plain value. Syntax errors and warnings (an unknown !tag…) are problems
 * with their line (yaml's logLevel 'silent' keeps it from printing them itself); merge keys
 * (`<<: *defaults`) are understood; an alias bomb or nesting deeper than the stack is bad input.
 */
export function parseYamlText(text: string, file: string): Loaded<unknown> {
  // Without prettyErrors, errors carry only offsets: the line counter turns them into lines.
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    prettyErrors: false,
    uniqueKeys: true,
    lineCounter: lines,
    logLevel: 'silent',
    merge: true,
  });
  const errors = [...doc.errors, ...doc.warnings];
  if (errors.length > 0) {
    return {
      ok: false,
      problems: errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        return {
          file,
          path: [],
          line,
          column: col,
          message: `not valid YAML/JSON: ${e.message.split('\n')[0]}`,
        };
      }),
    };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    const deep = error instanceof RangeError && /call stack/i.test(error.message);
    const message = `cannot load this YAML/JSON: ${deep ? 'nested too deeply' : (error as Error).message}`;
    return { ok: false, problems: [{ file, path: [], message }] };
  }
}
