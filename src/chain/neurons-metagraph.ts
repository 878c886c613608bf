/**
 * The fallback for runtimes without the metagraph runtime APIs (replay.md §1.2): a metagraph rebuilt
 * under the Metagraph struct's field names from `get_neurons_lite` (per-uid fields) and storage
 * (the subnet's parameters, BlockAtRegistration). Raw values throughout; no unit conversion here.
 */

/** Metagraph field ← storage item (camelCase, as @polkadot/api names it), keyed by netuid. */
export const SUBNET_STORAGE_FIELDS: readonly [field: string, item: string][] = [
  ['tempo', 'tempo'],
  ['kappa', 'kappa'],
  ['bonds_moving_avg', 'bondsMovingAverage'],
  ['activity_cutoff', 'activityCutoff'],
  ['max_validators', 'maxAllowedValidators'],
  ['last_step', 'lastMechansimStepBlock'],
  ['blocks_since_last_step', 'blocksSinceLastStep'],
  ['liquid_alpha_enabled', 'liquidAlphaOn'],
  ['alpha_values', 'alphaValues'],
  ['max_uids', 'maxAllowedUids'],
  ['immunity_period', 'immunityPeriod'],
  ['commit_reveal_weights_enabled', 'commitRevealWeightsEnabled'],
  ['owner_hotkey', 'subnetOwnerHotkey'],
  ['networks_added', 'networksAdded'],
];

function sumStake(stake: unknown): number | string {
  if (!Array.isArray(stake)) return 0;
  let total = 0n;
  for (const entry of stake) if (Array.isArray(entry)) total += BigInt(entry[1] as number | string);
  return total <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(total) : total.toString();
}

/**
 * `neurons` (get_neurons_lite, snake_case), `subnet` (storage values by metagraph field name) and
 * `registrations` (BlockAtRegistration by uid) → a metagraph. Before dTAO a neuron's stake weight was
 * the TAO staked on it (Σ of its stake list), so it fills alpha_stake and total_stake.
 */
export function metagraphFromNeurons(
  netuid: number,
  block: number,
  neurons: readonly Record<string, unknown>[],
  subnet: Record<string, unknown>,
  registrations: ReadonlyMap<number, unknown>,
): Record<string, unknown> {
  let n = 0;
  for (const neuron of neurons) n = Math.max(n, Number(neuron.uid) + 1);
  const column = <T>(fill: T) => new Array<T | unknown>(n).fill(fill);
  const m: Record<string, unknown[]> = {
    hotkeys: column(''),
    coldkeys: column(''),
    active: column(false),
    validator_permit: column(false),
    last_update: column(0),
    emission: column(0),
    dividends: column(0),
    incentives: column(0),
    consensus: column(0),
    trust: column(0),
    rank: column(0),
    validator_trust: column(0),
    pruning_score: column(0),
    alpha_stake: column(0),
    tao_stake: column(0),
    total_stake: column(0),
    block_at_registration: column(0),
  };
  for (const neuron of neurons) {
    const uid = Number(neuron.uid);
    m.hotkeys[uid] = neuron.hotkey;
    m.coldkeys[uid] = neuron.coldkey;
    m.active[uid] = neuron.active;
    m.validator_permit[uid] = neuron.validator_permit;
    m.last_update[uid] = neuron.last_update;
    m.emission[uid] = neuron.emission;
    m.dividends[uid] = neuron.dividends;
    m.incentives[uid] = neuron.incentive;
    m.consensus[uid] = neuron.consensus;
    m.trust[uid] = neuron.trust;
    m.rank[uid] = neuron.rank;
    m.validator_trust[uid] = neuron.validator_trust;
    m.pruning_score[uid] = neuron.pruning_score;
    const stake = sumStake(neuron.stake);
    m.alpha_stake[uid] = stake;
    m.total_stake[uid] = stake;
    m.block_at_registration[uid] = registrations.get(uid) ?? 0;
  }
  const { alpha_values, networks_added: _added, ...params } = subnet;
  const [alphaLow, alphaHigh] = Array.isArray(alpha_values) ? alpha_values : [undefined, undefined];
  return {
    netuid,
    block,
    ...params,
    ...(alphaLow !== undefined ? { alpha_low: alphaLow, alpha_high: alphaHigh } : {}),
    num_uids: n,
    ...m,
  };
}
