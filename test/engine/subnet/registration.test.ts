import { describe, expect, it } from 'vitest';
import { MINER_BEHAVIOURS } from '../../../src/engine/config.ts';
import { createRng } from '../../../src/engine/rng.ts';
import { ROLE_MINER } from '../../../src/engine/state.ts';
import { nextArrivalBlock, registerMiner } from '../../../src/engine/subnet/registration.ts';
import { BLOCKS_PER_DAY } from '../../../src/engine/units.ts';
import { makeSubnet, minerGroup, qualityModel, validatorGroup } from '../../helpers/config.ts';

function arrivals(seed: number, perDay: number, blocks: number): number[] {
  const rng = createRng(seed, 'test/registration');
  const out: number[] = [];
  for (let b = nextArrivalBlock(0, perDay, rng); b <= blocks; b = nextArrivalBlock(b, perDay, rng))
    out.push(b);
  return out;
}

describe('nextArrivalBlock', () => {
  it('never arrives when the rate is 0 (or not a positive number)', () => {
    const rng = createRng(1, 'x');
    expect(nextArrivalBlock(10, 0, rng)).toBe(Number.POSITIVE_INFINITY);
    expect(nextArrivalBlock(10, -3, rng)).toBe(Number.POSITIVE_INFINITY);
    expect(nextArrivalBlock(10, Number.NaN, rng)).toBe(Number.POSITIVE_INFINITY);
  });

  it('is always a whole block at least one after the previous arrival', () => {
    const rng = createRng(2, 'x');
    for (let k = 0; k < 2000; k++) {
      const next = nextArrivalBlock(500, 5000, rng);
      expect(Number.isInteger(next)).toBe(true);
      expect(next).toBeGreaterThanOrEqual(501);
    }
  });

  // Poisson arrivals: over D days at rate r the count has mean r·D and sd √(r·D). Bounds are ≥ 5 sd wide.
  it.each([
    [10, 1000, 500], // mean 10 000, sd 100
    [0.5, 4000, 250], // mean 2 000, sd 45
    [200, 100, 700], // mean 20 000, sd 141
  ])('arrives about perDay = %s times a day over %s days', (perDay, days, tolerance) => {
    const count = arrivals(9, perDay, days * BLOCKS_PER_DAY).length;
    expect(Math.abs(count - perDay * days)).toBeLessThan(tolerance);
  });

  it('is deterministic per seed, and differs between seeds', () => {
    const a = arrivals(4, 20, 30 * BLOCKS_PER_DAY);
    expect(arrivals(4, 20, 30 * BLOCKS_PER_DAY)).toEqual(a);
    expect(arrivals(5, 20, 30 * BLOCKS_PER_DAY)).not.toEqual(a);
  });
});

describe('registerMiner', () => {
  const newcomer = minerGroup({
    count: 0,
    behaviour: 'copier',
    stake: 3,
    quality: qualityModel({ initial: { min: 0.9, max: 0.9 } }),
  });
  function fixture() {
    return makeSubnet({
      maxUids: 6,
      immunityPeriod: 10,
      minNonImmuneUids: 0,
      validators: [validatorGroup({ count: 2 })],
      miners: [minerGroup({ count: 2 })],
      registration: { perDay: 1, miner: newcomer },
    });
  }

  it('appends newcomers to the next free uid until the subnet is full', () => {
    const { subnet, config } = fixture();
    const rng = createRng(1, 'r');
    expect(subnet.n).toBe(4);
    expect(registerMiner(subnet, config, 100, () => rng)).toBe(4);
    expect(registerMiner(subnet, config, 101, () => rng)).toBe(5);
    expect(subnet.n).toBe(6);
    expect(subnet.registrationsSinceEpoch).toBe(2);
    expect(subnet.prunedSinceEpoch).toBe(0);
    expect(subnet.departedBalance).toBe(0n);
    const nt = subnet.neurons;
    expect(Array.from(nt.hotkey)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(nt.role[4]).toBe(ROLE_MINER);
    expect(nt.group[4]).toBe(-1); // newcomer: uses the registration template
    expect(MINER_BEHAVIOURS[nt.behaviour[4]]).toBe('copier');
    expect(nt.initialStake[4]).toBe(3);
    expect(nt.quality[4]).toBe(0.9);
    expect(nt.served[4]).toBe(0.9);
    expect(nt.blockAtRegistration[4]).toBe(100);
    expect(nt.lastUpdate[4]).toBe(100);
    expect(nt.blockAtRegistration[5]).toBe(101);
  });

  it('when full, replaces the uid the pruning rule picks and keeps its balance as departed', () => {
    const { subnet, config } = fixture();
    const rng = createRng(1, 'r');
    registerMiner(subnet, config, 100, () => rng);
    registerMiner(subnet, config, 101, () => rng);
    const nt = subnet.neurons;
    nt.emission.set([100, 90, 5, 1, 50, 60]);
    nt.balance.set([10n, 20n, 30n, 123_456_789n, 50n, 60n]);
    // At block 1000 nobody is immune (immunity 10): uid 3 has the lowest emission.
    expect(registerMiner(subnet, config, 1000, () => rng)).toBe(3);
    expect(subnet.n).toBe(6);
    expect(subnet.departedBalance).toBe(123_456_789n);
    expect(subnet.prunedSinceEpoch).toBe(1);
    expect(subnet.registrationsSinceEpoch).toBe(3);
    expect(nt.hotkey[3]).toBe(6);
    expect(nt.balance[3]).toBe(0n);
    expect(nt.group[3]).toBe(-1);
    expect(nt.blockAtRegistration[3]).toBe(1000);
    expect(nt.emission[3]).toBe(0);
    // The next full registration: uid 3 is now immune (just registered), uid 2 has the lowest emission.
    expect(registerMiner(subnet, config, 1001, () => rng)).toBe(2);
    expect(subnet.departedBalance).toBe(123_456_789n + 30n);
  });

  it("draws a newcomer's initial quality from the rng it is given, within the template's bounds", () => {
    const { subnet, config } = fixture();
    config.registration.miner = minerGroup({ quality: qualityModel({ initial: { min: 0.2, max: 0.4 } }) });
    const a = createRng(7, 'r');
    const b = createRng(7, 'r');
    registerMiner(subnet, config, 1, () => a);
    const expected = 0.2 + 0.2 * b.uniform();
    expect(subnet.neurons.quality[4]).toBe(expected);
  });
});
