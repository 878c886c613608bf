import type { SimulationConfig, SubnetConfig } from './config.ts';
import { createNetworkState } from './network/init.ts';
import type { NetworkState } from './network/state.ts';
import { seatSnapshot } from './replay/subnet-seed.ts';
import type { NeuronTable, SimulationState, SubnetState } from './state.ts';
import { createSubnetStreams, type SubnetStreams } from './streams.ts';
import { nextArrivalBlock } from './subnet/registration.ts';
import { seatMiner, seatValidator } from './subnet/seat-neuron.ts';
import type { TimelineState } from './timeline.ts';

function emptyNeurons(capacity: number): NeuronTable {
  return {
    hotkey: new Int32Array(capacity).fill(-1),
    role: new Uint8Array(capacity),
    group: new Int16Array(capacity),
    behaviour: new Uint8Array(capacity),
    initialStake: new Float64Array(capacity),
    balance: new BigInt64Array(capacity),
    stakeAlpha: new Float64Array(capacity),
    shares: new Float64Array(capacity),
    ownShares: new Float64Array(capacity),
    rootStake: new Float64Array(capacity),
    quality: new Float64Array(capacity),
    served: new Float64Array(capacity),
    blockAtRegistration: new Float64Array(capacity),
    lastUpdate: new Float64Array(capacity),
    validatorPermit: new Uint8Array(capacity),
    emission: new Float64Array(capacity),
    nextSubmitEpoch: new Float64Array(capacity),
  };
}

/** A subnet at block 0: validators on uids 0…, then miners, all registered at block 0. */
function initialSubnet(config: SubnetConfig, streams: SubnetStreams): SubnetState {
  const capacity = config.maxUids;
  const subnet: SubnetState = {
    netuid: config.netuid,
    capacity,
    n: 0,
    weights: new Float64Array(capacity * capacity),
    weightsPresent: new Uint8Array(capacity * capacity),
    commits: config.commitReveal.enabled
      ? {
          period: config.commitReveal.revealPeriodEpochs,
          ring: new Int32Array(capacity).fill(-1),
          rows: [],
          block: [],
          epoch: [],
        }
      : null,
    bonds: new Float64Array(capacity * capacity),
    neurons: emptyNeurons(capacity),
    // A new subnet starts with LastEpochBlock = now − (netuid mod tempo) so subnets are staggered (emissions.md §1.1).
    lastEpochBlock: -(config.netuid % config.tempo),
    epochsRun: 0,
    alphaOutIssued: Number(config.initialAlphaIssuance),
    pendingServer: 0,
    pendingValidator: 0,
    pendingOwner: 0,
    ownerBalance: 0n,
    burned: 0n,
    departedBalance: 0n,
    departedStake: 0,
    departedPerShare: new Map(),
    lastPaid: new Float64Array(capacity),
    lastConsensus: new Float64Array(capacity),
    bestQualityHistory: [],
    nextRegistrationBlock: Number.POSITIVE_INFINITY,
    nextHotkey: 0,
    minersSeated: 0,
    registrationsSinceEpoch: 0,
    prunedSinceEpoch: 0,
  };
  // A subnet started from a chain snapshot has groups of count 0: the snapshot seats its uids.
  if (config.initialState !== undefined) seatSnapshot(subnet, config, config.initialState, streams);
  config.validators.forEach((group, g) => {
    for (let k = 0; k < group.count; k++) {
      subnet.neurons.hotkey[subnet.n] = subnet.nextHotkey++;
      seatValidator(subnet, subnet.n++, group, g);
    }
  });
  config.miners.forEach((group, g) => {
    for (let k = 0; k < group.count; k++) {
      subnet.neurons.hotkey[subnet.n] = subnet.nextHotkey++;
      seatMiner(subnet, subnet.n, group, g, streams.seatModel(subnet.n, subnet.minersSeated++));
      subnet.n++;
    }
  });
  // Registration opens at the first epoch: before it every emission is 0 and the pruning rule would pick
  // uid 0 by its tie-breaks, replacing established neurons for no reason the model means to show.
  const firstEpochBlock = subnet.lastEpochBlock + config.tempo;
  subnet.nextRegistrationBlock = nextArrivalBlock(
    firstEpochBlock,
    config.registration.perDay,
    streams.registration,
  );
  return subnet;
}

export interface Simulation {
  config: SimulationConfig;
  state: SimulationState;
  streams: SubnetStreams[];
  network: NetworkState;
  /** The TAO/USD path, event log and contributors (set by the runner when the config has a timeline). */
  timeline?: TimelineState;
}

export function createSimulation(config: SimulationConfig): Simulation {
  const streams = config.subnets.map((s) => createSubnetStreams(config.seed, s.netuid, s.maxUids));
  const subnets = config.subnets.map((s, k) => initialSubnet(s, streams[k]));
  const network = createNetworkState(config.network, subnets, config.subnets);
  return { config, state: { block: 0, subnets }, streams, network };
}
