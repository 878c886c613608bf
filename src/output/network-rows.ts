import type { NetworkSample } from '../engine/network/sample.ts';
import { spotPrice } from '../engine/pool/pool.ts';
import { formatRao, formatRaoNumber } from '../engine/units.ts';
import type { CsvCell } from './csv-sink.ts';
import { fraction } from './rows.ts';

/**
 * network.csv (one row per sample) and subnets.csv (one row per sample and subnet). Token amounts are
 * TAO or alpha with 9 exact decimals; prices are TAO per alpha.
 */

export const NETWORK_COLUMNS = [
  'block',
  'total_issuance',
  'block_emission',
  'total_stake',
  'root_stake',
  'fee_sink',
  'outside_tao',
  'staker_free_tao',
  'other_subnets_share',
] as const;

export function networkRow(sample: NetworkSample): CsvCell[] {
  const { ledger, markets, stakers } = sample.network;
  let pools = 0;
  for (const m of markets) pools += m.pool.tao;
  let free = 0;
  for (let k = 0; k < stakers.count; k++) free += stakers.balance[k];
  return [
    sample.block,
    formatRao(ledger.totalIssuance),
    formatRaoNumber(sample.network.blockEmission),
    formatRaoNumber(pools + ledger.rootStake),
    formatRaoNumber(ledger.rootStake),
    formatRaoNumber(ledger.feeSink),
    formatRao(ledger.outside),
    formatRaoNumber(free),
    fraction(sample.network.otherShare),
  ];
}

export const SUBNETS_COLUMNS = [
  'block',
  'netuid',
  'price',
  'moving_price',
  'tao_reserve',
  'alpha_reserve',
  'alpha_weight',
  'alpha_outstanding',
  'protocol_alpha',
  'emission_share',
  'tao_in',
  'alpha_in',
  'excess_tao',
  'alpha_emission',
  'owner_cut',
  'root_alpha',
  'root_dividends',
  'root_claimable',
  'miner_burned',
  'registration_burn',
  'registrations',
  'dividend_yield',
  'tao_flow_ema',
] as const;

export function subnetMarketRows(sample: NetworkSample): CsvCell[][] {
  return sample.network.markets.map((m, k) => [
    sample.block,
    sample.state.subnets[k].netuid,
    fraction(spotPrice(m.pool)),
    fraction(m.movingPrice),
    formatRaoNumber(m.pool.tao),
    formatRaoNumber(m.pool.alpha),
    fraction(1 - m.pool.quoteWeight),
    formatRaoNumber(m.alphaOut),
    formatRaoNumber(m.protocolAlpha),
    fraction(m.share),
    formatRaoNumber(m.taoIn),
    formatRaoNumber(m.alphaIn),
    formatRaoNumber(m.excessTao),
    formatRaoNumber(m.alphaEmission),
    formatRaoNumber(m.ownerCutBlock),
    formatRaoNumber(m.rootAlphaBlock),
    formatRaoNumber(m.rootDividends),
    formatRaoNumber(m.rootClaimable),
    fraction(m.minerBurned),
    formatRaoNumber(m.burn),
    m.registrationsPaid,
    fraction(m.dividendYield),
    formatRaoNumber(Math.round(m.flowEma)),
  ]);
}
