import { parse as parseYaml } from 'yaml';
import { crossFieldProblems } from './checks.ts';
import { parseYamlText } from './document.ts';
import { issuesToProblems, withFieldHelp, withoutRepeats } from './issues.ts';
import { formatPath, locator, type PathSegment, parsePath } from './locate.ts';
import { inlineMarketData, type ReadText } from './market-data.ts';
import { describeValue, type ScenarioProblem } from './problem.ts';
import { type Scenario, type SubnetScenario, scenarioSchema, subnetSchema } from './schema.ts';

/**
 * Scenario text → a validated Scenario, or every problem found. Pure (no I/O: load.ts reads the file),
 * but for the snapshot file an `initial_state` names, which the cross-field checks read (initial-state.ts).
 * Overrides (`--set path=value`) are applied to the raw document before validation, so their errors
 * read like any other.
 */
export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

export interface ParseOptions {
  /** `path=value` pairs; value is read as YAML (so numbers stay numbers). */
  overrides?: readonly string[];
  /** Replaces the file's seed. */
  seed?: number;
  /** Name used when the file has none (the file name without extension). */
  defaultName: string;
  /** Reads data files the scenario names (a TAO/USD CSV), relative to it; without it they are a problem. */
  readText?: ReadText;
}

/** Applies one `--set path=value` to the raw document; the problem if it cannot. */
export function applyOverride(root: unknown, assignment: string, file: string): ScenarioProblem | undefined {
  const eq = assignment.indexOf('=');
  const path = eq > 0 ? parsePath(assignment.slice(0, eq)) : undefined;
  if (path === undefined) {
    return {
      file: `--set ${assignment}`,
      path: [],
      message: 'not of the form path=value',
      allowed: 'e.g. subnets[0].tempo=100',
    };
  }
  let value: unknown;
  try {
    value = parseYaml(assignment.slice(eq + 1), { logLevel: 'silent' });
  } catch {
    value = assignment.slice(eq + 1);
  }
  // Own properties only, set with defineProperty: `__proto__` is then a plain (unknown) key, never the
  // prototype of every object in the process.
  const own = (node: object, key: PathSegment): unknown =>
    Object.hasOwn(node, key) ? (node as Record<PathSegment, unknown>)[key] : undefined;
  const put = (node: object, key: PathSegment, child: unknown) =>
    Object.defineProperty(node, key, { value: child, writable: true, enumerable: true, configurable: true });
  // A list takes an index up to its length (which appends), nothing else.
  const misfit = (node: object, k: number): ScenarioProblem | undefined => {
    const key = path[k];
    if (!Array.isArray(node) || (typeof key === 'number' && key <= node.length)) return undefined;
    return {
      file,
      path: path.slice(0, k),
      message: `--set ${formatPath(path)}: no entry ${typeof key === 'number' ? `[${key}]` : `"${key}"`} in this list`,
      found: `a list of ${node.length}`,
      allowed: `an index from 0 to ${node.length}`,
    };
  };
  let node = root as object;
  for (let k = 0; k < path.length - 1; k++) {
    const wrong = misfit(node, k);
    if (wrong !== undefined) return wrong;
    const next = own(node, path[k]);
    let child: object;
    if (next !== null && typeof next === 'object') {
      // A copy: a YAML alias shares one object among several paths, and only this path may change.
      child = Array.isArray(next) ? [...next] : { ...next };
    } else if (next === undefined) {
      // Create what is missing, so `--set subnets[0].yuma.kappa=0.3` works on a file without `yuma:`
      // (or without `subnets:`, whose default is one subnet).
      child = typeof path[k + 1] === 'number' ? [] : {};
    } else {
      return {
        file,
        path: path.slice(0, k + 1),
        message: `--set ${formatPath(path)}: cannot descend into this value`,
        found: describeValue(next),
      };
    }
    put(node, path[k], child);
    node = child;
  }
  const wrong = misfit(node, path.length - 1);
  if (wrong !== undefined) return wrong;
  put(node, path[path.length - 1], value);
  return undefined;
}

