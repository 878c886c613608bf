/** What a sweep's worker thread (workers/run-spec.mjs) offers: runs, and the checks before them. */
export { checkPoints } from './point-check.ts';
export { runTask } from './simulate.ts';
