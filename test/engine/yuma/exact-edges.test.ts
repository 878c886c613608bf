/**
 * Edge cases of spec §3 through epoch scripts in exact (I32F32) mode, with integers worked out by hand
 * from the chain's fixed-point rules (§4: multiply floors, divide truncates, u16 = ⌊x·65535⌋), and the
 * float epoch within the README tolerances of them. In the comments, raw(x) is x·2³², and
 * α = 1 − 900 000/10⁶ computed in I64F64 then truncated: raw 429 496 729 (0.0999999998…).
 *   ⌊α·½·65535⌋ = 3276, ⌊α·65535⌋ = 6553.
 */
import { describe, expect, it } from 'vitest';
import { runEpochScript } from '../../../src/engine/yuma/epoch-script.ts';
import type { EpochScript, EpochStepOutputs } from '../../../src/engine/yuma/epoch-script-types.ts';
import { referenceChecks } from './case-check.ts';

const E = 1_000_000_000;

/** Both arithmetics; float must be within the README tolerances of exact at every step. */
function run(script: EpochScript): EpochStepOutputs[] {
  const exact = runEpochScript(script, { arithmetic: 'exact' });
  const float = runEpochScript(script, { arithmetic: 'float' });
  exact.forEach((e, k) => {
    const f = float[k];
    if (e === null || f === null) return;
    const off = referenceChecks(f, e, script.steps[k].emission ?? E).filter(
      (c) => !(Math.abs(c.actual - c.expected) <= c.tol),
    );
    expect(off, `float vs exact, step ${k}`).toEqual([]);
    expect(f.new_validator_permit).toEqual(e.new_validator_permit);
  });
  return exact as EpochStepOutputs[];
}

/** Validators 0 and 1 (stake 3 : 1, permitted), miners 2 and 3; Yuma3 unless overridden. */
function subnet(
  params: EpochScript['params'],
  steps: EpochScript['steps'],
  stake = [3e9, 1e9, 0, 0],
): EpochScript {
  return {
    n: 4,
    stake,
    params: { tempo: 10, activity_cutoff: 100, max_allowed_validators: 64, yuma3: true, ...params },
    block_at_registration: [0, 0, 0, 0],
    validator_permit: [true, true, false, false],
    steps,
  };
}

describe('§3.12 fallbacks', () => {
  it('all-zero weights: Z = 0, validators get ⌊A·E⌋, miners and bonds nothing', () => {
    const [r] = run(subnet({}, [{ block: 10 }]));
    expect(r.consensus).toEqual([0, 0, 0, 0]);
    expect(r.incentive).toEqual([0, 0, 0, 0]);
    expect(r.dividends).toEqual([0, 0, 0, 0]);
    expect(r.validator_emission).toEqual([750_000_000, 250_000_000, 0, 0]);
    expect(r.emission).toEqual([750_000_000, 250_000_000, 0, 0]);
    expect(r.server_emission).toEqual([0, 0, 0, 0]);
    expect(r.bonds_u16).toEqual([{}, {}, {}, {}]);
    // S = 0 for the miners: no new permit (§3.3 top-K of the non-zero stakes).
    expect(r.new_validator_permit).toEqual([true, true, false, false]);
  });

  it('zero stake everywhere: S = A = 0, nobody votes, no permits, and the emission is paid to nobody', () => {
    const weights = [{ uid: 0, uids: [2, 3], values: [1, 2] }];
    const [r] = run(subnet({ yuma3: false }, [{ block: 10, set_weights: weights }], [0, 0, 0, 0]));
    expect(r.stake).toEqual([0, 0, 0, 0]);
    expect(r.consensus).toEqual([0, 0, 0, 0]);
    expect(r.emission).toEqual([0, 0, 0, 0]);
    expect(r.validator_emission).toEqual([0, 0, 0, 0]);
    expect(r.new_validator_permit).toEqual([false, false, false, false]);
    expect(r.bonds_u16).toEqual([{}, {}, {}, {}]);
  });

  it('everyone outdated: weights set at the miners’ registration block are deleted (§3.5 step 3)', () => {
    const script = subnet({}, [
      {
        block: 10,
        set_at_block: 5,
        set_weights: [
          { uid: 0, uids: [2, 3], values: [1, 1] },
          { uid: 1, uids: [2, 3], values: [1, 1] },
        ],
      },
    ]);
    script.block_at_registration = [0, 0, 5, 5];
    const [r] = run(script);
    expect(r.consensus).toEqual([0, 0, 0, 0]);
    expect(r.emission).toEqual([750_000_000, 250_000_000, 0, 0]);
  });
});

