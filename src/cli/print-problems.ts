import { formatProblem, type ScenarioProblem } from '../scenario/problem.ts';

/** Prints every scenario problem, one a line, then a count. */
export function printProblems(
  problems: readonly ScenarioProblem[],
  stream: NodeJS.WritableStream = process.stderr,
): void {
  for (const p of problems) stream.write(`error: ${formatProblem(p)}\n`);
  stream.write(`${problems.length} problem${problems.length === 1 ? '' : 's'} found\n`);
}
