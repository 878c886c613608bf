import { describe, expect, it } from 'vitest';
import { scheduleEnd, vestedAmount } from '../../../src/engine/vesting/schedule.ts';
import type { VestingSchedule } from '../../../src/engine/vesting/types.ts';

/**
 * Golden numbers for each vesting convention of compensation.md §2, worked by hand: 48 000 tokens, a
 * 4-year (1460-day) grant with a 1-year (365-day) cliff. Amounts are rao, so "12000" is 12 000 × 10⁹;
 * every division floors, as OpenZeppelin's and Sablier's integer arithmetic does.
 */

const RAO = 1_000_000_000;
const TOTAL = 48_000 * RAO;
const tokens = (schedule: VestingSchedule, day: number) => vestedAmount(schedule, TOTAL, day) / RAO;

describe('cliff-catch-up (OZ VestingWalletCliff, Sablier V2 LockupLinear)', () => {
  const s: VestingSchedule = { convention: 'cliff-catch-up', duration: 1460, cliff: 365, every: 1 };
  it('0 before the cliff, 25 % at it, then linear from the start, all after the end', () => {
    expect(tokens(s, 0)).toBe(0);
    expect(tokens(s, 364)).toBe(0);
    expect(tokens(s, 365)).toBe(12_000); // 48 000 × 365/1460
    expect(tokens(s, 730)).toBe(24_000);
    expect(tokens(s, 1095)).toBe(36_000);
    expect(tokens(s, 1460)).toBe(48_000);
    expect(tokens(s, 1461)).toBe(48_000);
  });
  it('monthly steps count from the cliff: the whole catch-up at day 365, then a slice each 30 days', () => {
    const monthly: VestingSchedule = { convention: 'cliff-catch-up', duration: 1460, cliff: 365, every: 30 };
    expect(tokens(monthly, 365)).toBe(12_000);
    expect(tokens(monthly, 394)).toBe(12_000);
    expect(vestedAmount(monthly, TOTAL, 395)).toBe(12_986_301_369_863); // ⌊48 000·10⁹ × 395 / 1460⌋
    expect(tokens(monthly, 1460)).toBe(48_000);
  });

  it('floors to the rao between whole days: day 366 is ⌊48 000·10⁹ × 366 / 1460⌋ rao', () => {
    expect(vestedAmount(s, TOTAL, 366)).toBe(12_032_876_712_328);
  });
});

describe('linear (OZ VestingWallet: no cliff)', () => {
  const s: VestingSchedule = { convention: 'linear', duration: 1460, every: 1 };
  it('streams from day 0', () => {
    expect(vestedAmount(s, TOTAL, 1)).toBe(32_876_712_328); // ⌊48 000·10⁹ / 1460⌋
    expect(tokens(s, 364)).toBeCloseTo(11_967.123287671, 9);
    expect(tokens(s, 365)).toBe(12_000);
    expect(tokens(s, 730)).toBe(24_000);
    expect(tokens(s, 1461)).toBe(48_000);
  });
  it('duration 0 is a timelock: everything at the start, nothing before', () => {
    const lock: VestingSchedule = { convention: 'linear', duration: 0, every: 1 };
    expect(vestedAmount(lock, TOTAL, -1)).toBe(0);
    expect(vestedAmount(lock, TOTAL, 0)).toBe(TOTAL);
  });
  it('monthly slices (every 30 days): day 59 counts 30 days, day 60 counts 60', () => {
    const monthly: VestingSchedule = { convention: 'linear', duration: 1460, every: 30 };
    expect(vestedAmount(monthly, TOTAL, 29)).toBe(0);
    expect(vestedAmount(monthly, TOTAL, 59)).toBe(Math.floor((TOTAL * 30) / 1460));
    expect(vestedAmount(monthly, TOTAL, 60)).toBe(Math.floor((48_000 * RAO * 60) / 1460));
    expect(vestedAmount(monthly, TOTAL, 1459)).toBe(47_342_465_753_424); // ⌊48 000·10⁹ × 1440 / 1460⌋
    expect(vestedAmount(monthly, TOTAL, 1460)).toBe(TOTAL);
  });
});

describe('cliff-then-linear (QTM: the duration starts after the cliff)', () => {
  const s: VestingSchedule = { convention: 'cliff-then-linear', duration: 1460, cliff: 365, every: 1 };
  it('nothing during the cliff, then 4 years of streaming: 25 % a year after the cliff', () => {
    expect(tokens(s, 364)).toBe(0);
    expect(tokens(s, 365)).toBe(0);
    expect(tokens(s, 730)).toBe(12_000); // 48 000 × 365/1460
    expect(vestedAmount(s, TOTAL, 1461)).toBe(36_032_876_712_328); // ⌊48 000·10⁹ × 1096 / 1460⌋
    expect(tokens(s, 1461)).toBe(36_032.876712328);
    expect(tokens(s, 1824)).toBe(47_967.123287671);
    expect(tokens(s, 1825)).toBe(48_000);
    expect(scheduleEnd(s)).toBe(1825);
  });
});

describe('unlock-amounts (current Sablier Lockup: start unlock + cliff unlock + linear rest)', () => {
  it('cliff_unlock 25 % gives the catch-up curve of the standard grant', () => {
    const s: VestingSchedule = {
      convention: 'unlock-amounts',
      duration: 1460,
      cliff: 365,
      startUnlock: 0,
      cliffUnlock: 0.25,
      every: 1,
    };
    expect(tokens(s, 364)).toBe(0);
    expect(tokens(s, 365)).toBe(12_000);
    expect(tokens(s, 730)).toBe(24_000); // 12 000 + 36 000 × 365/1095
    expect(tokens(s, 1461)).toBe(48_000);
  });
  it('without a cliff unlock there is no catch-up: the rest streams over the 3 remaining years', () => {
    const s: VestingSchedule = {
      convention: 'unlock-amounts',
      duration: 1460,
      cliff: 365,
      startUnlock: 0,
      cliffUnlock: 0,
      every: 1,
    };
    expect(tokens(s, 365)).toBe(0);
    expect(tokens(s, 730)).toBe(16_000); // 48 000 × 365/1095
    expect(tokens(s, 1460)).toBe(48_000);
  });
  it('a start unlock is there from day 0 through the cliff', () => {
    const s: VestingSchedule = {
      convention: 'unlock-amounts',
      duration: 1460,
      cliff: 365,
      startUnlock: 0.1,
      cliffUnlock: 0.15,
      every: 1,
    };
    expect(tokens(s, -1)).toBe(0);
    expect(tokens(s, 0)).toBe(4_800);
    expect(tokens(s, 364)).toBe(4_800);
    expect(tokens(s, 365)).toBe(12_000); // 4 800 + 7 200
    expect(tokens(s, 730)).toBe(24_000); // 12 000 + 36 000 × 365/1095
  });
});

describe('tranches (Sablier Lockup Tranched)', () => {
  it('the sum of tranches whose day has come', () => {
    const s: VestingSchedule = {
      convention: 'tranches',
      tranches: [
        { day: 180, fraction: 0.25 },
        { day: 365, fraction: 0.25 },
        { day: 730, fraction: 0.5 },
      ],
    };
    expect(tokens(s, 179)).toBe(0);
    expect(tokens(s, 180)).toBe(12_000);
    expect(tokens(s, 365)).toBe(24_000);
    expect(tokens(s, 729)).toBe(24_000);
    expect(tokens(s, 730)).toBe(48_000);
  });
});
