/**
 * Points validation errors at the scenario file: maps a path such as subnets[0].validators.count
 * back to a line and column in the YAML (or JSON, which YAML reads too) source. When the path does
 * not exist (a missing required field), the error points at the deepest ancestor that does.
 * Also converts paths to and from their text form, used in messages and by `--set key=value`.
 */

import type { Document, Node } from 'yaml';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

export type PathSegment = string | number;
export interface SourcePosition {
  line: number;
  column: number;
}

function positionOf(node: Node | null | undefined, lines: LineCounter): SourcePosition | undefined {
  const start = node?.range?.[0];
  if (start === undefined) return undefined;
  const { line, col } = lines.linePos(start);
  return { line, column: col };
}

function resolve(node: unknown, doc: Document): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

/** True for the empty value of `key:`, whose zero-width range sits after the colon. */
function isEmptyValue(node: unknown): boolean {
  return isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
}

/** 1-based position of the value at `path`, or of the nearest ancestor that exists. */
export function locate(source: string, path: readonly PathSegment[]): SourcePosition | undefined {
  return locator(source)(path);
}

/** `locate` for many paths in one source: parses it once (a file with n problems would otherwise take n parses). */
export function locator(source: string): (path: readonly PathSegment[]) => SourcePosition | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, logLevel: 'silent' });
  return (path) => locateIn(doc, lines, path);
}

function locateIn(
  doc: Document,
  lines: LineCounter,
  path: readonly PathSegment[],
): SourcePosition | undefined {
  let node = resolve(doc.contents, doc);
  // Where to point should the next step fail: the key that introduced `node` reads better than the
  // value, which for a block map starts on the line below.
  let fallback = positionOf(node as Node, lines);
  for (const segment of path) {
    let child: unknown;
    let key: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => {
        const name = isScalar(item.key) ? item.key.value : item.key;
        return name !== null && name !== undefined && String(name) === String(segment);
      });
      if (pair === undefined) return fallback;
      [key, child] = [pair.key, pair.value];
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      child = node.items[segment];
    } else {
      return fallback;
    }
    child = resolve(child, doc);
    const keyPosition = positionOf(key as Node, lines);
    const valuePosition = positionOf(child as Node, lines);
    if (valuePosition === undefined || isEmptyValue(child)) return keyPosition ?? fallback;
    node = child;
    fallback = keyPosition ?? valuePosition;
  }
  return positionOf(node as Node, lines);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** ['subnets', 0, 'validators', 'count'] → "subnets[0].validators.count"; odd keys become ["…"]. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

// One step after the first: `.name`, `[3]` or `["any key"]`.
const STEP = /^(?:\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;
const FIRST = /^([A-Za-z_][A-Za-z0-9_-]*)/;

/** Inverse of formatPath: "subnets[0].tempo" → ['subnets', 0, 'tempo']; undefined if malformed. */
export function parsePath(text: string): PathSegment[] | undefined {
  const path: PathSegment[] = [];
  let rest = text.trim();
  const first = FIRST.exec(rest);
  if (first !== null) {
    path.push(first[1]);
    rest = rest.slice(first[0].length);
  }
  while (rest !== '') {
    const step = STEP.exec(rest);
    if (step === null) return undefined;
    if (step[1] !== undefined) {
      if (path.length === 0) return undefined; // a leading "." has nothing to follow
      path.push(step[1]);
    } else if (step[2] !== undefined) {
      const index = Number(step[2]);
      if (!Number.isSafeInteger(index)) return undefined;
      path.push(index);
    } else {
      try {
        path.push(JSON.parse(step[3]) as string);
      } catch {
        return undefined;
      }
    }
    rest = rest.slice(step[0].length);
  }
  return path.length === 0 ? undefined : path;
}
