import { describe, expect, it } from 'vitest';
import { epochScriptParams, runEpochScript } from '../../../src/engine/yuma/epoch-script.ts';
import type { EpochScript } from '../../../src/engine/yuma/epoch-script-types.ts';

/** Two validators, two miners, Yuma3 with a constant α = 0.1 (so bond values are easy to follow). */
function script(steps: EpochScript['steps']): EpochScript {
  return {
    n: 4,
    stake: [1, 1, 0, 0],
    params: { tempo: 1, activity_cutoff: 100, max_allowed_validators: 4, yuma3: true },
    block_at_registration: [0, 0, 0, 0],
    validator_permit: [true, true, false, false],
    steps,
  };
}
const both = (block: number) => ({
  block,
  set_weights: [
    { uid: 0, uids: [2, 3], values: [1, 1] },
    { uid: 1, uids: [2, 3], values: [1, 1] },
  ],
});

describe('runEpochScript', () => {
  it('carries bonds from step to step (Yuma3: B = α·W + (1 − α)·B⁰)', () => {
    const out = runEpochScript(script([both(1), { block: 2 }]));
    // Epoch 1: 0.1·0.5 → ⌊0.05·65535⌋ = 3276. Epoch 2: 0.05 + 0.9·3276/65535 → 6225.
    expect(out[0]!.bonds_u16[0]).toEqual({ 2: 3276, 3: 3276 });
    expect(out[1]!.bonds_u16[0]).toEqual({ 2: 6225, 3: 6225 });
  });

  it('reset_bond_column clears the incoming bonds before the epoch', () => {
    const out = runEpochScript(script([both(1), { block: 2, reset_bond_column: [3] }]));
    expect(out[1]!.bonds_u16[0]).toEqual({ 2: 6225, 3: 3276 });
    expect(out[1]!.bonds_u16[1]).toEqual({ 2: 6225, 3: 3276 });
  });

  it('"epoch": false applies the step without an epoch and returns null for it', () => {
    const out = runEpochScript(script([{ ...both(1), epoch: false }, { block: 2 }]));
    expect(out[0]).toBeNull();
    expect(out[1]!.bonds_u16[0]).toEqual({ 2: 3276, 3: 3276 });
  });

  it('replace empties the uid: stake 0, no permit, own bonds gone, incoming weights outdated', () => {
    const out = runEpochScript(script([both(1), { block: 3, replace: [1], replace_block: 2 }]));
    const r = out[1]!;
    expect(r.stake).toEqual([1, 0, 0, 0]);
    expect(r.new_validator_permit).toEqual([true, false, false, false]);
    expect(r.bonds_u16[1]).toEqual({});
    // uid 1 lost its permit by the replacement, so only uid 0 votes and earns dividends.
    expect(r.active_stake).toEqual([1, 0, 0, 0]);
    expect(r.dividends).toEqual([1, 0, 0, 0]);
  });

  it('a replaced miner: weights set before its registration are outdated, and its bond column is masked', () => {
    const out = runEpochScript(script([both(1), { block: 3, replace: [3], replace_block: 2 }]));
    const r = out[1]!;
    // last_update 1 ≤ reg 2 → both weights on uid 3 are deleted, so the rows renormalise to {2: 1};
    // last_tempo = 3 − 1 = 2 ≤ reg 2 → the bond column 3 is masked and nothing re-forms it.
    // Bond on 2: 0.1·1 + 0.9·3276/65535 = 0.144990… → 9501.
    expect(r.incentive).toEqual([0, 0, 1, 0]);
    expect(r.bonds_u16[0]).toEqual({ 2: 9501 });
  });

  it('does not mutate the script', () => {
    const s = script([both(1), { block: 2, reset_bond_column: [3] }, { block: 3, replace: [2] }]);
    const copy = structuredClone(s);
    runEpochScript(s);
    expect(s).toEqual(copy);
  });

  it('rejects malformed scripts', () => {
    expect(() => runEpochScript({ ...script([]), stake: [1] })).toThrow(/stake/);
    expect(() =>
      runEpochScript(script([{ block: 1, set_weights: [{ uid: 9, uids: [0], values: [1] }] }])),
    ).toThrow(/uid 9/);
  });

  it('converts the chain encodings and fills absent keys from param_defaults_if_absent, then chain defaults', () => {
    const p = epochScriptParams({
      ...script([]),
      params: { tempo: 360, kappa: 32767 },
      param_defaults_if_absent: { bonds_penalty: 0, alpha_low: 6553 },
    });
    expect(p.kappa).toBe(32767 / 65535);
    expect(p.bondsPenalty).toBe(0);
    expect(p.liquidAlpha.alphaLow).toBe(6553 / 65535);
    expect(p.liquidAlpha.alphaHigh).toBe(58982 / 65535);
    expect(p.bondsMovingAverage).toBe(900_000);
    expect(p.activityCutoff).toBe(5000);
    expect(p.version).toBe('yuma1');
    expect(p.sparseLiquidAlpha).toBe(true);
    expect(epochScriptParams(script([]), { sparseLiquidAlpha: false }).sparseLiquidAlpha).toBe(false);
  });
});
