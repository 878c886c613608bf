import { BLOCKS_PER_DAY } from '../engine/units.ts';
import { NETWORK_COLUMNS } from '../output/network-rows.ts';
import type { ChartSpec } from './chart-spec.ts';
import { columnsOf, numberCell, readCsv } from './read-csv.ts';

const SERIES: [(typeof NETWORK_COLUMNS)[number], string][] = [
  ['total_stake', 'staked (pools + root)'],
  ['root_stake', 'on root'],
  ['staker_free_tao', 'stakers’ free TAO'],
];

/** Where the network's TAO sits over time (network.csv). */
export async function networkCharts(path: string): Promise<ChartSpec[]> {
  const table = await readCsv(path);
  if (table === null || table.rows.length === 0) return [];
  const column = columnsOf(NETWORK_COLUMNS, table.columns);
  return [
    {
      id: 'network-stake',
      title: 'Stake across the network',
      description:
        'TAO staked in the subnets’ pools and on root, and the free TAO of the modelled stakers, at each sample (network.csv).',
      kind: 'line',
      x: { label: 'day', values: table.rows.map((r) => Number(r[column('block')]) / BLOCKS_PER_DAY) },
      y: { label: 'TAO' },
      series: SERIES.filter(([name]) => column(name) >= 0).map(([name, label]) => ({
        label,
        values: table.rows.map((r) => numberCell(r, column(name))),
      })),
    },
  ];
}
