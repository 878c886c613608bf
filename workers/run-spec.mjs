// A piscina worker: one RunSpec in, one RunOutcome out (runTask), or the sweep's point checks
// (checkPoints), from src/sweep/worker-tasks.ts. It loads the bundle of the current sources
// (bin/bundle.mjs), or registers tsx itself, as bin/subnet-sim.mjs does: a worker thread does not
// inherit the main thread's module hooks.
import { fileURLToPath } from 'node:url';
import { bundled } from '../bin/bundle.mjs';

const worker = await bundled('worker');
let tasks;
if (worker !== undefined) {
  tasks = await import(worker);
} else {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  tasks = await import('../src/sweep/worker-tasks.ts');
}

export const { checkPoints } = tasks;
export default tasks.runTask;
