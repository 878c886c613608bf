import type { SimulationConfig } from '../../src/engine/config.ts';
import { createSimulation } from '../../src/engine/init.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import { type ParseOptions, parseScenarioText } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import type { SubnetFixture } from './config.ts';

/**
 * Shared test helpers: scenarios written inline as YAML go through the real parser and compiler, so a
 * test's config is exactly what `subnet-sim run` would hand the engine.
 */

export type YamlOptions = Partial<Omit<ParseOptions, 'defaultName'>> & { defaultName?: string };

/** Inline YAML → validated Scenario; throws with every problem listed when the text is invalid. */
export function scenarioFromYaml(text: string, options: YamlOptions = {}): Scenario {
  const parsed = parseScenarioText(text, 'inline.yaml', { defaultName: 'inline', ...options });
  if (!parsed.ok) {
    const lines = parsed.problems.map(
      (p) => `${p.path.join('.')}: ${p.message}${p.found === undefined ? '' : ` (found ${p.found})`}`,
    );
    throw new Error(`inline scenario is invalid:\n${lines.join('\n')}`);
  }
  return parsed.scenario;
}

/** Inline YAML → the engine's SimulationConfig. */
export function configFromYaml(text: string, options: YamlOptions = {}): SimulationConfig {
  return compileScenario(scenarioFromYaml(text, options));
}

export function subnetFromYaml(text: string, options: YamlOptions = {}): SubnetFixture {
  const sim = createSimulation(configFromYaml(text, options));
  return { sim, subnet: sim.state.subnets[0], config: sim.config.subnets[0], streams: sim.streams[0] };
}
