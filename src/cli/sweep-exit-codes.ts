import { EXIT_INTERNAL } from './exit-codes.ts';

/**
 * Exit codes shared by `sweep` and `merge`, in a module of their own so that `merge` does not load the
 * sweep command (and with it piscina and the engine) for a constant.
 */

/** Some runs failed (their rows say why): exit 1, as for any job that did not fully succeed. */
export const EXIT_RUNS_FAILED = EXIT_INTERNAL;
