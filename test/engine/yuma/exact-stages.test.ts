/** Hand values for stages of the exact (I32F32) epoch, src/engine/yuma/exact/. */
import { describe, expect, it } from 'vitest';
import { fromInt, ONE, toF64, u16ToProportion } from '../../../src/engine/fixed/i32f32.ts';
import { constantAlphaExact } from '../../../src/engine/yuma/exact/bonds.ts';
import { weightedMedianExact } from '../../../src/engine/yuma/exact/consensus.ts';
import { raoShare } from '../../../src/engine/yuma/exact/emission.ts';
import { alphaSigmoidExact } from '../../../src/engine/yuma/exact/liquid-alpha.ts';
import { newPermitsExact } from '../../../src/engine/yuma/exact/permits.ts';
import { normalizedStakeExact } from '../../../src/engine/yuma/exact/stake.ts';

describe('exact stages', () => {
  it('§3.2 stake is normalised in I64F64 then truncated: three equal stakes each get ⌊2³²/3⌋', () => {
    expect(normalizedStakeExact([5, 5, 5], 0, -1)).toEqual([1431655765n, 1431655765n, 1431655765n]);
    // the threshold compares ⌊stake⌋; the owner is exempt
    expect(normalizedStakeExact([1, 3], 2, -1)).toEqual([0n, 1n << 32n]);
    expect(normalizedStakeExact([1, 3], 2, 0)).toEqual([1073741824n, 3221225472n]);
  });

  it('§3.3 top-K: among equal stakes the lower uid loses', () => {
    expect(Array.from(newPermitsExact([5n, 5n, 5n, 0n], 2, -1))).toEqual([0, 1, 1, 0]);
    expect(Array.from(newPermitsExact([5n, 5n, 5n, 0n], 2, 0))).toEqual([1, 1, 1, 0]);
  });

  it('§3.6 weighted median: κ just below ½ lets exactly half the stake set the value', () => {
    const half = ONE >> 1n;
    const kappa = u16ToProportion(32767);
    // stake [½, ½], scores [0.25, 0.75]: minority = 1 − κ > ½ → the higher score
    expect(weightedMedianExact([half, half], [ONE >> 2n, 3n * (ONE >> 2n)], ONE - kappa, ONE)).toBe(
      3n * (ONE >> 2n),
    );
    expect(weightedMedianExact([], [], 0n, 0n)).toBe(0n);
  });

  it('§3.11 α = 1 − BMA/10⁶: the I64F64 quotient truncated to I32F32 (900 000 → 429 496 730 raw)', () => {
    // 0.9·2³² = 3 865 470 566.4 → 3 865 470 566; 2³² − that = 429 496 730
    expect(constantAlphaExact(900_000)).toBe(429496730n);
  });

  it('§3.11 liquid alpha at d = 0, (α_low, α_high) = (6553, 19660)/65535, steepness 1000: 0.10133… (spec C8)', () => {
    const a = alphaSigmoidExact(ONE, 0n, 0n, u16ToProportion(6553), u16ToProportion(19660), fromInt(1000));
    expect(a).toBe(435213075n);
    expect(toF64(a)).toBeCloseTo(0.10133, 5);
  });

  it('§3.12 ⌊share·E⌋: 1/10 as a truncated quotient gives 99 999 999 of 10⁹ (test_10_graph)', () => {
    expect(raoShare(429496729n, 1_000_000_000n)).toBe(99_999_999n);
    expect(raoShare(-5n, 1000n)).toBe(0n);
  });
});
