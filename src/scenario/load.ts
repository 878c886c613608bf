import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { type ParseOptions, type ParseResult, parseScenarioText } from './parse.ts';

/** Reads a scenario file (YAML or JSON) and validates it; a missing or unreadable file is a problem, not a crash. */
export async function loadScenarioFile(
  file: string,
  options: Omit<ParseOptions, 'defaultName'> = {},
): Promise<ParseResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : `cannot read (${code ?? 'error'})`;
    return { ok: false, problems: [{ file, path: [], message: reason }] };
  }
  return parseScenarioText(text, file, { ...options, defaultName: basename(file, extname(file)) });
}