describe('n = 1', () => {
  const one = (owner: boolean): EpochScript => ({
    n: 1,
    stake: [5],
    params: { tempo: 10, activity_cutoff: 100, max_allowed_validators: 64 },
    block_at_registration: [0],
    validator_permit: [true],
    ...(owner ? { owner_uid: 0 } : {}),
    steps: [{ block: 10, set_weights: [{ uid: 0, uids: [0], values: [65535] }] }],
  });
  it('its self-weight is deleted: emergency mode pays all of E to it', () => {
    const [r] = run(one(false));
    expect(r.consensus).toEqual([0]);
    expect(r.emission).toEqual([E]);
    expect(r.bonds_u16).toEqual([{}]);
  });
  it('as the owner it keeps the self-weight: I = D = 1, E split in halves, bond 65535 (original Yuma)', () => {
    const [r] = run(one(true));
    expect(r.consensus).toEqual([1]);
    expect(r.incentive).toEqual([1]);
    expect(r.dividends).toEqual([1]);
    expect(r.server_emission).toEqual([E / 2]);
    expect(r.validator_emission).toEqual([E / 2]);
    expect(r.emission).toEqual([E]);
    // B = α·ΔB, column-normalised to α/α = 1 exactly, max-upscaled to 65535.
    expect(r.bonds_u16).toEqual([{ 0: 65535 }]);
  });
});

describe('§3.3 permits', () => {
  const four = (stake: number[], k: number, steps: EpochScript['steps']): EpochScript => ({
    n: 4,
    stake,
    params: { tempo: 10, activity_cutoff: 100, max_allowed_validators: k, yuma3: true },
    block_at_registration: [0, 0, 0, 0],
    validator_permit: [true, true, true, true],
    steps,
  });
  it('K smaller than the validators: the top K stakes; the others lose their weights next epoch', () => {
    const weights = [
      { uid: 1, uids: [3], values: [65535] },
      { uid: 0, uids: [2], values: [65535] },
    ];
    const [first, second] = run(
      four([4e9, 1e9, 3e9, 2e9], 2, [{ block: 10 }, { block: 20, set_weights: weights }]),
    );
    expect(first.new_validator_permit).toEqual([true, false, true, false]);
    // In the second epoch only uids 0 and 2 are permitted: uid 1's weight on 3 is masked (§3.5
    // step 1); uid 2 sets none and votes 0, outweighed by uid 0 (4/7 of A): C_2 = 1, C_3 = 0.
    expect(second.incentive).toEqual([0, 0, 1, 0]);
    expect(second.active_stake[0]).toBeCloseTo(4 / 7, 9);
    expect(second.active_stake[1]).toBe(0);
  });
  it('ties in the top K: the stable ascending sort drops the lower uid first', () => {
    // Ascending by S: uid 3 (1/16), then uids 0, 1, 2 (5/16 each, in uid order); n − K = 2 dropped.
    const [r] = run(four([5e9, 5e9, 5e9, 1e9], 2, [{ block: 10 }]));
    expect(r.new_validator_permit).toEqual([false, true, true, false]);
    const [all] = run(four([5e9, 5e9, 5e9, 1e9], 4, [{ block: 10 }]));
    expect(all.new_validator_permit).toEqual([true, true, true, true]);
    const [none] = run(four([5e9, 5e9, 5e9, 1e9], 0, [{ block: 10 }]));
    expect(none.new_validator_permit).toEqual([false, false, false, false]);
  });
});

