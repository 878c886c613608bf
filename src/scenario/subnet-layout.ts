import type { PathSegment } from './locate.ts';
import type { Scenario } from './schema.ts';

/** What cross-field checks share: how they report, and each subnet's layout at the start. */

/** Records a problem at `path`: what is wrong, what was found, what is allowed. */
export type AddProblem = (path: PathSegment[], message: string, found: string, allowed: string) => void;

export const quoted = (x: unknown) => JSON.stringify(x);

/** Netuid → the starting layout of that subnet (validators on uids 0…, then miners). */
export function layouts(scenario: Scenario) {
  return new Map(
    scenario.subnets.map((s) => [
      s.netuid,
      {
        validators: s.validators.count,
        uids: s.validators.count + s.miners.count,
        alphaIssuance: s.alpha_issuance,
      },
    ]),
  );
}
