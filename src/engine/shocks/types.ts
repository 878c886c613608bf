/**
 * Scripted shocks on the run's timeline (compensation.md §1 "Markets and shocks"), as the engine sees
 * them: blocks, rao and subnet indexes (position in SimulationConfig.subnets). Each is recorded in the
 * event log when it fires. Spread shocks (`overBlocks` > 0) act in equal chunks across their window.
 */

export type Shock =
  /** TAO/USD moves by `change` (−0.5 = halves), at once or geometrically across the window. */
  | { kind: 'tao_usd'; block: number; overBlocks: number; change: number; label: string }
  /** Holders outside the model sell `alpha` rao into the subnet's pool. */
  | { kind: 'sell_pressure'; block: number; overBlocks: number; subnet: number; alpha: number; label: string }
  /** `fraction` of every stake on the subnet (neurons' own and stakers' positions) is unstaked and sold. */
  | {
      kind: 'stake_flight';
      block: number;
      overBlocks: number;
      subnet: number;
      fraction: number;
      label: string;
    }
  /** The validator on `uid` unstakes and sells its own stake and stops setting weights (moves to `group`). */
  | { kind: 'validator_leaves'; block: number; subnet: number; uid: number; group: number; label: string }
  /** A validator of `group` registers (next free uid, or by pruning) and stakes `tao` rao through the pool. */
  | { kind: 'validator_arrives'; block: number; subnet: number; tao: number; group: number; label: string }
  /** Validators and miners (uids, with the group each moves to) form the cabal `name`. */
  | {
      kind: 'cabal_forms';
      block: number;
      subnet: number;
      name: string;
      validators: { uid: number; group: number }[];
      miners: { uid: number; group: number }[];
      label: string;
    }
  /** Miners' latent quality jumps (`change`, added) or is set (`set`), clamped to [0, 1]; uids or all. */
  | {
      kind: 'miner_quality';
      block: number;
      subnet: number;
      miners: number[] | 'all';
      change: number | null;
      set: number | null;
      label: string;
    };

export type ShockKind = Shock['kind'];
