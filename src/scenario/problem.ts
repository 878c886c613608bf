import { formatPath, type PathSegment } from './locate.ts';

/** One thing wrong with a scenario file: where (file, path inside it, line), what was found, what is allowed. */
export interface ScenarioProblem {
  file: string;
  path: PathSegment[];
  line?: number;
  column?: number;
  message: string;
  found?: string;
  allowed?: string;
  /** What the field is, from the schema's description (helps when the unit was the mistake). */
  hint?: string;
}

/** `file:line:col subnets[0].validators.count: message (found -3; allowed: an integer ≥ 0)` */
export function formatProblem(p: ScenarioProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  const path = p.path.length > 0 ? formatPath(p.path) : '(top level)';
  const details: string[] = [];
  if (p.found !== undefined) details.push(`found ${p.found}`);
  if (p.allowed !== undefined) details.push(`allowed: ${p.allowed}`);
  const hint = p.hint !== undefined ? ` — ${p.hint}` : '';
  return `${where} ${path}: ${p.message}${details.length > 0 ? ` (${details.join('; ')})` : ''}${hint}`;
}

/** Short, single-line rendering of a found value. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON has no spelling for these (it would say null): YAML's .inf, .nan or 1e999.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Thrown by the loader's callers when a scenario cannot be used; carries every problem. */
export class ScenarioError extends Error {
  constructor(readonly problems: ScenarioProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
  }
}
