import { BLOCKS_PER_DAY } from '../engine/units.ts';
import type { PathSegment } from './locate.ts';
import type { Scenario } from './schema.ts';
import { type AddProblem, layouts, quoted } from './subnet-layout.ts';

/**
 * Cross-field rules of `contributors:`: unique names, a held package that exists, grants that say how
 * much once and name their subnet, vesting whose parts fit (cliff within the duration, unlocks and
 * tranches adding up), milestone conditions on existing subnets, operated uids that exist and belong
 * to one contributor, and alpha grants the outside holders can pay.
 */

const SUBNET_METRICS = new Set([
  'best_quality',
  'mean_quality',
  'emission_share',
  'alpha_price',
  'alpha_usd',
]);

export function contributorProblems(scenario: Scenario, add: AddProblem): void {
  const list = scenario.contributors;
  if (list === undefined) return;
  const subnets = layouts(scenario);
  const netuids = [...subnets.keys()].join(', ');
  if (list.length > 0 && scenario.duration % BLOCKS_PER_DAY !== 0)
    add(
      ['duration'],
      'contributors are paid by the day: the run must last whole days',
      String(scenario.duration),
      'a whole number of days, e.g. "4y" or "90d"',
    );
  const operatedBy = new Map<string, string>();
  const heldAlpha = new Map<number, number>();
  const names = new Set<string>();
  list.forEach((c, i) => {
    const at = (...rest: PathSegment[]): PathSegment[] => ['contributors', i, ...rest];
    if (names.has(c.name))
      add(at('name'), 'contributor name used twice', quoted(c.name), 'a name unique among the contributors');
    names.add(c.name);
    const packages = c.packages.map((p) => p.name);
    if (c.holds !== undefined && !packages.includes(c.holds))
      add(
        at('holds'),
        'no package of that name',
        quoted(c.holds),
        `one of ${packages.map(quoted).join(', ')}`,
      );
    const holds = c.holds === undefined ? 0 : Math.max(0, packages.indexOf(c.holds));
    if (c.leaves !== undefined && c.leaves.at === undefined && c.leaves.under_water === undefined)
      add(
        at('leaves'),
        'says nothing about when the contributor leaves',
        'no at or under_water',
        'at (a day) and/or under_water',
      );
    if (typeof c.tax.income === 'object') {
      c.tax.income.brackets.forEach((b, k, all) => {
        if (k > 0 && !(b.from > all[k - 1].from))
          add(
            at('tax', 'income', 'brackets', k, 'from'),
            'brackets must start higher and higher',
            String(b.from),
            `more than ${all[k - 1].from}`,
          );
      });
    }
    const subnetOf = (path: PathSegment[], netuid: number | undefined, why: string) => {
      if (netuid === undefined) add(path, `${why} needs a netuid`, 'nothing', `one of ${netuids}`);
      else if (!subnets.has(netuid))
        add(path, 'no subnet with this netuid in the scenario', String(netuid), `one of ${netuids}`);
    };
    c.packages.forEach((p, j) => {
      const pat = (...rest: PathSegment[]) => at('packages', j, ...rest);
      if (packages.indexOf(p.name) !== j)
        add(
          pat('name'),
          'package name used twice',
          quoted(p.name),
          "a name unique among the contributor's packages",
        );
      p.grants.forEach((g, k) => {
        const gat = (...rest: PathSegment[]) => pat('grants', k, ...rest);
        if ((g.amount === undefined) === (g.usd === undefined))
          add(
            gat(),
            'how much is granted',
            g.amount === undefined ? 'neither amount nor usd' : 'both amount and usd',
            'exactly one of amount (tokens) or usd',
          );
        if (g.amount !== undefined && g.convert === 'vest_date')
          add(
            gat('convert'),
            'only a USD grant is converted',
            quoted(g.convert),
            'grant_date, or give usd instead of amount',
          );
        if (g.asset === 'alpha') subnetOf(gat('netuid'), g.netuid, 'an alpha grant');
        else if (g.netuid !== undefined)
          add(
            gat('netuid'),
            `a ${g.asset} grant has no subnet`,
            String(g.netuid),
            'nothing (only alpha grants name a netuid)',
          );
        if (g.asset === 'alpha' && g.amount !== undefined && g.netuid !== undefined && j === holds)
          heldAlpha.set(g.netuid, (heldAlpha.get(g.netuid) ?? 0) + g.amount);
        checkVesting(g.vesting, gat, add, (path, netuid) => subnetOf(path, netuid, 'this metric'));
      });
      p.operates.forEach((o, k) => {
        subnetOf(pat('operates', k, 'netuid'), o.netuid, 'operates');
        const layout = subnets.get(o.netuid);
        o.uids.forEach((uid, u) => {
          if (layout !== undefined && uid >= layout.uids)
            add(
              pat('operates', k, 'uids', u),
              'not such a uid at the start',
              String(uid),
              `a uid from 0 to ${layout.uids - 1}`,
            );
          const key = `${o.netuid}:${uid}`;
          const owner = operatedBy.get(key);
          if (owner !== undefined && owner !== c.name)
            add(
              pat('operates', k, 'uids', u),
              `already operated by ${quoted(owner)}`,
              String(uid),
              'a neuron operated by one contributor',
            );
          operatedBy.set(key, c.name);
        });
      });
    });
  });
  // A held package's alpha grants are paid from the alpha held outside the model.
  for (const [netuid, amount] of heldAlpha) {
    const issuance = subnets.get(netuid)?.alphaIssuance ?? 0;
    if (amount > issuance) {
      const s = scenario.subnets.findIndex((x) => x.netuid === netuid);
      add(
        ['subnets', s, 'alpha_issuance'],
        "too little alpha outside the model to pay the held packages' alpha grants",
        String(issuance),
        `at least ${amount} (the grants' alpha)`,
      );
    }
  }
}

