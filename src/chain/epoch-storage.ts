import type { QueryableStorageEntry } from '@polkadot/api/types';
import type { StorageKey } from '@polkadot/types';
import { storageIndex } from '../engine/replay/chain-units.ts';
import type { SparseRows } from '../engine/replay/snapshot.ts';
import { codecToJson } from './codec-json.ts';
import type { At } from './metagraph.ts';

/**
 * What the epoch reads from storage that no metagraph carries: the `Weights` and `Bonds` rows of the
 * mechanism (double maps keyed by storage index mechid·4096 + netuid and uid, replay.md §1.5), and the
 * hyper-parameters the metagraph leaves out (yuma.md §6). Keys come from `state_getKeysPaged` (one page
 * per 1 000 rows); all values, hyper-parameters included, from `state_queryStorageAt` in chunks of 250.
 */

/** Snapshot name ← storage item (as @polkadot/api names it), keyed by netuid or global (plain). */
export const EPOCH_HYPERPARAMS: readonly { name: string; item: string; keyed: boolean }[] = [
  { name: 'yuma3_on', item: 'yuma3On', keyed: true },
  { name: 'bonds_penalty', item: 'bondsPenalty', keyed: true },
  { name: 'alpha_sigmoid_steepness', item: 'alphaSigmoidSteepness', keyed: true },
  { name: 'stake_threshold', item: 'stakeThreshold', keyed: false },
  { name: 'activity_cutoff_factor_milli', item: 'activityCutoffFactorMilli', keyed: true },
  { name: 'bonds_reset_on', item: 'bondsResetOn', keyed: true },
  { name: 'mechanism_count', item: 'mechanismCountCurrent', keyed: true },
  { name: 'tao_weight', item: 'taoWeight', keyed: false },
];

/** Values per state_queryStorageAt, as @polkadot/api pages `.entries()` (its PAGE_SIZE_V). */
const VALUES_PER_REQUEST = 250;

export interface EpochStorage {
  weights: SparseRows;
  bonds: SparseRows;
  hyperparams: Record<string, unknown>;
}

type Entry = QueryableStorageEntry<'promise'>;
type MultiArg = Entry | [Entry, ...unknown[]];

function rowsOf(keys: StorageKey[], values: unknown[]): SparseRows {
  const rows: SparseRows = keys.map((key, k) => [
    Number(codecToJson(key.args[1])),
    values[k] as [number, number][],
  ]);
  return rows.sort((a, b) => a[0] - b[0]);
}

export async function readEpochStorage(at: At, netuid: number, mechid: number): Promise<EpochStorage> {
  const q = at.query.subtensorModule;
  const index = storageIndex(netuid, mechid);
  const [weightKeys, bondKeys] = await Promise.all([q.weights.keys(index), q.bonds.keys(index)]);
  const hyper = EPOCH_HYPERPARAMS.filter((h) => q[h.item] !== undefined);
  const queries: MultiArg[] = [
    ...hyper.map((h): MultiArg => (h.keyed ? [q[h.item], netuid] : q[h.item])),
    ...weightKeys.map((key): MultiArg => [q.weights, key.args]),
    ...bondKeys.map((key): MultiArg => [q.bonds, key.args]),
  ];
  const chunks: MultiArg[][] = [];
  for (let k = 0; k < queries.length; k += VALUES_PER_REQUEST) {
    chunks.push(queries.slice(k, k + VALUES_PER_REQUEST));
  }
  const values = (await Promise.all(chunks.map((chunk) => at.queryMulti(chunk)))).flat().map(codecToJson);
  const hyperparams: Record<string, unknown> = {};
  hyper.forEach((h, k) => {
    hyperparams[h.name] = values[k];
  });
  const w0 = hyper.length;
  const b0 = w0 + weightKeys.length;
  return {
    hyperparams,
    weights: rowsOf(weightKeys, values.slice(w0, b0)),
    bonds: rowsOf(bondKeys, values.slice(b0)),
  };
}
