/**
 * fast-check builders of random epoch inputs for the property tests (properties.test.ts): random
 * subnets with registrations, stale and unpermitted validators, explicit zeros, old bonds, an owner,
 * commit-reveal masks, both versions, liquid alpha on/off (sparse and dense) and β ∈ {0, ½, 1}.
 */
import fc from 'fast-check';
import type { EpochInput, EpochResult, YumaParams } from '../../../src/engine/yuma/types.ts';
import { params } from './build.ts';

export interface Subnet {
  x: EpochInput;
  p: YumaParams;
}

/** Epoch block of every generated input; the activity cutoff is 30 blocks, so last_update < 90 is inactive. */
export const BLOCK = 120;
const CUTOFF = 30;

/** Random hyper-parameters: both versions, liquid alpha on/off (sparse and dense), β ∈ {0, ½, 1}. */
export const arbParams: fc.Arbitrary<YumaParams> = fc
  .record({
    version: fc.constantFrom<YumaParams['version']>('yuma1', 'yuma3'),
    liquid: fc.boolean(),
    alphas: fc.constantFrom([0.1, 0.3], [45875 / 65535, 58982 / 65535]),
    sparse: fc.boolean(),
    beta: fc.constantFrom(0, 0.5, 1),
    bma: fc.constantFrom(900_000, 975_000),
    k: fc.integer({ min: 1, max: 12 }),
    threshold: fc.constantFrom(0, 0, 50_000),
  })
  .map((c) =>
    params({
      version: c.version,
      bondsPenalty: c.beta,
      bondsMovingAverage: c.bma,
      liquidAlpha: { enabled: c.liquid, alphaLow: c.alphas[0], alphaHigh: c.alphas[1], steepness: 1000 },
      sparseLiquidAlpha: c.sparse,
      maxAllowedValidators: c.k,
      activityCutoff: CUTOFF,
      stakeThreshold: c.threshold,
    }),
  );

/** A weight entry: absent (−1), an explicit zero, or a stored u16. Mostly non-zero so consensus forms. */
const arbWeight = fc.oneof(
  { arbitrary: fc.constant(-1), weight: 2 },
  { arbitrary: fc.constant(0), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 65535 }), weight: 5 },
);
const arbBond = fc.oneof(
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 65535 }), weight: 1 },
  { arbitrary: fc.constant(65535), weight: 1 },
);

const arrayOf = <T>(a: fc.Arbitrary<T>, len: number) => fc.array(a, { minLength: len, maxLength: len });

/**
 * A random subnet of 1–maxN uids. Non-zero raw stakes are pairwise DISTINCT (zeros may repeat): the
 * top-K permit breaks stake ties by uid (the lower uid loses, §3.3), so with equal non-zero stakes a
 * relabelling may legitimately move a permit. Zero stakes never get a permit, so their ties are harmless.
 */
export function arbSubnet(maxN = 10): fc.Arbitrary<Subnet> {
  return fc.integer({ min: 1, max: maxN }).chain((n) =>
    fc
      .record({
        stake: fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: n, maxLength: n }),
        zeroStake: arrayOf(
          fc.integer({ min: 0, max: 3 }).map((k) => k === 0),
          n,
        ), // ~¼ of uids unstaked
        weights: arrayOf(arbWeight, n * n),
        bonds: arrayOf(arbBond, n * n),
        lastUpdate: arrayOf(fc.integer({ min: 75, max: BLOCK }), n), // ~⅓ inactive (< 90)
        reg: arrayOf(fc.integer({ min: 0, max: 110 }), n),
        permit: arrayOf(
          fc.integer({ min: 0, max: 2 }).map((k) => k !== 0),
          n,
        ), // ~⅔ permitted
        commit: fc.option(
          arrayOf(fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.integer({ min: 0, max: BLOCK })), n),
          {
            nil: undefined,
          },
        ),
        owner: fc.integer({ min: -1, max: n - 1 }),
        lastEpochBlock: fc.oneof(fc.constant(-1), fc.integer({ min: 80, max: BLOCK - 1 })),
        emission: fc.oneof(fc.constant(1_000_000_000), fc.integer({ min: 1, max: 1_000_000_000_000 })),
        p: arbParams,
      })
      .map(
        (c): Subnet => ({
          x: {
            n,
            block: BLOCK,
            tempo: 10,
            lastEpochBlock: c.lastEpochBlock,
            stake: Float64Array.from(c.stake, (s, i) => (c.zeroStake[i] ? 0 : s)),
            weights: Float64Array.from(c.weights, (w) => Math.max(w, 0)),
            weightsPresent: Uint8Array.from(c.weights, (w) => (w >= 0 ? 1 : 0)),
            bonds: Float64Array.from(c.bonds),
            lastUpdate: Float64Array.from(c.lastUpdate),
            blockAtRegistration: Float64Array.from(c.reg),
            validatorPermit: Uint8Array.from(c.permit, (b) => (b ? 1 : 0)),
            ...(c.commit ? { commitBlock: Float64Array.from(c.commit) } : {}),
            ownerUid: c.owner,
            emission: c.emission,
          },
          p: c.p,
        }),
      ),
  );
}

