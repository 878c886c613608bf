import { createRng, type Rng } from './rng.ts';

/** One random stream per concern per subnet, so a draw added to one concern never shifts another's. */
export interface SubnetStreams {
  /** Initial miner qualities and their evolution. */
  quality: Rng;
  /** Validators' evaluation noise and random weights. */
  evaluation: Rng;
  /** Registration arrival times and newcomers' draws. */
  registration: Rng;
}

export function createSubnetStreams(seed: number, netuid: number): SubnetStreams {
  return {
    quality: createRng(seed, `subnet/${netuid}/quality`),
    evaluation: createRng(seed, `subnet/${netuid}/evaluation`),
    registration: createRng(seed, `subnet/${netuid}/registration`),
  };
}
