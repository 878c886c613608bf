/** The CLI's exit codes: every failure maps to one of these. */
export const EXIT_OK = 0;
/** An internal error (a bug, or the machine failed us: disk full, permissions). */
export const EXIT_INTERNAL = 1;
/** Bad input: a scenario problem, a bad option, a missing file. */
export const EXIT_BAD_INPUT = 2;
/** Interrupted by Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/** Thrown for bad input the user can fix; the message is printed as is, without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
