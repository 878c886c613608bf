import { describe, expect, it } from 'vitest';
import { runEpoch } from '../../../src/engine/yuma/epoch.ts';
import type { EpochInput } from '../../../src/engine/yuma/types.ts';
import { input, params, row } from './build.ts';

const E = 1_000_000_000;

function cloneInput(x: EpochInput): EpochInput {
  return {
    ...x,
    stake: Float64Array.from(x.stake),
    weights: Float64Array.from(x.weights),
    weightsPresent: Uint8Array.from(x.weightsPresent),
    bonds: Float64Array.from(x.bonds),
    lastUpdate: Float64Array.from(x.lastUpdate),
    blockAtRegistration: Float64Array.from(x.blockAtRegistration),
    validatorPermit: Uint8Array.from(x.validatorPermit),
  };
}

describe('runEpoch purity', () => {
  const cases: [string, EpochInput, ReturnType<typeof params>][] = [
    [
      'original Yuma',
      input({
        n: 4,
        stake: [3, 1, 0, 0],
        weights: { 0: { 2: 65535, 3: 20000 }, 1: { 2: 0, 3: 65535 } },
        bonds: { 0: { 2: 65535, 3: 1000 }, 1: { 3: 65535 } },
        block: 100,
      }),
      params(),
    ],
    [
      'Yuma3 + liquid alpha',
      input({
        n: 4,
        stake: [3, 1, 0, 0],
        weights: { 0: { 2: 65535 }, 1: { 2: 0, 3: 65535 } },
        bonds: { 0: { 2: 30000, 3: 1000 }, 1: { 3: 40000 } },
        block: 100,
      }),
      params({
        version: 'yuma3',
        liquidAlpha: { enabled: true, alphaLow: 0.1, alphaHigh: 0.3, steepness: 1000 },
      }),
    ],
  ];

  it.each(cases)('%s: inputs are not mutated and outputs are fresh arrays', (_, x, p) => {
    const before = cloneInput(x);
    const r = runEpoch(x, p);
    expect(x).toEqual(before);
    // Sanity: the epoch did produce bonds, so "unchanged bonds input" is a real check.
    expect(r.bonds.some((b) => b > 0)).toBe(true);
    expect(r.bonds).not.toBe(x.bonds);
    expect(r.validatorPermit).not.toBe(x.validatorPermit);
    expect(r.stake).not.toBe(x.stake);
    expect(runEpoch(x, p)).toEqual(r);
  });
});

describe('degenerate subnets', () => {
  it('n = 0 gives empty outputs', () => {
    const r = runEpoch(input({ n: 0, stake: [] }), params());
    expect(r.emission.length).toBe(0);
    expect(r.bonds.length).toBe(0);
  });
  it('n = 1 with only a self-weight pays its stake share to the single uid', () => {
    const r = runEpoch(input({ n: 1, stake: [5], weights: { 0: { 0: 65535 } } }), params());
    expect(Array.from(r.emission)).toEqual([E]);
    expect(Array.from(r.incentive)).toEqual([0]);
  });
});

