import type { SimulationConfig } from '../engine/config.ts';
import type { PriceModel } from '../engine/market/price-model.ts';
import type { TimelineConfig } from '../engine/timeline.ts';
import { contributorConfig } from './compile-contributors.ts';
import { shocksOf, type ValidatorTemplate } from './compile-shocks.ts';
import type { Scenario } from './schema.ts';

/**
 * `market:`, `shocks:` (compile-shocks.ts) and `contributors:` (compile-contributors.ts) → the engine's
 * TimelineConfig. Undefined when the scenario has none of the three, so such a run is exactly what it
 * was without them.
 */

function priceModel(scenario: Scenario): PriceModel {
  const m = scenario.market?.tao_usd ?? { model: 'constant' as const, initial: 400 };
  switch (m.model) {
    case 'constant':
    case 'gbm':
    case 'merton':
      return m;
    case 'regimes': {
      const n = m.regimes.length;
      const names = m.regimes.map((r) => r.name);
      const transitions = new Float64Array(n * n);
      m.regimes.forEach((r, i) => {
        let leave = 0;
        for (const [to, p] of Object.entries(r.transitions)) {
          transitions[i * n + names.indexOf(to)] = p;
          leave += p;
        }
        transitions[i * n + i] = Math.max(0, 1 - leave);
      });
      const regimes = m.regimes.map(({ name, drift, volatility }) => ({ name, drift, volatility }));
      return {
        model: 'regimes',
        initial: m.initial,
        regimes,
        transitions,
        start: Math.max(0, names.indexOf(m.start ?? names[0])),
      };
    }
    case 'historical':
      // parse.ts reads `csv` into `points` when it loads the file (market-data.ts).
      if (m.points === undefined)
        throw new Error('historical TAO/USD series was not loaded (csv without points)');
      return { model: 'historical', points: m.points };
  }
}

/** The timeline of a scenario (mutates `config`'s subnets to add the groups shocks move neurons into). */
export function timelineConfig(
  scenario: Scenario,
  config: SimulationConfig,
  topValidators: ValidatorTemplate,
): TimelineConfig | undefined {
  if (scenario.market === undefined && scenario.shocks === undefined && scenario.contributors === undefined)
    return undefined;
  const indexOf = (netuid: number) => config.subnets.findIndex((s) => s.netuid === netuid);
  return {
    taoUsd: priceModel(scenario),
    shocks: shocksOf(scenario, config, topValidators),
    contributors: (scenario.contributors ?? []).map((c) => contributorConfig(c, indexOf)),
  };
}
