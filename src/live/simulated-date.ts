import { SECONDS_PER_BLOCK } from '../engine/units.ts';

/**
 * The simulated moment of a block: "day 3 07:12" since the start (12-second blocks), or a UTC calendar
 * date and time when the run has a start date (ISO 8601, e.g. from a compensation scenario).
 */
export function simulatedDate(block: number, startDate?: string): string {
  const seconds = block * SECONDS_PER_BLOCK;
  if (startDate !== undefined) {
    const start = Date.parse(startDate);
    if (Number.isFinite(start)) {
      return new Date(start + seconds * 1000).toISOString().slice(0, 16).replace('T', ' ');
    }
  }
  const day = Math.floor(seconds / 86_400);
  const hh = String(Math.floor((seconds % 86_400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  return `day ${day} ${hh}:${mm}`;
}
