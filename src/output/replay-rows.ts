import { gini } from '../engine/metrics/statistics.ts';
import type { CounterfactualEpoch } from '../engine/replay/counterfactual.ts';
import { formatRao } from '../engine/units.ts';
import type { CsvCell } from './csv-sink.ts';
import { fraction, NEURON_COLUMNS, SUBNET_COLUMNS } from './rows.ts';

/**
 * A counterfactual replay epoch as rows of neurons.csv and subnet.csv, with `subnet-sim run`'s columns;
 * what a replay has no value for (behaviour, latent quality, owner cut, registrations) is left empty.
 * `hotkey` is the chain's (0x-hex public key), `role` validator for uids the chain had permitted.
 */

export { NEURON_COLUMNS, SUBNET_COLUMNS };

export function replayNeuronRows(e: CounterfactualEpoch, balance: BigInt64Array): CsvCell[][] {
  const { view, result } = e;
  const rows: CsvCell[][] = [];
  for (let uid = 0; uid < view.n; uid++) {
    const emitted = BigInt(result.serverEmission[uid] + result.validatorEmission[uid]);
    rows.push([
      e.block,
      e.epoch,
      view.netuid,
      uid,
      view.hotkeys[uid],
      view.validatorPermit[uid] === 1 ? 'validator' : 'miner',
      '',
      '',
      '',
      fraction(view.stake[uid]),
      result.validatorPermit[uid] === 1,
      result.active[uid] === 1,
      fraction(result.consensus[uid]),
      fraction(result.incentive[uid]),
      fraction(result.dividends[uid]),
      fraction(result.validatorTrust[uid]),
      formatRao(emitted),
      formatRao(balance[uid]),
    ]);
  }
  return rows;
}

export function replaySubnetRow(e: CounterfactualEpoch): CsvCell[] {
  const { view, result } = e;
  let validators = 0;
  let permitted = 0;
  let active = 0;
  let trust = 0;
  let paid = 0;
  const minerIncentive: number[] = [];
  for (let uid = 0; uid < view.n; uid++) {
    paid += result.serverEmission[uid] + result.validatorEmission[uid];
    if (view.validatorPermit[uid] !== 1) {
      minerIncentive.push(result.incentive[uid]);
      continue;
    }
    validators++;
    if (result.validatorPermit[uid]) permitted++;
    if (result.activeStake[uid] > 0) {
      active++;
      trust += result.validatorTrust[uid];
    }
  }
  const byColumn: Record<string, CsvCell> = {
    block: e.block,
    epoch: e.epoch,
    netuid: view.netuid,
    n: view.n,
    validators,
    miners: view.n - validators,
    permitted_validators: permitted,
    active_validators: active,
    distributed: formatRao(BigInt(Math.round(e.emission))),
    dust_rao: Math.round(e.emission - paid),
    incentive_gini: fraction(gini(minerIncentive)),
    mean_validator_trust: fraction(active > 0 ? trust / active : Number.NaN),
  };
  return SUBNET_COLUMNS.map((c) => byColumn[c] ?? '');
}
