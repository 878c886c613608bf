import type { SimulationConfig } from './config.ts';
import { createSimulation, type Simulation } from './init.ts';
import { stepSubnetBlock } from './step.ts';
import { createEpochWorkspace, type EpochRecord } from './subnet-epoch.ts';

/**
 * Runs a simulation block by block and yields each subnet epoch as it happens, so the caller streams
 * results out and shows progress; the engine itself never writes anything. Returns the final simulation.
 */
export function* runSimulation(config: SimulationConfig): Generator<EpochRecord, Simulation, void> {
  const sim = createSimulation(config);
  const workspaces = config.subnets.map((s) => createEpochWorkspace(s.maxUids));
  for (let block = 1; block <= config.blocks; block++) {
    sim.state.block = block;
    for (let k = 0; k < config.subnets.length; k++) {
      const record = stepSubnetBlock(
        sim.state.subnets[k],
        config.subnets[k],
        block,
        sim.streams[k],
        workspaces[k],
      );
      if (record !== null) yield record;
    }
  }
  return sim;
}
