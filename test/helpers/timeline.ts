import type { PackageState } from '../../src/engine/compensation/state.ts';
import { timelineSummary } from '../../src/engine/compensation/summary.ts';
import type { Simulation } from '../../src/engine/init.ts';
import type { TimelineState } from '../../src/engine/timeline.ts';
import { runToEnd } from './run.ts';
import { configFromYaml } from './scenario.ts';

/**
 * Scenarios with markets, shocks and contributors, run in this process on a small network (one subnet
 * of 2 validators and 4 miners, 100 000 alpha held outside the model) unless the YAML says otherwise.
 */
export const SMALL_NETWORK = `
output: { neurons: false }
subnets:
  - alpha_issuance: 100000
    validators: { count: 2 }
    miners: { count: 4, quality: { noise: 0, release: { probability: 0 } } }
`;

export interface TimelineRun {
  sim: Simulation;
  timeline: TimelineState;
  summary: ReturnType<typeof timelineSummary>;
  /** Contributor c's package named `name` (an unhedged twin: `name (unhedged)`). */
  pkg(name: string, c?: number): PackageState;
  /** summary.json's figures of that package. */
  values(
    name: string,
    c?: number,
  ): NonNullable<
    ReturnType<typeof timelineSummary>['compensation']
  >['contributors'][number]['packages'][number];
}

export function runTimeline(yaml: string, network = SMALL_NETWORK): TimelineRun {
  const config = configFromYaml(`${network}\n${yaml}`);
  const sim = runToEnd(config);
  const timeline = sim.timeline!;
  const summary = timelineSummary(
    timeline,
    config.subnets.map((s) => s.netuid),
  );
  return {
    sim,
    timeline,
    summary,
    pkg: (name, c = 0) => timeline.compensation!.contributors[c].packages.find((p) => p.name === name)!,
    values: (name, c = 0) => summary.compensation!.contributors[c].packages.find((p) => p.package === name)!,
  };
}

export const RAO = 1_000_000_000;
