import { describe, expect, it } from 'vitest';
import { floorShare, proportionToU16 } from '../../../src/engine/math/u16.ts';

describe('proportionToU16 (⌊x·65535⌋, spec §3.13)', () => {
  it('floors', () => {
    expect(proportionToU16(0.5)).toBe(32767);
    expect(proportionToU16(0.55)).toBe(36044);
    expect(proportionToU16(1)).toBe(65535);
  });
  it('saturates and maps NaN to 0', () => {
    expect(proportionToU16(-0.1)).toBe(0);
    expect(proportionToU16(1.5)).toBe(65535);
    expect(proportionToU16(Number.NaN)).toBe(0);
  });
});

describe('floorShare (⌊share·E⌋, spec §3.12)', () => {
  it('floors the rao amount', () => {
    expect(floorShare(0.25, 1_000_000_000)).toBe(250_000_000);
    expect(floorShare(1 / 3, 1000)).toBe(333);
    expect(floorShare(0, 1000)).toBe(0);
  });
});
