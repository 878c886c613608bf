import { BLOCKS_PER_DAY } from '../engine/units.ts';
import { SUBNETS_COLUMNS } from '../output/network-rows.ts';
import type { ChartSpec } from './chart-spec.ts';
import { columnsOf, numberCell, scanCsv } from './read-csv.ts';

/** At most this many subnets per chart: those with the largest mean emission share. */
export const MAX_SUBNETS = 10;

/** subnets.csv as series: per netuid and column, one value per sample (null where absent). */
interface SubnetSeries {
  days: number[];
  netuids: number[];
  value(netuid: number, column: string): (number | null)[];
}

const COLUMNS = ['emission_share', 'price', 'tao_reserve', 'tao_flow_ema'] as const;

async function readSubnetSeries(path: string): Promise<SubnetSeries | null> {
  const blockIndex = new Map<number, number>();
  const blocks: number[] = [];
  const data = new Map<number, Map<string, (number | null)[]>>();
  const found = await scanCsv(path, (cells, columns) => {
    const at = columnsOf(SUBNETS_COLUMNS, columns);
    const block = numberCell(cells, at('block'));
    const netuid = numberCell(cells, at('netuid'));
    if (block === null || netuid === null) return;
    let row = blockIndex.get(block);
    if (row === undefined) {
      row = blocks.length;
      blockIndex.set(block, row);
      blocks.push(block);
    }
    let series = data.get(netuid);
    if (series === undefined) {
      series = new Map(COLUMNS.map((c) => [c, []]));
      data.set(netuid, series);
    }
    for (const c of COLUMNS) series.get(c)![row] = numberCell(cells, at(c));
  });
  if (!found || blocks.length === 0) return null;
  return {
    days: blocks.map((b) => b / BLOCKS_PER_DAY),
    netuids: [...data.keys()],
    value: (netuid, column) => Array.from(blocks, (_, i) => data.get(netuid)?.get(column)?.[i] ?? null),
  };
}

function meanOf(values: (number | null)[]): number {
  let sum = 0;
  for (const v of values) sum += v ?? 0;
  return values.length > 0 ? sum / values.length : 0;
}

/** Emission shares, prices, pool depth and TAO flows of the subnets over time (subnets.csv). */
export async function subnetCharts(path: string): Promise<{ charts: ChartSpec[]; notes: string[] }> {
  const s = await readSubnetSeries(path);
  if (s === null) return { charts: [], notes: ['subnets.csv is missing or empty: no subnet charts.'] };
  const meanShare = new Map(s.netuids.map((n) => [n, meanOf(s.value(n, 'emission_share'))]));
  const ranked = [...s.netuids].sort((a, b) => meanShare.get(b)! - meanShare.get(a)! || a - b);
  const shown = ranked.slice(0, MAX_SUBNETS).sort((a, b) => a - b);
  const which =
    shown.length < s.netuids.length
      ? ` The ${shown.length} of ${s.netuids.length} subnets with the largest mean emission share.`
      : '';
  const chart = (id: string, title: string, column: string, y: string, description: string): ChartSpec => ({
    id,
    title,
    description: description + which,
    kind: 'line',
    x: { label: 'day', values: s.days },
    y: { label: y },
    series: shown.map((netuid) => ({ label: `netuid ${netuid}`, values: s.value(netuid, column) })),
  });
  return {
    charts: [
      chart(
        'emission-shares',
        'Emission shares over time',
        'emission_share',
        'share of block emission',
        'Each subnet’s share of the TAO block emission at each sample (subnets.csv emission_share).',
      ),
      chart(
        'prices',
        'Alpha prices over time',
        'price',
        'TAO per alpha',
        'Spot price of each subnet’s pool (subnets.csv price).',
      ),
      chart(
        'pool-depth',
        'Stake in the pools: TAO reserves',
        'tao_reserve',
        'TAO',
        'TAO in each subnet’s pool: stakes flow in, unstakes out (subnets.csv tao_reserve).',
      ),
      chart(
        'stake-flows',
        'Stake flows: net TAO flow into each subnet',
        'tao_flow_ema',
        'TAO per block (EMA)',
        'Moving average of the TAO staked into minus unstaked from each subnet (subnets.csv tao_flow_ema); below 0, stake is leaving.',
      ),
    ],
    notes: [],
  };
}
