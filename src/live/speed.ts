import { SECONDS_PER_BLOCK } from '../engine/units.ts';

/**
 * Live speeds in simulated blocks per wall-clock second; Infinity runs as fast as the machine can.
 * The steps read as simulated time per second: 6 min, 30 min, 1 h, 2.4 h, 6 h, 12 h, 1 day, 3 days.
 */
export const SPEEDS = [30, 150, 300, 720, 1800, 3600, 7200, 21600, Number.POSITIVE_INFINITY] as const;
export const DEFAULT_SPEED = SPEEDS.indexOf(1800);

function simulatedPerSecond(blocksPerSecond: number): string {
  const seconds = blocksPerSecond * SECONDS_PER_BLOCK;
  if (seconds < 3600) return `${seconds / 60} min/s`;
  if (seconds < 86_400) return `${Number((seconds / 3600).toFixed(1))} h/s`;
  return `${Number((seconds / 86_400).toFixed(1))} d/s`;
}

export function speedLabel(index: number): string {
  const bps = SPEEDS[index];
  return Number.isFinite(bps) ? `${bps} blk/s (${simulatedPerSecond(bps)})` : 'max';
}

export function clampSpeed(index: number): number {
  return Math.max(0, Math.min(SPEEDS.length - 1, index));
}
