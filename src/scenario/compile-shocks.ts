import type { SimulationConfig, SubnetConfig, ValidatorBehaviour } from '../engine/config.ts';
import type { Shock } from '../engine/shocks/types.ts';
import { rao } from './compile-network.ts';
import type { Scenario } from './schema.ts';

/**
 * `shocks:` → the engine's Shock list (rao, subnet indexes). Shocks that change behaviours append groups
 * (count 0) to their subnet's config for the neurons to move into: a lazy copy for a leaving validator,
 * the arriving validator's group, one cabal copy per group the cabal's members come from.
 */

/** The validator group an arriving validator of `behaviour` joins on subnet index `k`. */
export type ValidatorTemplate = (
  k: number,
  behaviour: ValidatorBehaviour,
) => SubnetConfig['validators'][number];

/** Starting group of `uid` among a subnet's validators (uids 0…) or miners (after them). */
function startingGroup(config: SubnetConfig, uid: number): { role: 'validators' | 'miners'; group: number } {
  let at = 0;
  for (let g = 0; g < config.validators.length; g++) {
    at += config.validators[g].count;
    if (uid < at) return { role: 'validators', group: g };
  }
  for (let g = 0; g < config.miners.length; g++) {
    at += config.miners[g].count;
    if (uid < at) return { role: 'miners', group: g };
  }
  return { role: 'miners', group: config.miners.length - 1 };
}

export function shocksOf(
  scenario: Scenario,
  config: SimulationConfig,
  topValidators: ValidatorTemplate,
): Shock[] {
  return (scenario.shocks ?? []).map((s) => shockOf(s, config, topValidators));
}

function shockOf(
  s: NonNullable<Scenario['shocks']>[number],
  config: SimulationConfig,
  topValidators: ValidatorTemplate,
): Shock {
  const indexOf = (netuid: number) => config.subnets.findIndex((x) => x.netuid === netuid);
  const label = s.label ?? '';
  if (s.kind === 'tao_usd') return { kind: s.kind, block: s.at, overBlocks: s.over, change: s.change, label };
  const k = indexOf(s.netuid);
  const subnet = config.subnets[k];
  switch (s.kind) {
    case 'sell_pressure':
      return { kind: s.kind, block: s.at, overBlocks: s.over, subnet: k, alpha: rao(s.alpha), label };
    case 'stake_flight':
      return { kind: s.kind, block: s.at, overBlocks: s.over, subnet: k, fraction: s.fraction, label };
    case 'validator_leaves': {
      const from = subnet.validators[startingGroup(subnet, s.uid).group];
      subnet.validators.push({ ...from, count: 0, behaviour: 'lazy' });
      return {
        kind: s.kind,
        block: s.at,
        subnet: k,
        uid: s.uid,
        group: subnet.validators.length - 1,
        label,
      };
    }
    case 'validator_arrives':
      subnet.validators.push({
        ...topValidators(k, s.behaviour as ValidatorBehaviour),
        count: 0,
        stake: 0,
        rootStake: 0,
        parent: null,
      });
      return {
        kind: s.kind,
        block: s.at,
        subnet: k,
        tao: rao(s.stake),
        group: subnet.validators.length - 1,
        label,
      };
    case 'cabal_forms': {
      // One cabal copy per group the members come from, so each keeps its own other settings.
      const clones = new Map<string, number>();
      const cloneOf = (uid: number) => {
        const { role, group } = startingGroup(subnet, uid);
        const key = `${role}:${group}`;
        if (!clones.has(key)) {
          if (role === 'validators')
            subnet.validators.push({
              ...subnet.validators[group],
              count: 0,
              behaviour: 'cabal',
              cabal: s.name,
              cabalBoost: s.boost,
            });
          else subnet.miners.push({ ...subnet.miners[group], count: 0, cabal: s.name });
          clones.set(key, (role === 'validators' ? subnet.validators : subnet.miners).length - 1);
        }
        return { uid, group: clones.get(key)! };
      };
      return {
        kind: s.kind,
        block: s.at,
        subnet: k,
        name: s.name,
        validators: s.validators.map(cloneOf),
        miners: s.miners.map(cloneOf),
        label,
      };
    }
    case 'miner_quality':
      return {
        kind: s.kind,
        block: s.at,
        subnet: k,
        miners: s.miners,
        change: s.change ?? null,
        set: s.set ?? null,
        label,
      };
  }
}
