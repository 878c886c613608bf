import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isChainSnapshot } from '../../src/engine/replay/snapshot.ts';
import { SCENARIO_DATA, scenarioDataText } from './write-synthetic-snapshots.ts';

describe('scenarios/data/synthetic-sn7.jsonl', () => {
  it('is exactly what test/replay/write-synthetic-snapshots.ts writes (ours, reproducible, no chain data)', () => {
    const text = readFileSync(SCENARIO_DATA, 'utf8');
    expect(text).toBe(scenarioDataText());
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.every(isChainSnapshot)).toBe(true);
    expect(lines.every((s) => s.source === 'synthetic' && /^synthetic:/.test(s.notes[0]))).toBe(true);
  });
});
