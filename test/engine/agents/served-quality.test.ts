import { describe, expect, it } from 'vitest';
import { servedQuality } from '../../../src/engine/agents/served-quality.ts';

// Rules: doc comment of served-quality.ts (honest serve their own model, copiers the best honest model
// `lag` epochs ago, idle nothing).
describe('servedQuality', () => {
  const history = [0.1, 0.2, 0.3, 0.4]; // best honest quality per epoch, newest last

  it('honest miners serve their own model', () => {
    expect(servedQuality('honest', 0.42, history, 3)).toBe(0.42);
  });

  it('idle miners serve nothing (NaN: no response)', () => {
    expect(servedQuality('idle', 0.42, history, 3)).toBeNaN();
  });

  it('copiers serve the best honest model as it was `lag` epochs ago', () => {
    expect(servedQuality('copier', 0.05, history, 0)).toBe(0.4);
    expect(servedQuality('copier', 0.05, history, 1)).toBe(0.3);
    expect(servedQuality('copier', 0.05, history, 2)).toBe(0.2);
    expect(servedQuality('copier', 0.05, history, 3)).toBe(0.1);
  });

  it('a lag longer than the history serves the oldest entry; no history serves their own model', () => {
    expect(servedQuality('copier', 0.05, history, 10)).toBe(0.1);
    expect(servedQuality('copier', 0.05, [], 2)).toBe(0.05);
  });
});
