/**
 * Every field of the simulation state, by shape and unit. Per-uid arrays are sized to the subnet's
 * MaxAllowedUids (capacity); only uids below `n` are registered. Matrices are capacity×capacity,
 * row-major (validator i, uid j at i*capacity + j).
 */

export const ROLE_VALIDATOR = 0;
export const ROLE_MINER = 1;

export interface NeuronTable {
  /** Per uid → unique neuron (hotkey) id; a new occupant gets a new id. */
  hotkey: Int32Array;
  /** Per uid → ROLE_VALIDATOR or ROLE_MINER. */
  role: Uint8Array;
  /** Per uid → index of its group in the subnet config (validators[] or miners[]); -1 = newcomer. */
  group: Int16Array;
  /** Per uid → index into MINER_BEHAVIOURS or VALIDATOR_BEHAVIOURS. */
  behaviour: Uint8Array;
  /** Per uid → stake the neuron started with, alpha. */
  initialStake: Float64Array;
  /** Per uid → alpha earned by the current occupant (auto-staked, as on chain), rao. */
  balance: BigInt64Array;
  /** Per uid → alpha staked on the hotkey by everyone (its share pool, network/hotkey-stake.ts), rao. */
  stakeAlpha: Float64Array;
  /** Per uid → shares of the hotkey's pool outstanding, and those held by the neuron's own coldkey. */
  shares: Float64Array;
  ownShares: Float64Array;
  /** Per uid → TAO the hotkey has on root (counts w·root in its stake weight), rao. */
  rootStake: Float64Array;
  /** Per uid → latent quality of the neuron's own model (miners), in [0, 1]. */
  quality: Float64Array;
  /** Per uid → quality of what the miner served this epoch (copiers serve a copy; idle serve nothing). */
  served: Float64Array;
  /** Per uid → block at which the current occupant registered. */
  blockAtRegistration: Float64Array;
  /** Per uid → block of the last set_weights, or of the last weight commit when commit-reveal is on. */
  lastUpdate: Float64Array;
  /** Per uid → validator permit from the last epoch. */
  validatorPermit: Uint8Array;
  /** Per uid → combined emission of the last epoch, rao (pruning reads it). */
  emission: Float64Array;
  /** Per uid → epoch index at which a lazy validator next re-submits. */
  nextSubmitEpoch: Float64Array;
}

/**
 * Weights committed but not yet revealed (commit-reveal on; yuma.md §3.15). Each committing uid owns a
 * ring of `period` slots; the commit made at epoch e lives in slot e mod period and is revealed (copied
 * into the weights matrix) at epoch e + period, before that epoch's commits, so a slot is always free
 * when its uid commits again. Rings are allocated the first time a uid commits (only validators do), so
 * memory is committing uids × period × capacity × 2 bytes (64 validators, period 100, 1024 uids: 13 MB).
 */
export interface WeightCommits {
  /** RevealPeriodEpochs: slots per ring. */
  period: number;
  /** Per uid → index of its ring in `rows`/`block`/`epoch`, or -1 until it first commits. */
  ring: Int32Array;
  /** Per ring → period × capacity committed u16 weights, slot-major (slot s, uid j at s*capacity + j); 0 = no entry. */
  rows: Uint16Array[];
  /** Per ring → per slot, block of the commit (its last_update stamp). */
  block: Float64Array[];
  /** Per ring → per slot, epoch index of the commit, or -1 when the slot is empty. */
  epoch: Float64Array[];
}

export interface SubnetState {
  netuid: number;
  capacity: number;
  /** Registered uids (0 … n−1). */
  n: number;
  /** capacity² → stored u16 weights. */
  weights: Float64Array;
  /** capacity² → 1 where a weight entry exists. */
  weightsPresent: Uint8Array;
  /** Pending weight commits, or null when commit-reveal is off (weights are set directly). */
  commits: WeightCommits | null;
  /** capacity² → stored u16 bonds. */
  bonds: Float64Array;
  neurons: NeuronTable;
  /** Block of the last epoch (LastEpochBlock); the first epoch fires when block − this ≥ tempo. */
  lastEpochBlock: number;
  /** Whether any epoch has run (the Yuma bond mask differs before the first). */
  epochsRun: number;
  /** Alpha held outside the model at the start plus every alpha_out emitted since (no pool alpha), rao. */
  alphaOutIssued: number;
  /** PendingServerEmission, PendingValidatorEmission, PendingOwnerCut: rao accumulated since the last epoch. */
  pendingServer: number;
  pendingValidator: number;
  pendingOwner: number;
  /** Owner's accumulated cut, rao. */
  ownerBalance: bigint;
  /** Rao drained at an epoch but paid to nobody: floor dust of the split, or all of it when no uid has stake to be paid. */
  burned: bigint;
  /** Alpha earned by neurons that were later deregistered, rao. */
  departedBalance: bigint;
  /** Alpha left on the pools of deregistered hotkeys (still their holders'), rao. */
  departedStake: number;
  /** Hotkey id → alpha per share of its pool when it was deregistered (only pools stakers held shares in). */
  departedPerShare: Map<number, number>;
  /** Per uid → alpha credited to the neuron at the last epoch (incentive, dividends, takes), rao. */
  lastPaid: Float64Array;
  /** Last epoch's consensus per uid (weight copiers submit it). */
  lastConsensus: Float64Array;
  /** Best honest latent quality of each past epoch, newest last (copiers read it with a lag). */
  bestQualityHistory: number[];
  /** Next block at which a miner registers. */
  nextRegistrationBlock: number;
  /** Next hotkey id to hand out. */
  nextHotkey: number;
  /** Miners seated so far: the next miner's serial number (it keys the miner's model stream). */
  minersSeated: number;
  /** Registrations and deregistrations since the last epoch. */
  registrationsSinceEpoch: number;
  prunedSinceEpoch: number;
}

export interface SimulationState {
  /** Current block (the last one stepped). */
  block: number;
  subnets: SubnetState[];
}