/** A random subnet together with a permutation of its uids: perm[old uid] = new uid. */
export function arbSubnetWithPermutation(maxN = 10): fc.Arbitrary<Subnet & { perm: number[] }> {
  return arbSubnet(maxN).chain((s) =>
    fc
      .shuffledSubarray(
        Array.from({ length: s.x.n }, (_, i) => i),
        { minLength: s.x.n, maxLength: s.x.n },
      )
      .map((perm) => ({ ...s, perm })),
  );
}

/** v' with v'[perm[i]] = v[i]. */
export function permuteVector<T extends Float64Array | Uint8Array>(v: T, perm: number[]): T {
  const out = v.slice() as T;
  for (let i = 0; i < perm.length; i++) out[perm[i]] = v[i];
  return out;
}

/** n×n m' with m'[perm[i], perm[j]] = m[i, j] (both axes). */
export function permuteMatrix<T extends Float64Array | Uint8Array>(m: T, perm: number[]): T {
  const n = perm.length;
  const out = m.slice() as T;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[perm[i] * n + perm[j]] = m[i * n + j];
  return out;
}

/** The input relabelled by perm: every per-uid array, both matrix axes and ownerUid. */
export function permuteInput(x: EpochInput, perm: number[]): EpochInput {
  return {
    ...x,
    stake: permuteVector(x.stake, perm),
    weights: permuteMatrix(x.weights, perm),
    weightsPresent: permuteMatrix(x.weightsPresent, perm),
    bonds: permuteMatrix(x.bonds, perm),
    lastUpdate: permuteVector(x.lastUpdate, perm),
    blockAtRegistration: permuteVector(x.blockAtRegistration, perm),
    validatorPermit: permuteVector(x.validatorPermit, perm),
    ...(x.commitBlock ? { commitBlock: permuteVector(x.commitBlock, perm) } : {}),
    ownerUid: x.ownerUid < 0 ? x.ownerUid : perm[x.ownerUid],
  };
}

/** Per-uid outputs of EpochResult (everything but the bond matrix). */
export const PER_UID_OUTPUTS = [
  'stake',
  'activeStake',
  'active',
  'consensus',
  'validatorTrust',
  'incentive',
  'dividends',
  'serverEmission',
  'validatorEmission',
  'emission',
  'validatorPermit',
] as const satisfies readonly (keyof EpochResult)[];

/**
 * A subnet where every validator agrees: all uids holding a (masking) permit, the owner included,
 * store the same weight row (same values, same explicit zeros), supported on non-validator uids only
 * (so the self-weight mask removes nothing), registrations ≤ 60 and active validators' last_update ≥ 90
 * (so the outdated mask removes nothing from an active row). No commit-reveal. Then every active
 * validator's masked row is the same vector w, C = w, and nothing is clipped (W̄ = W̃ = W).
 * Also returns a uid v and a stake increment δ > 0 for it.
 */
export function arbAgreeingSubnet(maxN = 10): fc.Arbitrary<Subnet & { v: number; delta: number }> {
  return fc.integer({ min: 2, max: maxN }).chain((n) =>
    fc
      .record({
        stake: arrayOf(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 })), n),
        // At least one non-validator column: uid n−1 never holds a permit and is never the owner.
        permit: arrayOf(fc.boolean(), n - 1),
        owner: fc.integer({ min: -1, max: n - 2 }),
        row: arrayOf(arbWeight, n),
        otherWeights: arrayOf(arbWeight, n * n),
        bonds: arrayOf(arbBond, n * n),
        lastUpdate: arrayOf(fc.integer({ min: 75, max: BLOCK }), n),
        reg: arrayOf(fc.integer({ min: 0, max: 60 }), n),
        lastEpochBlock: fc.oneof(fc.constant(-1), fc.integer({ min: 80, max: BLOCK - 1 })),
        v: fc.integer({ min: 0, max: n - 1 }),
        vIsValidator: fc.integer({ min: 0, max: 4 }).map((k) => k !== 0),
        delta: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 10_000_000 })),
        p: arbParams,
      })
      .map((c): Subnet & { v: number; delta: number } => {
        const permit = Uint8Array.from([...c.permit, false], (b) => (b ? 1 : 0));
        const validator = (i: number) => permit[i] === 1 || i === c.owner;
        const validators = Array.from({ length: n }, (_, i) => i).filter(validator);
        const weights = new Float64Array(n * n);
        const weightsPresent = new Uint8Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            // Validators: the common row on non-validator columns only; other rows are masked anyway.
            const w = validator(i) ? (validator(j) ? -1 : c.row[j]) : c.otherWeights[i * n + j];
            weights[i * n + j] = Math.max(w, 0);
            weightsPresent[i * n + j] = w >= 0 ? 1 : 0;
          }
        }
        return {
          x: {
            n,
            block: BLOCK,
            tempo: 10,
            lastEpochBlock: c.lastEpochBlock,
            stake: Float64Array.from(c.stake),
            weights,
            weightsPresent,
            bonds: Float64Array.from(c.bonds),
            lastUpdate: Float64Array.from(c.lastUpdate),
            blockAtRegistration: Float64Array.from(c.reg),
            validatorPermit: permit,
            ownerUid: c.owner,
            emission: 1_000_000_000,
          },
          p: c.p,
          // Mostly one of the validators (the interesting case), sometimes any uid.
          v: c.vIsValidator && validators.length > 0 ? validators[c.v % validators.length] : c.v,
          delta: c.delta,
        };
      }),
  );
}
