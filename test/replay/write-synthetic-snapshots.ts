/**
 * Writes scenarios/data/synthetic-sn7.jsonl, the snapshot file scenarios/from-snapshot.yaml starts from:
 * `npx tsx test/replay/write-synthetic-snapshots.ts`. test/replay/synthetic-data.test.ts checks the
 * committed file is exactly what this writes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type SyntheticOptions, syntheticSnapshots } from './synthetic-chain.ts';

export const SCENARIO_DATA = fileURLToPath(
  new URL('../../scenarios/data/synthetic-sn7.jsonl', import.meta.url),
);
export const SCENARIO_DATA_OPTIONS: Partial<SyntheticOptions> = { n: 48, validators: 6, epochs: 2 };

export function scenarioDataText(): string {
  return syntheticSnapshots(SCENARIO_DATA_OPTIONS)
    .map((s) => `${JSON.stringify(s)}\n`)
    .join('');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(SCENARIO_DATA, scenarioDataText());
