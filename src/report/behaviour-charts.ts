import type { ChartSpec } from './chart-spec.ts';

/** Subnets given a "who earns what" chart (one chart each). */
const MAX_BEHAVIOUR_CHARTS = 3;

interface BehaviourFigures {
  count: number;
  share: number;
}

interface SubnetSummaryPart {
  netuid: number;
  miners?: Record<string, BehaviourFigures>;
  validators?: Record<string, BehaviourFigures>;
}

/**
 * Who earns what, by behaviour (summary.json): each behaviour's share of its role's emission over the
 * run, for the behaviours present at the end or paid during it.
 */
export function behaviourCharts(summary: { subnets?: SubnetSummaryPart[] }): ChartSpec[] {
  return (summary.subnets ?? []).slice(0, MAX_BEHAVIOUR_CHARTS).flatMap((s): ChartSpec[] => {
    const bars: [string, number][] = [];
    for (const [role, figures] of [
      ['miners', s.miners],
      ['validators', s.validators],
    ] as const) {
      for (const [behaviour, f] of Object.entries(figures ?? {})) {
        if (f.count > 0 || f.share > 0) bars.push([`${role}: ${behaviour}`, f.share]);
      }
    }
    if (bars.length === 0) return [];
    return [
      {
        id: `behaviours-${s.netuid}`,
        title: `Who earns what in netuid ${s.netuid}, by behaviour`,
        description:
          'Each behaviour’s share of its role’s emission over the whole run (summary.json): miners’ shares add up to 1, validators’ too.',
        kind: 'bars',
        x: { label: 'behaviour', values: bars.map((_, i) => i) },
        y: { label: 'share of the role’s emission' },
        categories: bars.map(([name]) => name),
        series: [{ label: 'share', values: bars.map(([, share]) => share) }],
      },
    ];
  });
}
