import { chainNumber, raoToAlpha } from './chain-units.ts';
import type { ChainSnapshot } from './snapshot.ts';

/**
 * A snapshot's per-uid fields as typed arrays in the simulator's units (through chain-units.ts), and
 * its subnet-level numbers. Field names are the chain's Metagraph struct's (replay.md §1.3).
 */
export interface SubnetView {
  block: number;
  netuid: number;
  n: number;
  tempo: number;
  /** LastMechansimStepBlock: block of the last epoch. */
  lastStep: number;
  /** Hotkeys as 0x-hex public keys, per uid. */
  hotkeys: string[];
  /** Stake weight the epoch uses (alpha + TaoWeight·root, inherited stake included), alpha. */
  stake: Float64Array;
  /** Alpha staked on the hotkey, and TAO it has on root, per uid (alpha / TAO). */
  alphaStake: Float64Array;
  taoStake: Float64Array;
  /** Stored u16 outputs of the last epoch. */
  incentiveU16: Float64Array;
  dividendsU16: Float64Array;
  consensusU16: Float64Array;
  /** Emission of the last epoch per uid, rao. */
  emissionRao: Float64Array;
  active: Uint8Array;
  validatorPermit: Uint8Array;
  lastUpdate: Float64Array;
  blockAtRegistration: Float64Array;
}

/** A snapshot that lacks a field the caller needs; the message names it. */
export class SnapshotFieldError extends Error {
  override name = 'SnapshotFieldError';
}

/** A subnet-level number of the metagraph, or an error naming the field. */
export function metagraphNumber(snapshot: ChainSnapshot, field: string): number {
  const value = chainNumber(snapshot.metagraph[field]);
  if (Number.isNaN(value))
    throw new SnapshotFieldError(`block ${snapshot.block}: the snapshot's metagraph has no ${field}`);
  return value;
}

function perUid<T extends Float64Array | Uint8Array>(
  snapshot: ChainSnapshot,
  field: string,
  n: number,
  make: (n: number) => T,
  convert: (v: unknown) => number,
): T {
  const raw = snapshot.metagraph[field];
  if (!Array.isArray(raw) || raw.length !== n) {
    const found = Array.isArray(raw) ? `${raw.length} entries` : 'nothing';
    throw new SnapshotFieldError(
      `block ${snapshot.block}: the snapshot's metagraph ${field} has ${found}, expected one per uid (${n})`,
    );
  }
  const out = make(n);
  for (let i = 0; i < n; i++) out[i] = convert(raw[i]);
  return out;
}

const f64 = (n: number) => new Float64Array(n);
const u8 = (n: number) => new Uint8Array(n);
const flag = (v: unknown) => (v === true ? 1 : 0);

export function subnetView(snapshot: ChainSnapshot): SubnetView {
  const hotkeys = snapshot.metagraph.hotkeys;
  if (!Array.isArray(hotkeys))
    throw new SnapshotFieldError(`block ${snapshot.block}: the snapshot's metagraph has no hotkeys`);
  const n = hotkeys.length;
  return {
    block: snapshot.block,
    netuid: snapshot.netuid,
    n,
    tempo: metagraphNumber(snapshot, 'tempo'),
    lastStep: metagraphNumber(snapshot, 'last_step'),
    hotkeys: hotkeys.map(String),
    stake: perUid(snapshot, 'total_stake', n, f64, raoToAlpha),
    alphaStake: perUid(snapshot, 'alpha_stake', n, f64, raoToAlpha),
    taoStake: perUid(snapshot, 'tao_stake', n, f64, raoToAlpha),
    incentiveU16: perUid(snapshot, 'incentives', n, f64, chainNumber),
    dividendsU16: perUid(snapshot, 'dividends', n, f64, chainNumber),
    consensusU16: perUid(snapshot, 'consensus', n, f64, chainNumber),
    emissionRao: perUid(snapshot, 'emission', n, f64, chainNumber),
    active: perUid(snapshot, 'active', n, u8, flag),
    validatorPermit: perUid(snapshot, 'validator_permit', n, u8, flag),
    lastUpdate: perUid(snapshot, 'last_update', n, f64, chainNumber),
    blockAtRegistration: perUid(snapshot, 'block_at_registration', n, f64, chainNumber),
  };
}

/** The subnet-level numbers a fetch plan needs (tempo, last epoch), without the per-uid arrays. */
export function subnetViewNumbers(snapshot: ChainSnapshot): { tempo: number; lastStep: number } {
  return { tempo: metagraphNumber(snapshot, 'tempo'), lastStep: metagraphNumber(snapshot, 'last_step') };
}
