import { MINER_BEHAVIOURS, VALIDATOR_BEHAVIOURS } from '../engine/config.ts';
import type { EpochMetrics } from '../engine/metrics/epoch-metrics.ts';
import { ROLE_VALIDATOR } from '../engine/state.ts';
import type { EpochRecord } from '../engine/subnet-epoch.ts';
import { formatRao } from '../engine/units.ts';
import type { CsvCell } from './csv-sink.ts';

/**
 * The columns of neurons.csv and subnet.csv and how an epoch becomes rows. Token amounts are alpha with
 * 9 exact decimals (from integer rao); fractions are rounded to 9 decimals so files stay readable.
 */

export const NEURON_COLUMNS = [
  'block',
  'epoch',
  'netuid',
  'uid',
  'hotkey',
  'role',
  'behaviour',
  'quality',
  'served_quality',
  'stake',
  'validator_permit',
  'active',
  'consensus',
  'incentive',
  'dividends',
  'validator_trust',
  'emission',
  'balance',
] as const;

export const SUBNET_COLUMNS = [
  'block',
  'epoch',
  'netuid',
  'n',
  'validators',
  'miners',
  'permitted_validators',
  'active_validators',
  'distributed',
  'owner_cut',
  'dust_rao',
  'registrations',
  'pruned',
  'mean_quality',
  'best_quality',
  'quality_incentive_correlation',
  'incentive_gini',
  'best_miner_incentive',
  'mean_validator_trust',
  'cabal_incentive_share',
  ...MINER_BEHAVIOURS.map((b) => `incentive_share_${b}`),
  ...VALIDATOR_BEHAVIOURS.map((b) => `dividend_share_${b}`),
] as const;

/** Dollars rounded to the cent; a non-finite value (no price) becomes an empty cell. */
export const usd = (x: number): CsvCell => (Number.isFinite(x) ? Number(x.toFixed(2)) : '');

/** A fraction rounded to 9 decimals; NaN (no value, e.g. a validator's quality) becomes an empty cell. */
export function fraction(x: number): CsvCell {
  return Number.isNaN(x) ? '' : Number(x.toFixed(9));
}

/** Calls `emit` with each uid's row of neurons.csv. */
export async function neuronRows(
  record: EpochRecord,
  emit: (row: CsvCell[]) => Promise<void>,
): Promise<void> {
  const { result, subnet } = record;
  const nt = subnet.neurons;
  for (let uid = 0; uid < record.n; uid++) {
    const validator = nt.role[uid] === ROLE_VALIDATOR;
    await emit([
      record.block,
      record.epoch,
      record.netuid,
      uid,
      nt.hotkey[uid],
      validator ? 'validator' : 'miner',
      validator ? VALIDATOR_BEHAVIOURS[nt.behaviour[uid]] : MINER_BEHAVIOURS[nt.behaviour[uid]],
      fraction(nt.quality[uid]),
      fraction(nt.served[uid]),
      fraction(record.stake[uid]),
      result.validatorPermit[uid] === 1,
      result.active[uid] === 1,
      fraction(result.consensus[uid]),
      fraction(result.incentive[uid]),
      fraction(result.dividends[uid]),
      fraction(result.validatorTrust[uid]),
      formatRao(BigInt(result.serverEmission[uid] + result.validatorEmission[uid])),
      formatRao(nt.balance[uid]),
    ]);
  }
}

export function subnetRow(record: EpochRecord, m: EpochMetrics): CsvCell[] {
  return [
    record.block,
    record.epoch,
    record.netuid,
    record.n,
    m.validators,
    m.miners,
    m.permitted_validators,
    m.active_validators,
    formatRao(BigInt(record.distributed)),
    formatRao(BigInt(record.ownerCut)),
    record.dust,
    record.registrations,
    record.pruned,
    fraction(m.mean_quality),
    fraction(m.best_quality),
    fraction(m.quality_incentive_correlation),
    fraction(m.incentive_gini),
    fraction(m.best_miner_incentive),
    fraction(m.mean_validator_trust),
    fraction(m.cabal_incentive_share),
    ...MINER_BEHAVIOURS.map((b) => fraction(m.incentive_share[b])),
    ...VALIDATOR_BEHAVIOURS.map((b) => fraction(m.dividend_share[b])),
  ];
}
