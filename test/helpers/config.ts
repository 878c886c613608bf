import type {
  MinerGroup,
  QualityModel,
  SimulationConfig,
  SubnetConfig,
  ValidatorGroup,
} from '../../src/engine/config.ts';
import { createSimulation, type Simulation } from '../../src/engine/init.ts';
import type { NetworkConfig } from '../../src/engine/network/config.ts';
import { defaultMarketConfig, defaultNetworkConfig } from '../../src/engine/network/defaults.ts';
import type { SubnetState } from '../../src/engine/state.ts';
import type { SubnetStreams } from '../../src/engine/streams.ts';
import { newSubnetYumaParams } from '../../src/engine/yuma/defaults.ts';
import type { YumaParams } from '../../src/engine/yuma/types.ts';

/**
 * Engine configs built directly in TypeScript, for unit tests that should not pay for loading the
 * scenario parser (mathjs, zod). Defaults mirror src/scenario/schema.ts, except commit-reveal: off here,
 * so unit tests see set_weights land in the weights matrix at once (test/engine/commit-reveal.test.ts
 * turns it on); tests override what they use.
 * Scenario-level tests build configs from inline YAML instead (./scenario.ts).
 */

export function qualityModel(overrides: Partial<QualityModel> = {}): QualityModel {
  return {
    initial: { min: 0.3, max: 0.7 },
    drift: 0,
    noise: 0.01,
    release: { probability: 0.02, size: 0.05 },
    ...overrides,
  };
}

export function minerGroup(overrides: Partial<MinerGroup> = {}): MinerGroup {
  return {
    count: 1,
    behaviour: 'honest',
    stake: 0,
    quality: qualityModel(),
    copyLagEpochs: 3,
    cabal: null,
    ...overrides,
  };
}

export function validatorGroup(overrides: Partial<ValidatorGroup> = {}): ValidatorGroup {
  return {
    count: 1,
    behaviour: 'honest',
    stake: 1000,
    rootStake: 0,
    parent: null,
    noise: 0.1,
    bias: 0,
    tasks: 16,
    weights: { rule: 'proportional' },
    resubmitEveryEpochs: 10,
    cabal: null,
    cabalBoost: 0.5,
    ...overrides,
  };
}

export function yumaParams(overrides: Partial<YumaParams> = {}): YumaParams {
  return { ...newSubnetYumaParams(), ...overrides };
}

export function subnetConfig(overrides: Partial<SubnetConfig> = {}): SubnetConfig {
  return {
    netuid: 1,
    tempo: 360,
    maxUids: 256,
    immunityPeriod: 5000,
    minNonImmuneUids: 10,
    ownerCut: 11796 / 65535,
    initialAlphaIssuance: 0n,
    yuma: yumaParams(),
    arithmetic: 'float',
    commitReveal: { enabled: false, revealPeriodEpochs: 1 },
    validators: [validatorGroup()],
    miners: [minerGroup()],
    registration: { perDay: 0, miner: minerGroup({ count: 0 }) },
    market: defaultMarketConfig(),
    ...overrides,
  };
}

export function simulationConfig(
  subnet: Partial<SubnetConfig> = {},
  seed = 1,
  blocks = 1000,
): SimulationConfig {
  return { seed, blocks, subnets: [subnetConfig(subnet)], network: networkConfig() };
}

/**
 * The network of the engine tests: the defaults without root stake, so the validators' half is all
 * theirs (ρ = 0) and the foundation's per-subnet ledger (emitted = paid + pending) holds to the rao.
 */
export function networkConfig(overrides: Partial<NetworkConfig> = {}): NetworkConfig {
  const base = defaultNetworkConfig(1);
  return { ...base, root: { ...base.root, stake: 0 }, ...overrides };
}

/** The first subnet of a freshly initialised simulation (block 0), with its config and streams. */
export interface SubnetFixture {
  sim: Simulation;
  subnet: SubnetState;
  config: SubnetConfig;
  streams: SubnetStreams;
}

export function makeSubnet(subnet: Partial<SubnetConfig> = {}, seed = 1): SubnetFixture {
  const sim = createSimulation(simulationConfig(subnet, seed));
  return { sim, subnet: sim.state.subnets[0], config: sim.config.subnets[0], streams: sim.streams[0] };
}