// C5 / C6: opentensor/subtensor@14bc6f9 tests/epoch_logs.rs (asserted log values, spec §7), with the
// intermediate values worked by hand in the comments.
describe('hand-worked small cases', () => {
  const base = { n: 5, stake: [1e9, 1e9, 1e9, 0, 0], permits: [1, 1, 1, 0, 0], lastUpdate: [1, 1, 1, 1, 1] };

  it('C5 validators weight two distinct servers', () => {
    const r = runEpoch(
      input({ ...base, weights: { 0: { 3: 65535, 4: 0 }, 1: { 3: 0, 4: 65535 }, 2: { 3: 65535, 4: 0 } } }),
      params(),
    );
    // Column 3: scores [1, 0, 1] at 1/3 each → F(0) = 1/3 ≤ 1 − κ, F(1) = 1 → C = 1; column 4 → 0.
    expect(Array.from(r.consensus)).toEqual([0, 0, 0, 1, 0]);
    // V1's only weight is clipped to C_4 = 0 (and removed).
    expect(Array.from(r.validatorTrust)).toEqual([1, 0, 1, 0, 0]);
    expect(Array.from(r.incentive)).toEqual([0, 0, 0, 1, 0]);
    expect(Array.from(r.dividends)).toEqual([0.5, 0, 0.5, 0, 0]);
    expect(Array.from(r.emission)).toEqual([0.25 * E, 0, 0.25 * E, 0.5 * E, 0]);
    expect(Array.from(r.serverEmission)).toEqual([0, 0, 0, 0.5 * E, 0]);
    expect(Array.from(r.validatorEmission)).toEqual([0.25 * E, 0, 0.25 * E, 0, 0]);
    expect(row(r.bonds, 5, 0)).toEqual([0, 0, 0, 65535, 0]);
    expect(row(r.bonds, 5, 1)).toEqual([0, 0, 0, 0, 0]);
    expect(row(r.bonds, 5, 2)).toEqual([0, 0, 0, 65535, 0]);
    expect(Array.from(r.validatorPermit)).toEqual([1, 1, 1, 0, 0]);
  });

  it('C6 a validator splits its weight across two servers', () => {
    const r = runEpoch(
      input({
        ...base,
        weights: { 0: { 3: 65535, 4: 0 }, 1: { 3: 0, 4: 65535 }, 2: { 3: 65535, 4: 65535 } },
      }),
      params(),
    );
    // W = [[1,0],[0,1],[.5,.5]]; column 3 scores [1, 0, .5]: F(0) = 1/3, F(.5) = 2/3 > 1 − κ → C = .5.
    expect(Array.from(r.consensus)).toEqual([0, 0, 0, 0.5, 0.5]);
    expect(Array.from(r.validatorTrust)).toEqual([0.5, 0.5, 1, 0, 0]);
    expect(Array.from(r.incentive)).toEqual([0, 0, 0, 0.5, 0.5]);
    // ΔB (norm) = [[.5,0],[0,.5],[.5,.5]]; no old bonds → B = ΔB; D = B·I = [.25, .25, .5].
    expect(Array.from(r.dividends)).toEqual([0.25, 0.25, 0.5, 0, 0]);
    expect(Array.from(r.emission)).toEqual([0.125 * E, 0.125 * E, 0.25 * E, 0.25 * E, 0.25 * E]);
    expect(row(r.bonds, 5, 0)).toEqual([0, 0, 0, 65535, 0]);
    expect(row(r.bonds, 5, 1)).toEqual([0, 0, 0, 0, 65535]);
    expect(row(r.bonds, 5, 2)).toEqual([0, 0, 0, 65535, 65535]);
  });

  it('bonds penalty β = 0.5 interpolates between W and W̄ (§3.10)', () => {
    const spec = { ...base, weights: { 0: { 3: 65535 }, 1: { 3: 65535 }, 2: { 3: 65535, 4: 65535 } } };
    // C = [.., 1, 0]: V2's .5 on uid 4 is clipped away. β = .5: W̃_V2 = [.5, .25];
    // ΔB column 3 = [1, 1, .5]/2.5 = [.4, .4, .2], column 4 = [0, 0, 1]. I = [0,0,0,1,0] → D = [.4,.4,.2].
    const half = runEpoch(input(spec), params({ bondsPenalty: 0.5 }));
    expect(Array.from(half.consensus)).toEqual([0, 0, 0, 1, 0]);
    expect(half.dividends[0]).toBeCloseTo(0.4, 12);
    expect(half.dividends[2]).toBeCloseTo(0.2, 12);
    expect(row(half.bonds, 5, 2)).toEqual([0, 0, 0, 32767, 65535]);
    // β = 1: weight above consensus earns no bond at all.
    const full = runEpoch(input(spec), params({ bondsPenalty: 1 }));
    expect(row(full.bonds, 5, 2)).toEqual([0, 0, 0, 32767, 0]);
    // β = 0: the unclipped weight bonds as well.
    const none = runEpoch(input(spec), params({ bondsPenalty: 0 }));
    expect(row(none.bonds, 5, 2)).toEqual([0, 0, 0, 32767, 65535]);
  });
});

describe('§3.12 emission split and fallbacks', () => {
  it('Z = 0 with active stake: validators get ⌊A·E⌋, miners nothing', () => {
    const r = runEpoch(input({ n: 2, stake: [3, 1], permits: [1, 0] }), params());
    expect(Array.from(r.activeStake)).toEqual([1, 0]);
    expect(Array.from(r.validatorEmission)).toEqual([E, 0]);
    expect(Array.from(r.emission)).toEqual([E, 0]);
    expect(Array.from(r.serverEmission)).toEqual([0, 0]);
  });

  it('Z = 0 and nobody active: emergency mode pays ⌊S·E⌋', () => {
    const r = runEpoch(
      input({ n: 2, stake: [3, 1], permits: [1, 0], lastUpdate: [0, 0], block: 1_000_000 }),
      params(),
    );
    expect(Array.from(r.active)).toEqual([0, 0]);
    expect(Array.from(r.emission)).toEqual([0.75 * E, 0.25 * E]);
    expect(Array.from(r.validatorEmission)).toEqual([0.75 * E, 0.25 * E]);
  });

  it('incentive without any bond (Q9): Z = 1 and miners receive the whole E', () => {
    // Yuma3 with BondsMovingAverage 10⁶ → α = 0: no bond ever forms.
    const x = input({ n: 3, stake: [1, 0, 0], weights: { 0: { 1: 65535, 2: 65535 } } });
    const r = runEpoch(x, params({ version: 'yuma3', bondsMovingAverage: 1_000_000 }));
    expect(Array.from(r.incentive)).toEqual([0, 0.5, 0.5]);
    expect(Array.from(r.dividends)).toEqual([0, 0, 0]);
    expect(Array.from(r.serverEmission)).toEqual([0, 0.5 * E, 0.5 * E]);
    expect(Array.from(r.emission)).toEqual([0, 0.5 * E, 0.5 * E]);
  });
});

