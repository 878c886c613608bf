import { describe, expect, it } from 'vitest';
import { minerCabal } from '../../../src/engine/agents/cabal.ts';
import { epochMetrics } from '../../../src/engine/metrics/epoch-metrics.ts';
import { createRunSummary } from '../../../src/engine/metrics/run-summary.ts';
import { ROLE_VALIDATOR } from '../../../src/engine/state.ts';
import type { EpochRecord } from '../../../src/engine/subnet-epoch.ts';
import { formatRao } from '../../../src/engine/units.ts';
import { runEpoch } from '../../../src/engine/yuma/epoch.ts';
import { makeSubnet, minerGroup, validatorGroup } from '../../helpers/config.ts';

/**
 * The run summary's emission totals: each epoch's payments are summed per behaviour as floats (exact
 * below 2^53) and added to bigints once; an epoch whose amounts could round takes the bigint path.
 * Expected totals are bigint sums of the same payments, uid by uid.
 */
function fixture() {
  const { sim, subnet, config } = makeSubnet({
    maxUids: 6,
    validators: [validatorGroup({ count: 1 }), validatorGroup({ count: 1, behaviour: 'lazy' })],
    miners: [minerGroup({ count: 3 }), minerGroup({ count: 1, behaviour: 'copier' })],
  });
  const summary = createRunSummary(sim.config);
  const input = {
    n: subnet.n,
    block: 1,
    tempo: 360,
    lastEpochBlock: -1,
    stake: new Float64Array(subnet.n).fill(1),
    weights: new Float64Array(subnet.n * subnet.n),
    weightsPresent: new Uint8Array(subnet.n * subnet.n),
    bonds: new Float64Array(subnet.n * subnet.n),
    lastUpdate: new Float64Array(subnet.n),
    blockAtRegistration: new Float64Array(subnet.n),
    validatorPermit: new Uint8Array(subnet.n),
    ownerUid: -1,
    emission: 0,
  };
  const result = runEpoch(input, config.yuma);
  const epoch = (paid: number[]): EpochRecord => ({
    kind: 'epoch',
    netuid: config.netuid,
    epoch: 0,
    block: 1,
    n: subnet.n,
    distributed: 0,
    ownerCut: 0,
    dust: 0,
    registrations: 0,
    pruned: 0,
    paid: Float64Array.from(paid),
    stake: new Float64Array(subnet.n),
    result,
    subnet,
  });
  const add = (paid: number[]) => {
    const record = epoch(paid);
    summary.add(
      record,
      epochMetrics(record, (uid) => minerCabal(config, subnet, uid)),
    );
  };
  const isValidator = (uid: number) => subnet.neurons.role[uid] === ROLE_VALIDATOR;
  return { sim, summary, add, isValidator, n: subnet.n };
}

describe('run summary emission totals', () => {
  it('are the exact sums of every payment, small epochs and epochs beyond 2^53 alike', () => {
    const { sim, summary, add, isValidator, n } = fixture();
    const epochs = [
      [5, 7, 11, 13, 17, 19],
      [2 ** 52 + 1, 2 ** 52 + 2, 2 ** 52 + 1, 2 ** 52 + 2, 3, 1], // partial sums past 2^53: exact path
      [1e9, 0, 123_456_789, 987_654_321, 1, 2],
    ];
    let miners = 0n;
    let validators = 0n;
    for (const paid of epochs) {
      expect(paid.length).toBe(n);
      add(paid);
      paid.forEach((x, uid) => {
        if (isValidator(uid)) validators += BigInt(x);
        else miners += BigInt(x);
      });
    }
    const s = summary.finish(sim, 1).subnets[0];
    expect(s.miner_emission).toBe(formatRao(miners));
    expect(s.validator_emission).toBe(formatRao(validators));
    expect(s.epochs).toBe(3);
  });

  it('still refuses a fraction of a rao', () => {
    const { add, n } = fixture();
    expect(() => add(new Array(n).fill(0.5))).toThrow(RangeError);
  });
});
