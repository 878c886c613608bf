/**
 * One line of a `replay fetch` file: a subnet's state at one block as the chain stores it. Every
 * integer is raw (u16 fractions, rao, blocks), as a JSON number when it is at most 2⁵³ − 1 and as its
 * decimal text above that; unit conversions happen in chain-units.ts and nowhere else.
 */

/** A chain integer: a number up to 2⁵³ − 1, its decimal text beyond. */
export type ChainInt = number | string;

/** Sparse rows of a `Weights` or `Bonds` map: [row uid, [[column uid, u16], …]], rows in uid order. */
export type SparseRows = [number, [number, number][]][];

export const SNAPSHOT_FORMAT = 'subnet-sim/chain-snapshot@1';

/** Where the metagraph part came from (replay.md §1): the first the runtime at that block offers. */
export type MetagraphSource =
  | 'get_selective_mechagraph'
  | 'get_metagraph'
  | 'get_neurons_lite'
  | 'get_neurons_lite_bytes'
  /** fetched with --what weights: no metagraph */
  | 'none'
  | 'synthetic';

export interface ChainSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  block: number;
  hash: string;
  spec_version: number;
  netuid: number;
  /** Mechanism id (sub-subnet); Weights/Bonds are read at storage index mechid·4096 + netuid. */
  mechid: number;
  source: MetagraphSource;
  /** How the runtime schedules epochs (epoch-schedule.ts), told by the runtime APIs it offers. */
  epoch_rule?: 'modulo' | 'dynamic';
  /**
   * Every field of the chain's Metagraph struct, snake_case, raw (account ids as 0x-hex public keys).
   * From get_neurons_lite the per-uid fields are rebuilt under the same names and the subnet's
   * parameters come from storage.
   */
  metagraph: Record<string, unknown>;
  /** `Weights` rows (stored u16, max-upscaled at set_weights), when fetched with --what weights|all. */
  weights?: SparseRows;
  /** `Bonds` rows (u16) left by the last epoch, when fetched with --what weights|all. */
  bonds?: SparseRows;
  /** Storage items the epoch reads that the metagraph does not carry (Yuma3On, BondsPenalty, …), raw. */
  hyperparams?: Record<string, unknown>;
  /** What the fetch could not read, or read from a fallback, in words. */
  notes?: string[];
}

/** A snapshot file line as parsed JSON, checked just enough to be used safely. */
export function isChainSnapshot(value: unknown): value is ChainSnapshot {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<ChainSnapshot>;
  return (
    v.format === SNAPSHOT_FORMAT &&
    Number.isInteger(v.block) &&
    Number.isInteger(v.netuid) &&
    typeof v.metagraph === 'object' &&
    v.metagraph !== null
  );
}
