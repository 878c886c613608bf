import { NEURON_COLUMNS } from '../output/rows.ts';
import type { ChartSpec } from './chart-spec.ts';
import { columnsOf, numberCell, scanCsv } from './read-csv.ts';
import { MAX_SUBNETS } from './subnet-series.ts';

/** One subnet's last epoch in neurons.csv: miners' incentive and validators' dividends. */
interface LastEpoch {
  epoch: number;
  incentive: number[];
  dividends: number[];
}

/** Who earns what: each role's shares at each subnet's last epoch, best first (neurons.csv). */
export async function distributionCharts(path: string): Promise<{ charts: ChartSpec[]; notes: string[] }> {
  const last = new Map<number, LastEpoch>();
  const found = await scanCsv(path, (cells, columns) => {
    const at = columnsOf(NEURON_COLUMNS, columns);
    const netuid = numberCell(cells, at('netuid'));
    const epoch = numberCell(cells, at('epoch'));
    if (netuid === null || epoch === null) return;
    let entry = last.get(netuid);
    if (entry === undefined || entry.epoch !== epoch) {
      if (entry !== undefined && entry.epoch > epoch) return;
      entry = { epoch, incentive: [], dividends: [] };
      last.set(netuid, entry);
    }
    const validator = cells[at('role')] === 'validator';
    const value = numberCell(cells, at(validator ? 'dividends' : 'incentive'));
    if (value !== null) (validator ? entry.dividends : entry.incentive).push(value);
  });
  if (!found) {
    return {
      charts: [],
      notes: ['neurons.csv was not written (output.neurons: false): no incentive or dividend distributions.'],
    };
  }
  const netuids = [...last.keys()].sort((a, b) => a - b).slice(0, MAX_SUBNETS);
  const ranked = (pick: (e: LastEpoch) => number[], id: string, title: string, role: string): ChartSpec => {
    const lists = netuids.map((n) => [...pick(last.get(n)!)].sort((a, b) => b - a));
    const longest = Math.max(0, ...lists.map((l) => l.length));
    return {
      id,
      title,
      description: `Each subnet’s ${role} at its last epoch, sorted from the largest: a steep curve means few take most.`,
      kind: 'line',
      x: { label: 'rank', values: Array.from({ length: longest }, (_, i) => i + 1) },
      y: { label: 'share' },
      series: netuids.map((n, k) => ({
        label: `netuid ${n}`,
        values: Array.from({ length: longest }, (_, i) => lists[k][i] ?? null),
      })),
    };
  };
  return {
    charts: [
      ranked(
        (e) => e.incentive,
        'incentive-distribution',
        'Incentive distribution (miners)',
        'miners’ incentive',
      ),
      ranked(
        (e) => e.dividends,
        'dividend-distribution',
        'Dividend distribution (validators)',
        'validators’ dividends',
      ),
    ],
    notes: [],
  };
}
