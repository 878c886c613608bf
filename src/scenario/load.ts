import { basename, extname } from 'node:path';
import { readTextFile } from './document.ts';
import { fileReader } from './market-data.ts';
import { type ParseOptions, type ParseResult, parseScenarioText } from './parse.ts';

/** Options for the text of a scenario file: the name defaults to the file's, data files are read next to it. */
export type FileParseOptions = Omit<ParseOptions, 'defaultName' | 'readText'> & { defaultName?: string };

/**
 * parseScenarioText for text read from `file` (here, or by a sweep that hands the text to its workers):
 * a scenario loads the same whichever reads it, data files it names (a TAO/USD CSV) included.
 */
export function parseScenarioFileText(
  text: string,
  file: string,
  options: FileParseOptions = {},
): ParseResult {
  return parseScenarioText(text, file, {
    ...options,
    defaultName: options.defaultName ?? basename(file, extname(file)),
    readText: fileReader(file),
  });
}

/** Reads a scenario file (YAML or JSON) and validates it; a missing or unreadable file is a problem, not a crash. */
export async function loadScenarioFile(
  file: string,
  options: Omit<FileParseOptions, 'defaultName'> = {},
): Promise<ParseResult> {
  const text = await readTextFile(file);
  if (!text.ok) return text;
  return parseScenarioFileText(text.value, file, options);
}