/**
 * The file name made a valid scenario name ("my run (2)" → "my-run-2"): it names the results folder and
 * is written to scenario.resolved.yaml, which must load again.
 */
function nameFrom(fileName: string): string {
  const name = fileName
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-+$/, '');
  return name === '' ? 'scenario' : name;
}

/**
 * When the schema fails somewhere, the subnets it accepts still get their cross-field checks, so that
 * one `validate` lists every problem instead of revealing the cross-field ones only once the rest is
 * fixed. A subnet with problems of its own is left out as a hole, which crossFieldProblems' forEach skips.
 */
function crossFieldProblemsOfValidSubnets(raw: Record<string, unknown>, file: string): ScenarioProblem[] {
  if (!Array.isArray(raw.subnets)) return [];
  const subnets: SubnetScenario[] = new Array(raw.subnets.length);
  raw.subnets.forEach((subnet: unknown, s) => {
    const parsed = subnetSchema.safeParse(subnet);
    if (parsed.success) subnets[s] = parsed.data;
  });
  return crossFieldProblems({ subnets } as Scenario, file);
}

/** The last `path=value` override whose path is `path` or one of its ancestors. */
function overrideOf(path: readonly PathSegment[], overrides: readonly string[]): string | undefined {
  for (let k = overrides.length - 1; k >= 0; k--) {
    const target = parsePath(overrides[k].slice(0, Math.max(0, overrides[k].indexOf('='))));
    if (target !== undefined && target.length <= path.length && target.every((seg, i) => seg === path[i])) {
      return overrides[k];
    }
  }
  return undefined;
}

export function parseScenarioText(text: string, file: string, options: ParseOptions): ParseResult {
  const loaded = parseYamlText(text, file);
  if (!loaded.ok) return loaded;
  let raw = loaded.value;
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      problems: [
        {
          file,
          path: [],
          message: 'a scenario is a mapping (key: value) at the top level',
          found: Array.isArray(raw) ? 'a list' : `a ${typeof raw}`,
        },
      ],
    };
  }
  // Top-level `x-…` keys are ignored: a place to keep YAML anchors (`x-base: &base {…}`, then `<<: *base`).
  const top = raw as Record<string, unknown>;
  for (const key of Object.keys(top)) if (key.startsWith('x-')) delete top[key];
  const overrideProblems = (options.overrides ?? []).flatMap((o) => applyOverride(raw, o, file) ?? []);
  if (options.seed !== undefined) (raw as Record<string, unknown>).seed = options.seed;
  if (overrideProblems.length > 0) return { ok: false, problems: overrideProblems };

  const parsed = scenarioSchema.safeParse(raw);
  const problems = parsed.success
    ? [
        ...inlineMarketData(parsed.data as Scenario, file, options.readText),
        ...crossFieldProblems(
          { ...parsed.data, name: parsed.data.name ?? nameFrom(options.defaultName) },
          file,
        ),
      ]
    : [
        ...withFieldHelp(
          withoutRepeats(issuesToProblems(parsed.error.issues, scenarioSchema, raw, file)),
          scenarioSchema,
        ),
        ...crossFieldProblemsOfValidSubnets(raw as Record<string, unknown>, file),
      ];
  if (problems.length > 0 || !parsed.success) {
    const locate = locator(text);
    for (const p of problems) {
      // A value that came from --set is not on any line of the file (whose line holds the old value).
      const override = overrideOf(p.path, options.overrides ?? []);
      if (override !== undefined) {
        p.file = `${file} (--set ${override})`;
        continue;
      }
      const position = locate(p.path);
      if (position !== undefined && p.line === undefined) Object.assign(p, position);
    }
    // In file order, as a reader fixes them (sort is stable: same-line problems keep their order).
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    return { ok: false, problems };
  }
  return { ok: true, scenario: { ...parsed.data, name: parsed.data.name ?? nameFrom(options.defaultName) } };
}