describe('masks', () => {
  it('owner: exempt from the stake threshold, always permitted, keeps its self-weight (C16)', () => {
    const spec = { n: 3, stake: [5, 100, 0], permits: [0, 0, 0], weights: { 0: { 0: 65535, 2: 65535 } } };
    const owned = runEpoch(input({ ...spec, ownerUid: 0 }), params({ stakeThreshold: 10 }));
    expect(owned.incentive[0]).toBeGreaterThan(0);
    expect(owned.incentive[0]).toBe(owned.incentive[2]);
    expect(Array.from(owned.validatorPermit)).toEqual([1, 1, 0]);
    // Without an owner the same uid is below the threshold and unpermitted: stake-only fallback.
    const plain = runEpoch(input(spec), params({ stakeThreshold: 10 }));
    expect(Array.from(plain.stake)).toEqual([0, 1, 0]);
    expect(Array.from(plain.emission)).toEqual([0, E, 0]);
  });

  it('recently-registered mask drops bond columns of uids registered after the previous epoch (Q5)', () => {
    const spec = { n: 4, stake: [1, 0, 0, 0], bonds: { 0: { 1: 65535, 2: 65535, 3: 65535 } }, block: 100 };
    // Previous epoch at block 99 → last_tempo 100: reg 100 masked, reg 99 (same block as the epoch) kept.
    const after = runEpoch(input({ ...spec, reg: [0, 100, 99, 0], lastEpochBlock: 99 }), params());
    expect(row(after.bonds, 4, 0)).toEqual([0, 0, 65535, 65535]);
    // No previous epoch: last_tempo = block − tempo = 90.
    const first = runEpoch(input({ ...spec, reg: [0, 90, 89, 0], tempo: 10 }), params());
    expect(row(first.bonds, 4, 0)).toEqual([0, 0, 65535, 65535]);
  });

  it("commit-reveal: a weight to a uid registered after the validator's unexpired commit is dropped", () => {
    const spec = {
      n: 3,
      stake: [1, 0, 0],
      weights: { 0: { 1: 65535, 2: 65535 } },
      reg: [0, 10, 40],
      lastUpdate: [50, 0, 0],
      block: 50,
    };
    expect(Array.from(runEpoch(input(spec), params()).incentive)).toEqual([0, 0.5, 0.5]);
    expect(
      Array.from(runEpoch(input({ ...spec, commitBlock: [30, Infinity, Infinity] }), params()).incentive),
    ).toEqual([0, 1, 0]);
  });

  it('outdated: (i, j) is deleted when last_update[i] ≤ reg[j], equality included (§3.5 step 3)', () => {
    const x = input({
      n: 3,
      stake: [1, 0, 0],
      weights: { 0: { 1: 65535, 2: 65535 } },
      reg: [0, 10, 9],
      lastUpdate: [10, 0, 0],
      block: 10,
    });
    expect(Array.from(runEpoch(x, params()).incentive)).toEqual([0, 0, 1]);
  });

  it('self-weights are deleted unless the validator is the owner; unpermitted rows are deleted (§3.5)', () => {
    const spec = {
      n: 3,
      stake: [1, 1, 0],
      permits: [1, 0, 0],
      weights: { 0: { 0: 65535, 2: 65535 }, 1: { 1: 65535 } },
    };
    expect(Array.from(runEpoch(input(spec), params()).incentive)).toEqual([0, 0, 1]);
    expect(
      Array.from(runEpoch(input({ ...spec, weights: { 1: { 2: 65535 } } }), params()).incentive),
    ).toEqual([0, 0, 0]);
  });

  it('an entry marked absent is ignored whatever its stored value', () => {
    const x = input({ n: 3, stake: [1, 0, 0], weights: { 0: { 1: 65535, 2: 65535 } } });
    x.weightsPresent[2] = 0;
    expect(Array.from(runEpoch(x, params()).incentive)).toEqual([0, 1, 0]);
  });
});
