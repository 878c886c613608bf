import type { ContributorLine, LiveEvent, LiveSnapshot, SubnetLine } from '../../../src/live/snapshot.ts';

/** A synthetic live snapshot: `subnets` subnets, 10 miners and validators, a few events. */
export function snapshotFixture(overrides: Partial<LiveSnapshot> = {}, subnets = 3): LiveSnapshot {
  const ramp = (n: number, from: number, step: number) =>
    Array.from({ length: n }, (_, i) => from + i * step);
  const lines: SubnetLine[] = Array.from({ length: subnets }, (_, k) => ({
    netuid: k + 1,
    active: k !== 2,
    price: 0.02 + k * 0.01,
    share: 0.3 - k * 0.05,
    poolTao: 10_000 * (k + 1),
    stake: 120_000 + k,
    n: 64,
    history: {
      price: ramp(20, 0.02, 0.001),
      share: ramp(20, 0.3, -0.001),
      poolTao: ramp(20, 1e4, 10),
      stake: ramp(20, 1e5, 100),
    },
  }));
  const events: LiveEvent[] = [
    { id: 0, block: 1193, kind: 'registration', netuid: 1, text: 'netuid 1 uid 64: hotkey 64 registered' },
    {
      id: 1,
      block: 2400,
      kind: 'pruning',
      netuid: 2,
      text: 'netuid 2 uid 7: hotkey 7 pruned, hotkey 90 registered',
    },
    { id: 2, block: 3000, kind: 'halving', netuid: null, text: 'halving: block emission 1 → 0.5 τ' },
  ];
  return {
    scenario: 'fixture',
    block: 3600,
    blocks: 50_400,
    date: 'day 0 12:00',
    status: 'running',
    message: '',
    speed: '1800 blk/s (6 h/s)',
    taoUsd: null,
    shockFactor: 1,
    blockEmission: 0.5,
    era: '2026-06',
    halvings: 1,
    subnets: lines,
    selected: 0,
    miners: Array.from({ length: 10 }, (_, i) => ({
      uid: 10 + i,
      hotkey: 10 + i,
      quality: 0.7 - i * 0.01,
      incentive: 0.2 - i * 0.01,
      emission: 28 - i,
      history: ramp(12, 0.1, 0.01),
    })),
    validators: Array.from({ length: 10 }, (_, i) => ({
      uid: i,
      hotkey: i,
      stake: 11_000 - i * 10,
      dividends: 0.125,
      trust: 0.8,
      history: ramp(12, 0.12, 0.001),
    })),
    events,
    ...overrides,
  };
}

export const contributorsFixture: ContributorLine[] = [
  {
    name: 'alice',
    asset: 'alpha of netuid 1',
    vested: 1200,
    unvested: 3600,
    usd: 48_000,
    history: [40e3, 45e3, 48e3],
  },
  { name: 'bob', asset: 'TAO', vested: 10, unvested: 30, usd: null, history: [] },
];
