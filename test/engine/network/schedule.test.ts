import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/init.ts';
import { epochDue, nextEpochBlock } from '../../../src/engine/network/block.ts';
import { runToEnd } from '../../helpers/run.ts';
import { configFromYaml } from '../../helpers/scenario.ts';

/** When epochs fire (emissions.md §1.1, §1 h): the era's schedule and MaxEpochsPerBlock. */
const three = (era: string, cap = 2) => `
duration: 40
network: { era: "${era}", max_epochs_per_block: ${cap} }
x-s: &s
  tempo: 10
  validators: { count: 1 }
  miners: { count: 2 }
subnets:
  - { <<: *s, netuid: 1 }
  - { <<: *s, netuid: 11 }
  - { <<: *s, netuid: 21 }
`;

function epochBlocks(yaml: string): Record<number, number[]> {
  const out: Record<number, number[]> = {};
  runToEnd(configFromYaml(yaml), (r) => {
    out[r.netuid] ??= [];
    out[r.netuid].push(r.block);
  });
  return out;
}

describe('epoch schedule', () => {
  it('dynamic tempo (2026-06): every tempo blocks since LastEpochBlock = −(netuid mod tempo); at most 2 a block', () => {
    // All three start at LastEpochBlock −1, so all are due at block 9: two run, the third waits a block
    // and keeps its own rhythm from there (spec §9 item 8: LastEpochBlock 0, tempo 10 → due at block 10).
    const blocks = epochBlocks(three('2026-06'));
    expect(blocks[1]).toEqual([9, 19, 29, 39]);
    expect(blocks[11]).toEqual([9, 19, 29, 39]);
    expect(blocks[21]).toEqual([10, 20, 30, 40]);
  });

  it('with MaxEpochsPerBlock 3 all three run together', () => {
    const blocks = epochBlocks(three('2026-06', 3));
    expect(blocks[21]).toEqual([9, 19, 29, 39]);
  });

  it('modulo schedule (2025 eras): when (block + netuid + 1) mod (tempo + 1) = 0, a period of tempo + 1', () => {
    const blocks = epochBlocks(three('2025-02', 3));
    expect(blocks[1]).toEqual([9, 20, 31]); // (9 + 1 + 1) = 11 ≡ 0 mod 11
    expect(blocks[11]).toEqual([10, 21, 32]); // (10 + 11 + 1) = 22
    expect(blocks[21]).toEqual([11, 22, 33]); // (11 + 21 + 1) = 33
  });
});

describe('nextEpochBlock (where the runner starts checking a subnet)', () => {
  it('is the first block from `from` on at which epochDue holds, under both schedules', () => {
    for (const era of ['2026-06', '2025-02']) {
      const config = configFromYaml(three(era).replace('tempo: 10', 'tempo: 7'));
      const { state } = createSimulation(config);
      state.subnets[1].lastEpochBlock = 23; // as if its last epoch ran at block 23
      for (let k = 0; k < 3; k++) {
        for (let from = 1; from < 60; from++) {
          let first = from;
          while (!epochDue(config, state, k, first)) first++;
          expect(nextEpochBlock(config, state, k, from)).toBe(first);
        }
      }
    }
  });
});
