/**
 * Spec §7 C16: the assertion-only subtensor tests (opentensor/subtensor@14bc6f9 tests/epoch.rs and the
 * commit-reveal masking tests), restated as epochs of runEpoch. Parameters are the chain defaults of
 * the cases (build.ts `params()`: original Yuma, κ 32767/65535, β 1) unless a check says otherwise;
 * checks that do not depend on the bonds version run under both versions.
 */
import { describe, expect, it } from 'vitest';
import { runEpoch } from '../../../src/engine/yuma/epoch.ts';
import type { EpochInput, EpochResult, YumaParams } from '../../../src/engine/yuma/types.ts';
import { input, params, row } from './build.ts';

const VERSIONS: YumaParams['version'][] = ['yuma1', 'yuma3'];

describe.each(VERSIONS)('C16 behaviour checks (%s)', (version) => {
  const p = (o: Partial<YumaParams> = {}) => params({ version, ...o });

  // test_10_graph: no permits yet → every weight row is deleted, C = I = D = 0, Z = 0, and no uid has
  // active stake (A needs a previous permit), so the emergency fallback pays ⌊S_i·E⌋ = ⌊0.1·10⁹⌋.
  // On chain that is 99 999 999 because I32F32(0.1) < 0.1 (§4); in float64 0.1·10⁹ rounds to exactly
  // 100 000 000. So: within 1 rao of the chain value, and the 10 payouts still leave ≤ 10 rao of dust.
  it('test_10_graph: 10 neurons, stake 1, only self-weights, no permits → ⌊0.1·E⌋ each (±1 rao)', () => {
    const n = 10;
    const x = input({
      n,
      stake: new Array(n).fill(1),
      weights: Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { [i]: 65535 }])),
      permits: new Array(n).fill(0),
    });
    const r = runEpoch(x, p());
    for (const e of r.emission) expect(Math.abs(e - 99_999_999)).toBeLessThanOrEqual(1);
    expect(Array.from(r.incentive)).toEqual(new Array(n).fill(0));
    expect(Array.from(r.dividends)).toEqual(new Array(n).fill(0));
    expect(Array.from(r.serverEmission)).toEqual(new Array(n).fill(0));
    expect(Array.from(r.activeStake)).toEqual(new Array(n).fill(0));
    // Every uid has S > 0 and K = 64 ≥ n: all of them get a permit for the next epoch.
    expect(Array.from(r.validatorPermit)).toEqual(new Array(n).fill(1));
  });

  // test_validator_permits: for (n, validators) ∈ {(2,1), (4,2), (8,4)}, blockwise and regular
  // interleaving, stake assignment 0 (validators 1, servers 0) or 1 (validator v: v + n, server s: s),
  // K = #validators. Epoch 1 gives the validators the permits; then every server gains 2n stake, which
  // puts each above every validator, and epoch 2 moves the permits to the servers.
  const layouts: [number, number][] = [
    [2, 1],
    [4, 2],
    [8, 4],
  ];
  for (const [n, vn] of layouts) {
    for (const interleave of [0, 1]) {
      for (const assignment of [0, 1]) {
        it(`test_validator_permits: n ${n}, ${vn} validators, interleave ${interleave}, stakes ${assignment}`, () => {
          const uids = Array.from({ length: n }, (_, i) => i);
          const isValidator = (i: number) => (interleave === 0 ? i < vn : i % (n / vn) === 0);
          const stake = uids.map((i) =>
            isValidator(i) ? (assignment === 1 ? i + n : 1) : assignment === 1 ? i : 0,
          );
          const q = p({ maxAllowedValidators: vn });
          const first = runEpoch(input({ n, stake, permits: new Array(n).fill(0), block: 0 }), q);
          expect(Array.from(first.validatorPermit)).toEqual(uids.map((i) => (isValidator(i) ? 1 : 0)));
          const more = stake.map((s, i) => (isValidator(i) ? s : s + 2 * n));
          const second = runEpoch(
            input({
              n,
              stake: more,
              permits: Array.from(first.validatorPermit),
              block: 1,
              lastEpochBlock: 0,
            }),
            q,
          );
          expect(Array.from(second.validatorPermit)).toEqual(uids.map((i) => (isValidator(i) ? 0 : 1)));
        });
      }
    }
  }

  it('permits need stake at or above StakeThreshold (the owner is exempt and always permitted)', () => {
    const x = input({ n: 5, stake: [500, 300, 100, 99, 0], permits: [0, 0, 0, 0, 0] });
    const r = runEpoch(x, p({ maxAllowedValidators: 4, stakeThreshold: 100 }));
    // 99 < 100 counts as 0 (no permit); 100 ≥ 100 keeps its stake; top-4 of the non-zero ones.
    expect(Array.from(r.validatorPermit)).toEqual([1, 1, 1, 0, 0]);
    const owned = runEpoch({ ...x, ownerUid: 3 }, p({ maxAllowedValidators: 4, stakeThreshold: 100 }));
    expect(Array.from(owned.validatorPermit)).toEqual([1, 1, 1, 1, 0]);
    expect(owned.stake[3]).toBeGreaterThan(0);
  });

  // test_can_set_self_weight_as_subnet_owner: the owner (uid 0) holds the only permit and weights
  // itself and uid 1 equally; the owner's self-weight survives §3.5 step 2.
  it('test_can_set_self_weight_as_subnet_owner: owner weights itself and uid 1 50/50 → equal incentive', () => {
    const r = runEpoch(
      input({
        n: 2,
        stake: [1_000_000, 0],
        permits: [1, 0],
        weights: { 0: { 0: 65535, 1: 65535 } },
        ownerUid: 0,
      }),
      p(),
    );
    expect(r.incentive[0]).toBeGreaterThan(0);
    expect(r.incentive[0]).toBe(r.incentive[1]);
    expect(r.incentive[0]).toBeCloseTo(0.5, 12);
  });

  // test_epoch_masks_incoming_to_sniped_uid_prevents_inheritance /
  // test_epoch_does_not_mask_outside_window_but_masks_inside (§3.5 step 4): the validator's earliest
  // unexpired commit is at block 50, its last_update (a later commit) at 70. uid 1 registered at 40
  // (before the commit) keeps its weight; uid 2 registered at 60 (after the commit, but before
  // last_update, so the outdated mask alone would keep it) loses it.
  describe('commit-reveal mask', () => {
    const spec = {
      n: 3,
      stake: [10_000, 0, 0],
      permits: [1, 0, 0],
      weights: { 0: { 1: 65535, 2: 65535 } },
      reg: [0, 40, 60],
      lastUpdate: [70, 40, 60],
      block: 80,
    };
    it('a uid registered after the unexpired commit gets incentive 0; one registered before keeps > 0', () => {
      const r = runEpoch(input({ ...spec, commitBlock: [50, Infinity, Infinity] }), p());
      expect(r.incentive[1]).toBeGreaterThan(0);
      expect(r.incentive[2]).toBe(0);
    });
    it('no unexpired commit (outside the window) or a commit at the registration block: no mask', () => {
      const none = runEpoch(input({ ...spec, commitBlock: [Infinity, Infinity, Infinity] }), p());
      expect(none.incentive[1]).toBeGreaterThan(0);
      expect(none.incentive[2]).toBeGreaterThan(0);
      // cb < reg deletes; cb = reg does not.
      const same = runEpoch(input({ ...spec, commitBlock: [60, Infinity, Infinity] }), p());
      expect(same.incentive[2]).toBeGreaterThan(0);
      // Commit-reveal off (no commitBlock): same as no commit.
      expect(runEpoch(input(spec), p()).incentive).toEqual(none.incentive);
    });
  });

  // test_deregistered_miner_bonds: validators 0, 1 weight miners 2 and 3; two epochs build bonds.
  // uid 3 is then replaced (reg[3] = 25, after the epoch at block 20; its weights and weights pointing
  // at it cleared as deregistration does, §3.11). The next epoch's recently-registered mask drops the
  // old bond column 3, so bonds to the new occupant are ≤ before, and bonds to uid 2 are ≥ before.
  describe('test_deregistered_miner_bonds', () => {
    const n = 4;
    const stake = [2_000_000, 1_000_000, 0, 0];
    const weights = { 0: { 2: 65535, 3: 32768 }, 1: { 2: 65535, 3: 32768 } };
    const epochAt = (
      block: number,
      lastEpochBlock: number,
      bonds: Float64Array,
      extra: Partial<EpochInput> = {},
    ) => {
      const x = input({
        n,
        stake,
        weights,
        block,
        lastEpochBlock,
        tempo: 10,
        permits: [1, 1, 0, 0],
        lastUpdate: [block - 1, block - 1, 0, 0],
      });
      return runEpoch({ ...x, bonds, ...extra }, p());
    };
    const twoEpochs = (): EpochResult => {
      const e1 = epochAt(10, -1, new Float64Array(n * n));
      return epochAt(20, 10, e1.bonds);
    };
    const check = (b: EpochResult, a: EpochResult) => {
      for (const v of [0, 1]) {
        expect(a.bonds[v * n + 3]).toBeLessThanOrEqual(b.bonds[v * n + 3]);
        expect(a.bonds[v * n + 2]).toBeGreaterThanOrEqual(b.bonds[v * n + 2]);
      }
    };
    it('validators re-set weights (including the new occupant) after the replacement', () => {
      const b = twoEpochs();
      expect(row(b.bonds, n, 0)[3]).toBeGreaterThan(0);
      const a = epochAt(30, 20, b.bonds, {
        blockAtRegistration: Float64Array.from([0, 0, 0, 25]),
        lastUpdate: Float64Array.from([26, 26, 0, 25]),
      });
      check(b, a);
      if (version === 'yuma3') {
        // Absolute levels: the new occupant's bond restarts from α·w, below two epochs' worth.
        expect(a.bonds[3]).toBeLessThan(b.bonds[3]);
        expect(a.bonds[2]).toBeGreaterThan(b.bonds[2]);
      }
    });
    it('validators have not re-set weights: the weights to the new occupant are outdated', () => {
      const b = twoEpochs();
      const x = input({ n, stake, weights, block: 30, lastEpochBlock: 20, tempo: 10, permits: [1, 1, 0, 0] });
      const w = Float64Array.from(x.weights);
      w[3] = 0; // deregistration sets every weight pointing at uid 3 to 0
      w[n + 3] = 0;
      const a = runEpoch(
        {
          ...x,
          weights: w,
          bonds: b.bonds,
          blockAtRegistration: Float64Array.from([0, 0, 0, 25]),
          lastUpdate: Float64Array.from([19, 19, 0, 25]),
        },
        p(),
      );
      check(b, a);
      expect(a.bonds[3]).toBe(0);
      expect(a.bonds[n + 3]).toBe(0);
    });
  });
});
