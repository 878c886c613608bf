import { crossFieldProblems } from '../scenario/checks.ts';
import { parseYamlText } from '../scenario/document.ts';
import { inlineMarketData } from '../scenario/market-data.ts';
import { applyOverride, type ParseOptions, type ParseResult, parseScenarioText } from '../scenario/parse.ts';
import { type Scenario, scenarioSchema } from '../scenario/schema.ts';

/**
 * parseScenarioText for the runs of a sweep, without parsing the base scenario's YAML for every run
 * (most of a run's parsing time). Each thread keeps the base document, keyed by the sweep file, the
 * scenario path and a hash of its text (`key`); a run clones it, applies the point's overrides and the
 * seed, and validates. This is parse.ts's path for input without problems, step for step (the same
 * document, the same override semantics, the same schema and checks); anything else — an override that
 * does not apply, a schema or cross-field problem, a base that does not load — goes through
 * parseScenarioText itself, so a failed run's error reads exactly as before. Results are the same bytes
 * either way (test/sweep/base-scenario.test.ts compares the two).
 */

interface Base {
  /** The base document with top-level `x-…` keys removed, as parse.ts prepares it; undefined: no fast path. */
  document: Record<string, unknown> | undefined;
  /** The name a scenario without `name:` gets (from the file name), when the base has none. */
  defaultName: string | undefined;
}

const CACHE_SIZE = 4;
const cache = new Map<string, Base>();

function loadBase(text: string, file: string, defaultName: string): Base {
  const loaded = parseYamlText(text, file);
  const raw = loaded.ok ? loaded.value : undefined;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { document: undefined, defaultName: undefined };
  }
  const document = raw as Record<string, unknown>;
  for (const key of Object.keys(document)) if (key.startsWith('x-')) delete document[key];
  // The file-name default of parse.ts (nameFrom), read off the base's own parse when it has no name.
  const own = Object.hasOwn(document, 'name') ? undefined : parseScenarioText(text, file, { defaultName });
  return { document, defaultName: own?.ok ? own.scenario.name : undefined };
}

function baseOf(key: string, text: string, file: string, defaultName: string): Base {
  let base = cache.get(key);
  if (base === undefined) {
    base = loadBase(text, file, defaultName);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, base);
  }
  return base;
}

function fastParse(base: Base, file: string, options: ParseOptions): ParseResult | undefined {
  if (base.document === undefined) return undefined;
  let raw: Record<string, unknown>;
  try {
    raw = structuredClone(base.document);
  } catch {
    return undefined;
  }
  for (const override of options.overrides ?? [])
    if (applyOverride(raw, override, file) !== undefined) return undefined;
  if (options.seed !== undefined) raw.seed = options.seed;
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const name = parsed.data.name ?? base.defaultName;
  if (name === undefined) return undefined;
  const scenario: Scenario = { ...parsed.data, name };
  // A data file (TAO/USD CSV) is read as parse.ts reads it, with the options' reader; where it cannot be,
  // parseScenarioText reports why.
  if (inlineMarketData(scenario, file, options.readText).length > 0) return undefined;
  if (crossFieldProblems(scenario, file).length > 0) return undefined;
  return { ok: true, scenario };
}

/** The scenario from the cached base document, or undefined where parseScenarioText must decide. */
export function parseFromBase(
  key: string,
  text: string,
  file: string,
  options: ParseOptions,
): ParseResult | undefined {
  return fastParse(baseOf(key, text, file, options.defaultName), file, options);
}

/** parseScenarioText(text, file, options), the base document cached under `key`. */
export function parseRunScenario(
  key: string,
  text: string,
  file: string,
  options: ParseOptions,
): ParseResult {
  return parseFromBase(key, text, file, options) ?? parseScenarioText(text, file, options);
}
