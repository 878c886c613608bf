/**
 * The exact epoch's number path (runEpochExact: m×n stages on raw I32F32 bits in doubles) against the
 * all-bigint epoch (runEpochExactBigInt) on random subnets, chained so bonds and permits feed back:
 * every output must be the same number (Object.is: no −0 either).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEpochExact } from '../../../src/engine/yuma/exact/epoch.ts';
import { runEpochExactBigInt } from '../../../src/engine/yuma/exact/epoch-bigint.ts';
import type { EpochInput, EpochResult, YumaParams } from '../../../src/engine/yuma/types.ts';
import { arbSubnet } from './random-input.ts';

const OUTPUTS = [
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
  'bonds',
] as const satisfies readonly (keyof EpochResult)[];

function expectSame(x: EpochInput, p: YumaParams): EpochResult {
  const want = runEpochExactBigInt(x, p);
  const got = runEpochExact(x, p);
  for (const k of OUTPUTS) {
    const mismatch = Array.from(want[k]).findIndex((v, i) => !Object.is(v, got[k][i]));
    expect({ output: k, mismatch }).toEqual({ output: k, mismatch: -1 });
  }
  return want;
}

describe('exact epoch: number path = bigint path', () => {
  it('on random subnets (κ 0 … 1, steepness 0 … 3000), three chained epochs', () => {
    const arb = fc.record({
      s: arbSubnet(12),
      kappa: fc.constantFrom(0, 0.3, 32767 / 65535, 1),
      steepness: fc.constantFrom(0, 100, 1000, 3000),
    });
    fc.assert(
      fc.property(arb, ({ s, kappa, steepness }) => {
        const p = { ...s.p, kappa, liquidAlpha: { ...s.p.liquidAlpha, steepness } };
        let x = s.x;
        for (let e = 0; e < 3; e++) {
          const r = expectSame(x, p);
          x = { ...x, bonds: r.bonds, validatorPermit: r.validatorPermit, block: x.block + 1 };
        }
      }),
      { numRuns: 300 },
    );
  });

  it('outside the u16 domain (a weight or bond above 65535) the bigint epoch answers', () => {
    fc.assert(
      fc.property(arbSubnet(6), fc.integer({ min: 65536, max: 2 ** 24 }), (s, big) => {
        const weights = s.x.weights.slice();
        weights[0] = big;
        expectSame({ ...s.x, weights }, s.p);
        const bonds = s.x.bonds.slice();
        bonds[bonds.length - 1] = big;
        expectSame({ ...s.x, bonds }, s.p);
      }),
      { numRuns: 50 },
    );
  });
});
