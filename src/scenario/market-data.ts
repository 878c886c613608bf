import { dirname, join } from 'node:path';
import { type Loaded, readTextFileSync } from './document.ts';
import type { PathSegment } from './locate.ts';
import { parsePriceCsv } from './price-csv.ts';
import type { ScenarioProblem } from './problem.ts';
import type { Scenario } from './schema.ts';

/**
 * Data files a scenario refers to (a historical TAO/USD CSV) are read when the scenario is loaded and
 * put into it as `points`, so the engine gets data and does no I/O, and scenario.resolved.yaml carries
 * the series itself (the run id then changes with the data, and the resolved file runs anywhere).
 */

/** Reads a file named relative to the scenario file. */
export type ReadText = (relativePath: string) => Loaded<string> & { path?: string };

/** A reader of files next to `scenarioFile`. */
export function fileReader(scenarioFile: string): ReadText {
  return (relative) => {
    const path = join(dirname(scenarioFile), relative);
    return { ...readTextFileSync(path), path };
  };
}

/** Reads the scenario's data files into it (mutates `scenario`); the problems if they cannot be used. */
export function inlineMarketData(
  scenario: Scenario,
  file: string,
  read: ReadText | undefined,
): ScenarioProblem[] {
  const m = scenario.market?.tao_usd;
  if (
    scenario.market === undefined ||
    m?.model !== 'historical' ||
    m.csv === undefined ||
    m.points !== undefined
  )
    return [];
  const path: PathSegment[] = ['market', 'tao_usd', 'csv'];
  if (read === undefined)
    return [
      {
        file,
        path,
        message: 'a CSV series is read when the scenario is loaded from its file',
        found: JSON.stringify(m.csv),
        allowed: 'points: [{day, price}, …] inline, or run the file itself',
      },
    ];
  const text = read(m.csv);
  if (!text.ok)
    return [
      {
        file,
        path,
        message: `cannot read the CSV: ${text.problems[0]?.message ?? 'error'}`,
        found: JSON.stringify(text.path ?? m.csv),
        allowed: 'a CSV file, relative to the scenario file',
      },
    ];
  const parsed = parsePriceCsv(text.value, text.path ?? m.csv, path, m.start);
  if (!parsed.ok) return parsed.problems;
  const { csv, ...rest } = m;
  scenario.market.tao_usd = { ...rest, points: parsed.points, source: csv };
  return [];
}
