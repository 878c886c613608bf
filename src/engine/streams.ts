import type { Rng } from './rng.ts';
import { createRngTable, createSimulationRng, type RngTable } from './rng-table.ts';

/**
 * Random streams of one subnet, each seeded from (scenario seed, subnet, concern), so a draw added to
 * one concern never shifts another's. Each miner's model has a stream of its own, keyed by the miner's
 * serial number (0, 1, … in order of seating, validators not counted): a registration, a pruning or an
 * extra validator never changes another miner's quality path.
 */
export interface SubnetStreams {
  /** Validators' evaluation noise and random weights. */
  evaluation: Rng;
  /** Registration arrival times. */
  registration: Rng;
  /** Row uid → the current occupant's model stream (initial quality and its evolution). */
  models: RngTable;
  /** Starts the model stream of the miner with serial number `serial`, now seated on `uid`, and returns it (models.at(uid)). */
  seatModel(uid: number, serial: number): Rng;
}

export function createSubnetStreams(seed: number, netuid: number, capacity: number): SubnetStreams {
  const models = createRngTable(capacity);
  return {
    evaluation: createSimulationRng(seed, `subnet/${netuid}/evaluation`),
    registration: createSimulationRng(seed, `subnet/${netuid}/registration`),
    models,
    seatModel(uid, serial) {
      models.seed(uid, seed, `subnet/${netuid}/miner/${serial}`);
      return models.at(uid);
    },
  };
}