describe('§3.10 bonds penalty and §3.11 liquid alpha edge values', () => {
  // V0 (A = ¾) weights 2 and 3 equally, V1 (A = ¼) only 2, with an explicit 0 on 3: W = [½, ½] and
  // [1, 0]; C = [½, ½]; V1's 1 on miner 2 is clipped to ½.
  const weights = [
    { uid: 0, uids: [2, 3], values: [65535, 65535] },
    { uid: 1, uids: [2, 3], values: [65535, 0] },
  ];
  it('β = 1: bonds on the clipped weights, ⌊α·½·65535⌋ = 3276 for V1 on miner 2', () => {
    const [r] = run(subnet({ bonds_penalty: 65535 }, [{ block: 10, set_weights: weights }]));
    expect(r.consensus).toEqual([0, 0, 0.5, 0.5]);
    expect(r.bonds_u16).toEqual([{ 2: 3276, 3: 3276 }, { 2: 3276 }, {}, {}]);
    // B̂ on 2 = [½, ½], on 3 = [1, 0]; I = [4/7, 3/7]: D ∝ ¾·(2/7 + 3/7) : ¼·2/7 = 15 : 2.
    expect(r.dividends[0]).toBeCloseTo(15 / 17, 9);
    expect(r.validator_emission).toEqual([441_176_470, 58_823_529, 0, 0]);
  });
  it('β = 0: bonds on the weights as set, ⌊α·65535⌋ = 6553 for V1 on miner 2', () => {
    const [r] = run(subnet({ bonds_penalty: 0 }, [{ block: 10, set_weights: weights }]));
    expect(r.bonds_u16).toEqual([{ 2: 3276, 3: 3276 }, { 2: 6553 }, {}, {}]);
    // B̂ on 2 = [⅓, ⅔]: D ∝ ¾·(4/21 + 9/21) : ¼·8/21 = 39 : 8.
    expect(r.dividends[0]).toBeCloseTo(39 / 47, 9);
    expect(r.validator_emission).toEqual([414_893_616, 85_106_382, 0, 0]);
  });
  const onMiner2 = [
    { uid: 0, uids: [2], values: [65535] },
    { uid: 1, uids: [2], values: [65535] },
  ];
  it('α_low = α_high: every pair moves by α_low whatever the sigmoid, ⌊raw(6553/65535)·65535⌋ = 6552', () => {
    const p = { liquid_alpha: true, alpha_low: 6553, alpha_high: 6553 };
    const [r] = run(subnet(p, [{ block: 10, set_weights: onMiner2 }]));
    expect(r.bonds_u16).toEqual([{ 2: 6552 }, { 2: 6552 }, {}, {}]);
  });
  it('steepness 0: σ = 1/(1 + e⁰) = ½, α = α_low + ½(α_high − α_low) ≈ 0.19999 → 13106', () => {
    const p = { liquid_alpha: true, alpha_low: 6553, alpha_high: 19660, steepness: 0 };
    const [r] = run(subnet(p, [{ block: 10, set_weights: onMiner2 }]));
    expect(r.bonds_u16).toEqual([{ 2: 13106 }, { 2: 13106 }, {}, {}]);
  });
});

describe('state changes between epochs', () => {
  const both = {
    set_weights: [
      { uid: 0, uids: [2, 3], values: [1, 1] },
      { uid: 1, uids: [2, 3], values: [1, 1] },
    ],
  };
  it('reset_bond_column: the column restarts from 0 (3276) while the other accrues (6225)', () => {
    // Second epoch on miner 2: raw(3276/65535) truncated, ·(1 − α) floored, + raw(α·½) → 6225.
    const [first, second] = run(
      subnet({}, [
        { block: 10, ...both },
        { block: 20, reset_bond_column: [3] },
      ]),
    );
    expect(first.bonds_u16).toEqual([{ 2: 3276, 3: 3276 }, { 2: 3276, 3: 3276 }, {}, {}]);
    expect(second.bonds_u16).toEqual([{ 2: 6225, 3: 3276 }, { 2: 6225, 3: 3276 }, {}, {}]);
  });
  it('replacing a validator: no stake, no permit, no bonds row; the other validator takes all dividends', () => {
    const [, r] = run(
      subnet({}, [
        { block: 10, ...both },
        { block: 20, replace: [1], replace_block: 15 },
      ]),
    );
    expect(r.stake).toEqual([1, 0, 0, 0]);
    expect(r.new_validator_permit).toEqual([true, false, false, false]);
    expect(r.bonds_u16[1]).toEqual({});
    expect(r.dividends).toEqual([1, 0, 0, 0]);
    expect(r.emission[1]).toBe(0);
  });
});
