// A piscina worker: one RunSpec in, one RunOutcome out (runTask in src/sweep/simulate.ts). It registers tsx itself,
// as bin/subnet-sim.mjs does, because a worker thread does not inherit the main thread's module hooks.
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('../src/sweep/simulate.ts');

export default runTask;
