import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/scenario/locate.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

/** Cross-field checks of the token economy: the TAO a scenario places must have been issued. */
function problems(text: string) {
  const result = parseScenarioText(text, 'my.yaml', { defaultName: 'my' });
  return result.ok ? [] : result.problems;
}

describe('network checks', () => {
  it('refuses more TAO in pools, on root and with stakers than total_issuance', () => {
    const found = problems(`
network:
  total_issuance: 1000
  root: { stake: 500 }
  stakers: [{ count: 2, balance: 100 }]
subnets:
  - pool: { tao: 300 }
    validators: { count: 2, root_stake: 10 }
`);
    expect(found).toHaveLength(1);
    expect(formatPath(found[0].path)).toBe('network.total_issuance');
    expect(found[0].found).toBe('1000');
    expect(found[0].allowed).toBe('at least 1020 TAO, or less TAO placed'); // 500 + 300 + 20 + 200
  });

  it('accepts exactly enough, and ignores the pools of subnets registered later (their lock is paid then)', () => {
    expect(
      problems(`
network: { total_issuance: 1020, root: { stake: 500 }, stakers: [{ count: 2, balance: 100 }] }
subnets:
  - { pool: { tao: 300 }, validators: { count: 2, root_stake: 10 } }
  - { netuid: 2, pool: { tao: 5000 }, registered_at: 100 }
`),
    ).toEqual([]);
  });
});
