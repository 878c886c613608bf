import type { SimulationConfig, SubnetConfig } from '../../src/engine/config.ts';
import type { Simulation } from '../../src/engine/init.ts';
import type { SubnetMarket } from '../../src/engine/network/state.ts';
import { runSimulation } from '../../src/engine/run.ts';
import type { SubnetState } from '../../src/engine/state.ts';
import type { EpochRecord } from '../../src/engine/subnet-epoch.ts';

/**
 * Runs a simulation to its end. `onEpoch` sees every record while its arrays are still valid (the engine
 * reuses them from one epoch to the next). Returns the final simulation.
 */
export function runToEnd(config: SimulationConfig, onEpoch?: (record: EpochRecord) => void): Simulation {
  const run = runSimulation(config);
  let step = run.next();
  while (!step.done) {
    if (step.value.kind === 'epoch') onEpoch?.(step.value);
    step = run.next();
  }
  return step.value;
}

/** Where every rao a subnet has emitted sits at the end of a run. */
export interface Ledger {
  /** alpha_out emitted: alphaOutIssued − the initial outside alpha. */
  emitted: bigint;
  balances: bigint;
  departed: bigint;
  owner: bigint;
  burned: bigint;
  pending: bigint;
  /** Root stakers' alpha (claimable, claimed, sold or recycled). */
  root: bigint;
}

export function ledgerOf(subnet: SubnetState, config: SubnetConfig, market?: SubnetMarket): Ledger {
  let balances = 0n;
  for (let uid = 0; uid < subnet.n; uid++) balances += subnet.neurons.balance[uid];
  for (const bucket of [subnet.pendingServer, subnet.pendingValidator, subnet.pendingOwner]) {
    if (!Number.isSafeInteger(bucket)) throw new Error(`pending bucket is not an integer rao: ${bucket}`);
  }
  return {
    emitted: BigInt(subnet.alphaOutIssued) - config.initialAlphaIssuance,
    balances,
    departed: subnet.departedBalance,
    owner: subnet.ownerBalance,
    burned: subnet.burned,
    pending: BigInt(
      subnet.pendingServer + subnet.pendingValidator + subnet.pendingOwner + (market?.pendingRoot ?? 0),
    ),
    root: BigInt(market?.rootStakersAlpha ?? 0),
  };
}

/** "12.000000001" (alpha with 9 decimals, as in summary.json and the CSVs) → rao. */
export function raoOf(text: string): bigint {
  const match = /^(-?)(\d+)\.(\d{9})$/.exec(text);
  if (match === null) throw new Error(`not an alpha amount with 9 decimals: ${text}`);
  const rao = BigInt(match[2]) * 1_000_000_000n + BigInt(match[3]);
  return match[1] === '-' ? -rao : rao;
}
