/**
 * Leaving (compensation.md §1): a contributor leaves on a fixed day, or when the unvested part of the
 * package's grants has been under water by `by` (its value today at most (1 − by) × its value at the
 * grant prices) for `days` days in a row — the "golden handcuffs" question. On leaving, vesting stops
 * and the unvested part is forfeited, after an optional good-leaver acceleration: vesting as of
 * `accelerate` days later, then `fraction` of what is still unvested.
 */
export interface LeavingRule {
  /** Leaves at the end of this day, or null. */
  day: number | null;
  underWater: { by: number; days: number } | null;
  goodLeaver: { accelerate: number; fraction: number } | null;
}

/** Consecutive days the package's unvested grants have been under water. */
export interface LeaveWatch {
  streak: number;
}

/**
 * Whether the contributor leaves at the end of `day`, given today's unvested value and its value at
 * the grant prices (both USD; a package with nothing unvested is never under water).
 */
export function leavesToday(
  rule: LeavingRule,
  day: number,
  unvestedValue: number,
  unvestedGrantValue: number,
  watch: LeaveWatch,
): boolean {
  if (rule.day !== null && day >= rule.day) return true;
  if (rule.underWater === null) return false;
  const under = unvestedGrantValue > 0 && unvestedValue <= (1 - rule.underWater.by) * unvestedGrantValue;
  watch.streak = under ? watch.streak + 1 : 0;
  return under && watch.streak >= Math.max(1, rule.underWater.days);
}
