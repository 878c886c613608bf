import { contributorProblems } from './contributor-checks.ts';
import { initialStateProblems } from './initial-state.ts';
import type { PathSegment } from './locate.ts';
import { marketProblems } from './market-checks.ts';
import type { ScenarioProblem } from './problem.ts';
import type { Scenario } from './schema.ts';

/** Rules that span several fields, checked once the schema has passed. */
export function crossFieldProblems(scenario: Scenario, file: string): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const add = (path: PathSegment[], message: string, found: string, allowed: string) =>
    problems.push({ file, path, message, found, allowed });
  const seen = new Map<number, number>();
  scenario.subnets.forEach((subnet, s) => {
    const at = (...rest: PathSegment[]): PathSegment[] => ['subnets', s, ...rest];
    if (seen.has(subnet.netuid)) {
      add(
        at('netuid'),
        `netuid already used by subnets[${seen.get(subnet.netuid)}]`,
        String(subnet.netuid),
        'a netuid unique in the scenario',
      );
    }
    seen.set(subnet.netuid, s);
    for (const kind of ['validators', 'miners'] as const) {
      const groupTotal = subnet[kind].groups.reduce((sum, g) => sum + g.count, 0);
      if (groupTotal > subnet[kind].count) {
        add(
          at(kind, 'groups'),
          `group counts add up to more than ${kind}.count`,
          String(groupTotal),
          `at most ${subnet[kind].count} (${kind}.count)`,
        );
      }
    }
    const uids = subnet.validators.count + subnet.miners.count;
    if (uids > subnet.max_uids) {
      add(
        at('max_uids'),
        'validators and miners do not fit in the uid space',
        String(subnet.max_uids),
        `at least ${uids} (validators.count + miners.count)`,
      );
    }
    const checkInitial = (
      path: PathSegment[],
      initial: number | { min: number; max: number } | undefined,
    ) => {
      if (typeof initial === 'object' && initial.min > initial.max) {
        add([...path, 'min'], 'min is above max', String(initial.min), `at most max (${initial.max})`);
      }
    };
    checkInitial(at('miners', 'quality', 'initial'), subnet.miners.quality.initial);
    for (const [k, g] of subnet.miners.groups.entries()) {
      checkInitial(at('miners', 'groups', k, 'quality', 'initial'), g.quality?.initial);
    }
    checkInitial(
      at('registration', 'miner', 'quality', 'initial'),
      subnet.registration.miner.quality?.initial,
    );
    const la = subnet.yuma.liquid_alpha;
    if (la.alpha_low > la.alpha_high) {
      add(
        at('yuma', 'liquid_alpha', 'alpha_low'),
        'alpha_low is above alpha_high',
        String(la.alpha_low),
        `at most alpha_high (${la.alpha_high})`,
      );
    }
    const cabals = new Set([
      subnet.miners.cabal,
      ...subnet.miners.groups.map((g) => g.cabal),
      subnet.registration.miner.cabal,
    ]);
    const checkCabal = (
      path: PathSegment[],
      behaviour: string | undefined,
      cabal: string | null | undefined,
    ) => {
      if (behaviour !== 'cabal') return;
      if (cabal === null || cabal === undefined)
        add(
          [...path, 'cabal'],
          'a cabal validator needs the name of its cabal',
          'nothing',
          'a name also given to some miners (miners…cabal)',
        );
      else if (!cabals.has(cabal))
        add(
          [...path, 'cabal'],
          'no miner belongs to this cabal',
          JSON.stringify(cabal),
          'a name given to some miners (miners…cabal)',
        );
    };
    checkCabal(at('validators'), subnet.validators.behaviour, subnet.validators.cabal);
    for (const [k, g] of subnet.validators.groups.entries()) {
      checkCabal(
        at('validators', 'groups', k),
        g.behaviour ?? subnet.validators.behaviour,
        g.cabal ?? subnet.validators.cabal,
      );
    }
  });
  outsideTaoProblem(scenario, add);
  // Markets, shocks and contributors (market-checks.ts, contributor-checks.ts).
  if (scenario.duration !== undefined) {
    marketProblems(scenario, add);
    contributorProblems(scenario, add);
  }
  problems.push(...initialStateProblems(scenario, file));
  return problems;
}

/**
 * TAO in pools, on root and in stakers' wallets at the start cannot exceed what was ever issued: the rest
 * is held by wallets outside the model, and they cannot hold less than nothing.
 */
function outsideTaoProblem(
  scenario: Scenario,
  add: (path: PathSegment[], message: string, found: string, allowed: string) => void,
): void {
  const n = scenario.network;
  if (n === undefined) return; // the schema failed on it: its own problems say why
  let held = n.root.stake;
  const parts = [`root ${n.root.stake}`];
  let pools = 0;
  let validatorRoot = 0;
  for (const subnet of scenario.subnets) {
    if (subnet?.pool === undefined || subnet.validators === undefined) continue;
    if (subnet.registered_at === 0) pools += subnet.pool.tao;
    const v = subnet.validators;
    const inGroups = v.groups.reduce((sum, g) => sum + g.count, 0);
    validatorRoot += (v.count - inGroups) * v.root_stake;
    for (const g of v.groups) validatorRoot += g.count * (g.root_stake ?? v.root_stake);
  }
  const stakers = n.stakers.reduce((sum, g) => sum + g.count * g.balance, 0);
  held += pools + validatorRoot + stakers;
  parts.push(`pools ${pools}`, `validators' root_stake ${validatorRoot}`, `stakers ${stakers}`);
  if (held > n.total_issuance) {
    add(
      ['network', 'total_issuance'],
      `less TAO was issued than the scenario places in pools, on root and with stakers (${parts.join(' + ')} TAO)`,
      String(n.total_issuance),
      `at least ${held} TAO, or less TAO placed`,
    );
  }
}
