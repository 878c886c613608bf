import { basename, extname } from 'node:path';
import { type Loaded, parseYamlText, readTextFile } from '../scenario/document.ts';
import { issuesToProblems, withFieldHelp, withoutRepeats } from '../scenario/issues.ts';
import { locator } from '../scenario/locate.ts';
import type { ScenarioProblem } from '../scenario/problem.ts';
import { sweepProblems } from './checks.ts';
import { type Sweep, sweepSchema } from './schema.ts';

/** Sweep text → a validated Sweep, or every problem found, located like a scenario's (file:line path). */
export function parseSweepText(text: string, file: string): Loaded<Sweep & { name: string }> {
  const loaded = parseYamlText(text, file);
  if (!loaded.ok) return loaded;
  const raw = loaded.value ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      problems: [{ file, path: [], message: 'a sweep is a mapping (key: value) at the top level' }],
    };
  }
  const parsed = sweepSchema.safeParse(raw);
  const problems: ScenarioProblem[] = parsed.success
    ? sweepProblems(parsed.data, file)
    : withFieldHelp(
        withoutRepeats(issuesToProblems(parsed.error.issues, sweepSchema, raw, file)),
        sweepSchema,
      );
  if (problems.length > 0 || !parsed.success) {
    const locate = locator(text);
    for (const p of problems) if (p.line === undefined) Object.assign(p, locate(p.path) ?? {});
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    return { ok: false, problems };
  }
  return { ok: true, value: { ...parsed.data, name: parsed.data.name ?? basename(file, extname(file)) } };
}

/** Reads and validates a sweep file; a missing file is a problem, not a crash. */
export async function readSweepFile(file: string): Promise<Loaded<Sweep & { name: string }>> {
  const text = await readTextFile(file);
  return text.ok ? parseSweepText(text.value, file) : text;
}