type Vesting = NonNullable<Scenario['contributors']>[number]['packages'][number]['grants'][number]['vesting'];

function checkVesting(
  v: Vesting,
  at: (...rest: PathSegment[]) => PathSegment[],
  add: AddProblem,
  subnet: (path: PathSegment[], netuid: number | undefined) => void,
): void {
  const sumsToOne = (path: PathSegment[], fractions: number[]) => {
    const sum = fractions.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-9)
      add(path, 'fractions do not add up to the whole grant', String(sum), 'fractions summing to 1');
  };
  switch (v.convention) {
    case 'cliff-catch-up':
    case 'unlock-amounts':
      if (v.cliff > v.duration)
        add(
          at('vesting', 'cliff'),
          'the cliff is after the end',
          `${v.cliff / BLOCKS_PER_DAY} days`,
          `at most the duration (${v.duration / BLOCKS_PER_DAY} days)`,
        );
      if (v.convention === 'unlock-amounts') {
        if (v.start_unlock + v.cliff_unlock > 1)
          add(
            at('vesting', 'cliff_unlock'),
            'start and cliff unlocks exceed the grant',
            String(v.start_unlock + v.cliff_unlock),
            'start_unlock + cliff_unlock ≤ 1',
          );
        if (v.cliff === 0 && v.cliff_unlock > 0)
          add(
            at('vesting', 'cliff_unlock'),
            'a cliff unlock without a cliff',
            String(v.cliff_unlock),
            '0, or set a cliff',
          );
      }
      return;
    case 'tranches':
      sumsToOne(
        at('vesting', 'tranches'),
        v.tranches.map((t) => t.fraction),
      );
      return;
    case 'milestones':
      sumsToOne(
        at('vesting', 'milestones'),
        v.milestones.map((m) => m.fraction),
      );
      v.milestones.forEach((m, i) => {
        const path = at('vesting', 'milestones', i, 'when');
        if (SUBNET_METRICS.has(m.when.metric)) subnet([...path, 'netuid'], m.when.netuid);
        else if (m.when.netuid !== undefined)
          add([...path, 'netuid'], 'tao_usd is not about a subnet', String(m.when.netuid), 'nothing');
        if (m.when.at_least === undefined && m.when.at_most === undefined)
          add(path, 'the condition has no bound', 'neither at_least nor at_most', 'at_least and/or at_most');
      });
      return;
    default:
      return;
  }
}
