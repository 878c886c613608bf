import { basename, extname } from 'node:path';
import { readTextFile } from './document.ts';
import { resolveInitialStates } from './initial-state.ts';
import { type ParseOptions, type ParseResult, parseScenarioText } from './parse.ts';

/** Reads a scenario file (YAML or JSON) and validates it; a missing or unreadable file is a problem, not a crash. */
export async function loadScenarioFile(
  file: string,
  options: Omit<ParseOptions, 'defaultName'> = {},
): Promise<ParseResult> {
  const text = await readTextFile(file);
  if (!text.ok) return text;
  const parsed = parseScenarioText(text.value, file, {
    ...options,
    defaultName: basename(file, extname(file)),
  });
  if (!parsed.ok) return parsed;
  const problems = resolveInitialStates(parsed.scenario, file);
  return problems.length > 0 ? { ok: false, problems } : parsed;
}
