import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NETWORK_IMMUNITY_PERIOD } from '../../../src/engine/emission/constants.ts';
import { type PruneCandidate, subnetToPrune } from '../../../src/engine/registration/subnet-pruning.ts';

const NOW = 2_000_000;

describe('subnetToPrune (emissions.md §7)', () => {
  it('prunes the lowest EMA price among subnets out of immunity', () => {
    const subnets: PruneCandidate[] = [
      { netuid: 1, registeredAt: 0, emaPrice: 0.05 },
      { netuid: 2, registeredAt: 10, emaPrice: 0.01 },
      // Cheapest, but registered NOW − 864 000 + 1: still immune.
      { netuid: 3, registeredAt: NOW - NETWORK_IMMUNITY_PERIOD + 1, emaPrice: 0.001 },
    ];
    expect(subnetToPrune(subnets, NOW, NETWORK_IMMUNITY_PERIOD)).toBe(2);
  });

  it('immunity ends exactly at registeredAt + NetworkImmunityPeriod', () => {
    const subnets = [{ netuid: 4, registeredAt: NOW - NETWORK_IMMUNITY_PERIOD, emaPrice: 0.3 }];
    expect(subnetToPrune(subnets, NOW, NETWORK_IMMUNITY_PERIOD)).toBe(4);
    expect(subnetToPrune(subnets, NOW - 1, NETWORK_IMMUNITY_PERIOD)).toBe(-1);
  });

  it('ties on price go to the earliest registered, whatever the order given', () => {
    const subnets: PruneCandidate[] = [
      { netuid: 7, registeredAt: 500, emaPrice: 0.02 },
      { netuid: 5, registeredAt: 100, emaPrice: 0.02 },
      { netuid: 6, registeredAt: 300, emaPrice: 0.02 },
    ];
    expect(subnetToPrune(subnets, NOW, NETWORK_IMMUNITY_PERIOD)).toBe(5);
  });

  it('never root; none eligible → −1', () => {
    expect(subnetToPrune([{ netuid: 0, registeredAt: 0, emaPrice: 0 }], NOW, NETWORK_IMMUNITY_PERIOD)).toBe(
      -1,
    );
    expect(subnetToPrune([], NOW, NETWORK_IMMUNITY_PERIOD)).toBe(-1);
  });

  it('property: the chosen subnet is eligible and no eligible subnet is cheaper or equally cheap and older', () => {
    const candidate = fc.record({
      netuid: fc.integer({ min: 0, max: 128 }),
      registeredAt: fc.integer({ min: 0, max: NOW }),
      emaPrice: fc.constantFrom(0, 0.01, 0.02, 0.5, 1),
    });
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { selector: (s) => s.netuid, maxLength: 20 }), (subnets) => {
        const eligible = subnets.filter(
          (s) => s.netuid !== 0 && NOW >= s.registeredAt + NETWORK_IMMUNITY_PERIOD,
        );
        const chosen = subnetToPrune(subnets, NOW, NETWORK_IMMUNITY_PERIOD);
        if (eligible.length === 0) {
          expect(chosen).toBe(-1);
          return;
        }
        const pick = eligible.find((s) => s.netuid === chosen)!;
        expect(pick).toBeDefined();
        for (const s of eligible) {
          expect(
            s.emaPrice < pick.emaPrice ||
              (s.emaPrice === pick.emaPrice && s.registeredAt < pick.registeredAt),
          ).toBe(false);
        }
      }),
    );
  });
});
