/**
 * A seeded generator of random epoch scripts in the format of test/cases/yuma/README.md, of the kind
 * acceptance runs through `subnet-sim epoch`: up to ~100 uids, several steps, validators that set
 * weights (explicit zeros included) at different blocks and so go stale, registrations (replace, some
 * of them validators), bond-column resets, original Yuma and Yuma3, liquid alpha, bonds penalty
 * 0 … 1, tight and loose permit limits, a stake threshold, an owner.
 *
 * Weights are mostly noisy views of each miner's quality, as on a live subnet, and κ stays near ½
 * (0.45–0.55). With random sparse rows everywhere and κ far from ½, consensus can fall to a few 1e-6,
 * and I32F32's step (2.3e-10) alone then moves original-Yuma's max-upscaled bonds by more than the
 * README's float tolerance (16 u16) — a property of the chain's arithmetic, not a float error.
 *
 * Stakes are distinct multiples of 1 000 α (1e9 rao units) below 2⁵³: no two of them round to the
 * same I32F32 share unless equal, so the float and exact top-K see the same order (equal stakes are
 * generated on purpose and break ties by uid in both).
 */
import type { EpochScript, EpochScriptStep } from '../../../src/engine/yuma/epoch-script-types.ts';

/** mulberry32: a small seeded PRNG (uniform in [0, 1)). */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

export interface ScriptShape {
  /** Smallest n drawn (default 1: a tenth of the scripts have 1–3 uids). */
  minN?: number;
  /** Largest n drawn. */
  maxN: number;
  /** Largest number of steps. */
  maxSteps: number;
}

/** One random script; the same seed always gives the same script. */
export function randomEpochScript(seed: number, shape: ScriptShape = { maxN: 40, maxSteps: 6 }): EpochScript {
  const r = prng(seed);
  const minN = shape.minN ?? 1;
  const n = minN <= 3 && r.chance(0.1) ? r.int(minN, 3) : r.int(Math.max(4, minN), shape.maxN);
  const validators = Math.max(1, Math.min(n, r.int(1, Math.ceil(n / 3) + 1)));
  const tempo = r.pick([1, 10, 100, 360]);
  const yuma3 = r.chance(0.6);
  const alphaLow = r.pick([1638, 6553, 45875, r.int(1638, 60000)]);
  const params = {
    tempo,
    activity_cutoff: r.pick([tempo * 2, tempo * 3, 5000, r.int(1, tempo * 4)]),
    max_allowed_validators: r.chance(0.3) ? r.int(1, validators) : r.int(validators, n + 2),
    kappa: r.pick([32767, 32767, 32767, 29491, 36044]),
    bonds_penalty: r.pick([65535, 65535, 0, 32768, r.int(0, 65535)]),
    bonds_moving_average: r.pick([900_000, 975_000, 500_000, r.int(0, 1_000_000)]),
    liquid_alpha: r.chance(0.35),
    alpha_low: alphaLow,
    alpha_high: r.pick([alphaLow, r.int(alphaLow, 65535), 58982 < alphaLow ? alphaLow : 58982]),
    steepness: r.pick([1000, 1000, 0, 100, 3000]),
    yuma3,
    stake_threshold: r.chance(0.2) ? 5_000 * 1e9 : 0,
  };
  // Validators first by stake (one of them sometimes tied with another), miners mostly unstaked.
  const used = new Set<number>();
  const stake = Array.from({ length: n }, (_, uid) => {
    if (uid >= validators) return r.chance(0.15) ? r.int(1, 50) * 1e9 : 0;
    if (uid > 0 && r.chance(0.15)) return -1; // tie with the previous validator, filled below
    let s: number;
    do s = r.int(1, 10_000) * 1e9;
    while (used.has(s));
    used.add(s);
    return s;
  });
  for (let uid = 0; uid < n; uid++) if (stake[uid] === -1) stake[uid] = stake[uid - 1];
  const start = r.int(0, 50) * tempo + 1000;
  const blockAtRegistration = Array.from({ length: n }, () => r.int(0, 900));
  const steps: EpochScriptStep[] = [];
  const stepCount = r.int(1, shape.maxSteps);
  let block = start;
  const quality = Array.from({ length: n }, (_, j) => (j < validators ? 0.05 : 0.2 + 0.8 * r.next()));
  for (let s = 0; s < stepCount; s++) {
    block += r.chance(0.8) ? tempo : r.int(1, 3 * tempo);
    const step: EpochScriptStep = { block };
    // Validators (and now and then a miner) set weights: mostly noisy views of the miners' quality
    // (so consensus forms, as on a live subnet), now and then a row of random weights on a random
    // subset; explicit zeros included.
    const sets = [];
    for (let uid = 0; uid < n; uid++) {
      const setter = uid < validators ? r.chance(0.75) : r.chance(0.05);
      if (!setter) continue;
      const honest = r.chance(0.85);
      const targets = Array.from({ length: n }, (_, j) => j).filter(() => r.chance(honest ? 0.9 : 0.4));
      if (targets.length === 0) continue;
      const values = targets.map((j) => {
        if (r.chance(0.05)) return 0;
        if (!honest) return r.int(1, 65535);
        return Math.max(1, Math.min(65535, Math.round(65535 * quality[j] * (0.8 + 0.4 * r.next()))));
      });
      sets.push({ uid, uids: targets, values });
    }
    if (sets.length > 0) step.set_weights = sets;
    if (r.chance(0.3)) step.set_at_block = block - r.int(0, Math.min(tempo, 5));
    if (r.chance(0.25)) {
      step.replace = [r.int(0, n - 1)];
      if (r.chance(0.3)) step.replace.push(r.int(0, Math.min(validators, n) - 1));
      step.replace = [...new Set(step.replace)];
      step.replace_block = block - r.int(0, Math.min(tempo, 3));
      if (r.chance(0.3)) step.replace_after_weights = true;
    }
    if (r.chance(0.15)) step.reset_bond_column = [r.int(0, n - 1)];
    if (r.chance(0.3)) step.emission = r.pick([1000, 123_456_789, 1_000_000_000, 7_200_000_000_000]);
    steps.push(step);
  }
  return {
    id: `random-${seed}`,
    n,
    stake,
    params,
    block_at_registration: blockAtRegistration,
    last_update: blockAtRegistration.map((reg) => reg + r.int(0, 20)),
    validator_permit: Array.from({ length: n }, (_, uid) => uid < validators && r.chance(0.8)),
    ...(r.chance(0.2) ? { owner_uid: r.int(0, n - 1) } : {}),
    steps,
  };
}
