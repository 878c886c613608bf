import { basename, extname } from 'node:path';
import { readTextFile } from './document.ts';
import { type ParseOptions, type ParseResult, parseScenarioText } from './parse.ts';

/** Reads a scenario file (YAML or JSON) and validates it; a missing or unreadable file is a problem, not a crash. */
export async function loadScenarioFile(
  file: string,
  options: Omit<ParseOptions, 'defaultName'> = {},
): Promise<ParseResult> {
  const text = await readTextFile(file);
  if (!text.ok) return text;
  return parseScenarioText(text.value, file, { ...options, defaultName: basename(file, extname(file)) });
}
