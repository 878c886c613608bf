import type { PathSegment } from './locate.ts';
import type { Scenario } from './schema.ts';
import { type AddProblem, layouts, quoted } from './subnet-layout.ts';

/**
 * Cross-field rules of `market:` and `shocks:`: regime names that exist and probabilities that fit,
 * a series given once in increasing days, shocks on subnets and starting uids that exist, inside the run.
 */

function checkMarket(scenario: Scenario, add: AddProblem): void {
  const model = scenario.market?.tao_usd;
  if (model === undefined) return;
  const at = (...rest: PathSegment[]): PathSegment[] => ['market', 'tao_usd', ...rest];
  if (model.model === 'regimes') {
    const names = model.regimes.map((r) => r.name);
    model.regimes.forEach((r, i) => {
      if (names.indexOf(r.name) !== i)
        add(
          at('regimes', i, 'name'),
          'regime name used twice',
          quoted(r.name),
          'a name unique among the regimes',
        );
      let sum = 0;
      for (const [to, p] of Object.entries(r.transitions)) {
        if (!names.includes(to) || to === r.name)
          add(
            at('regimes', i, 'transitions', to),
            'not another regime',
            quoted(to),
            `one of ${
              names
                .filter((n) => n !== r.name)
                .map(quoted)
                .join(', ') || '(no other regime)'
            }`,
          );
        sum += p;
      }
      if (sum > 1 + 1e-9)
        add(
          at('regimes', i, 'transitions'),
          'per-day probabilities of leaving add up to more than 1',
          String(sum),
          'a sum ≤ 1 (the rest is the chance of staying)',
        );
    });
    if (model.start !== undefined && !names.includes(model.start))
      add(
        at('start'),
        'no regime of that name',
        quoted(model.start),
        `one of ${names.map(quoted).join(', ')}`,
      );
  }
  if (model.model === 'historical') {
    if ((model.csv === undefined) === (model.points === undefined))
      add(
        at(),
        model.csv === undefined ? 'no price series' : 'both csv and points',
        model.csv === undefined ? 'nothing' : 'both',
        'exactly one of csv (a file) or points (the series)',
      );
    model.points?.forEach((p, i) => {
      if (i > 0 && !(p.day > model.points![i - 1].day))
        add(
          at('points', i, 'day'),
          'days must increase',
          String(p.day),
          `more than ${model.points![i - 1].day}`,
        );
    });
  }
}

function checkShocks(scenario: Scenario, add: AddProblem): void {
  const subnets = layouts(scenario);
  scenario.shocks?.forEach((shock, i) => {
    const at = (...rest: PathSegment[]): PathSegment[] => ['shocks', i, ...rest];
    if (shock.at > scenario.duration)
      add(
        at('at'),
        'after the end of the run',
        String(shock.at),
        `at most the duration (${scenario.duration} blocks)`,
      );
    if (shock.kind === 'tao_usd') return;
    const layout = subnets.get(shock.netuid);
    if (layout === undefined) {
      add(
        at('netuid'),
        'no subnet with this netuid in the scenario',
        String(shock.netuid),
        `one of ${[...subnets.keys()].join(', ')}`,
      );
      return;
    }
    const validatorUids = `a validator uid, 0 to ${layout.validators - 1}`;
    const minerUids = `a miner uid, ${layout.validators} to ${layout.uids - 1}`;
    const inRange = (path: PathSegment[], uid: number, lo: number, hi: number, allowed: string) => {
      if (uid < lo || uid >= hi) add(path, 'not such a uid at the start', String(uid), allowed);
    };
    switch (shock.kind) {
      case 'sell_pressure':
        if (layout.alphaIssuance <= 0)
          add(
            at('netuid'),
            'nobody outside the model holds alpha to sell on this subnet',
            String(shock.netuid),
            "a subnet with alpha_issuance > 0 (the sellers' alpha)",
          );
        return;
      case 'validator_leaves':
        inRange(at('uid'), shock.uid, 0, layout.validators, validatorUids);
        return;
      case 'cabal_forms':
        shock.validators.forEach((u, k) => {
          inRange(at('validators', k), u, 0, layout.validators, validatorUids);
        });
        shock.miners.forEach((u, k) => {
          inRange(at('miners', k), u, layout.validators, layout.uids, minerUids);
        });
        return;
      case 'miner_quality':
        if ((shock.change === undefined) === (shock.set === undefined))
          add(
            at(),
            'say how quality moves',
            shock.change === undefined ? 'neither change nor set' : 'both change and set',
            'exactly one of change or set',
          );
        if (shock.miners !== 'all')
          shock.miners.forEach((u, k) => {
            inRange(at('miners', k), u, layout.validators, layout.uids, minerUids);
          });
        return;
      default:
        return;
    }
  });
}

export function marketProblems(scenario: Scenario, add: AddProblem): void {
  checkMarket(scenario, add);
  checkShocks(scenario, add);
}
