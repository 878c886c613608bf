import { runEpoch } from '../yuma/epoch.ts';
import { runEpochExact } from '../yuma/exact/epoch.ts';
import type { EpochResult, YumaParams } from '../yuma/types.ts';
import { chainParams } from './chain-params.ts';
import type { Arithmetic } from './check-pair.ts';
import { epochInputLacks, replayEpochInput } from './epoch-input.ts';
import { nextEpochBlock } from './epoch-schedule.ts';
import type { ChainSnapshot } from './snapshot.ts';
import { type SubnetView, subnetView } from './subnet-view.ts';
import { patchedParams, type YumaPatch } from './yuma-overrides.ts';

/**
 * `replay run`: the chain's own inputs under changed parameters. Each snapshot's stakes, weights, last
 * updates and registrations feed the epoch that follows it; bonds and permits are the counterfactual's
 * own from its previous epoch (the first epoch starts from the chain's), since they are state the
 * changed rules would have evolved differently. A uid whose hotkey changed between snapshots was
 * re-registered: its carried bond row and column are emptied and its permit dropped, as the chain does.
 */

export interface CounterfactualEpoch {
  status: 'ran';
  /** 0-based index among the epochs run. */
  epoch: number;
  block: number;
  view: SubnetView;
  params: YumaParams;
  result: EpochResult;
  /** Rao the epoch distributed: the chain's emission of that epoch when the next snapshot has it. */
  emission: number;
  /** The chain's view after the same epoch (the next snapshot), when there is one. */
  chainAfter: SubnetView | null;
  assumed: string[];
}

export interface SkippedEpoch {
  status: 'skipped';
  block: number;
  reason: string;
}

const RUNNERS = { float: runEpoch, exact: runEpochExact } as const;

export class Counterfactual {
  readonly #patches: readonly YumaPatch[];
  readonly #arithmetic: Arithmetic;
  #bonds: Float64Array | null = null;
  #permit: Uint8Array | null = null;
  #hotkeys: string[] = [];
  #epochs = 0;

  constructor(patches: readonly YumaPatch[], arithmetic: Arithmetic = 'float') {
    this.#patches = patches;
    this.#arithmetic = arithmetic;
  }

  /** Epochs run so far. */
  epochsRun(): number {
    return this.#epochs;
  }

  /** The epoch after `snapshot`; `next` (the following snapshot, if any) gives its emission and the chain's outcome. */
  run(snapshot: ChainSnapshot, next: ChainSnapshot | null): CounterfactualEpoch | SkippedEpoch {
    const lacks = epochInputLacks(snapshot);
    if (snapshot.source === 'none') lacks.unshift('the metagraph');
    if (lacks.length > 0)
      return {
        status: 'skipped',
        block: snapshot.block,
        reason: `lacks ${lacks.join(', ')} (fetch with --what all)`,
      };
    const view = subnetView(snapshot);
    const chainAfter = next !== null && next.source !== 'none' ? subnetView(next) : null;
    const block =
      chainAfter !== null && chainAfter.lastStep > snapshot.block
        ? chainAfter.lastStep
        : nextEpochBlock(
            snapshot.epoch_rule ?? 'modulo',
            snapshot.netuid,
            view.tempo,
            view.lastStep,
            snapshot.block,
          );
    let emission = 0;
    for (const e of (chainAfter ?? view).emissionRao) emission += e;
    const chain = chainParams(snapshot);
    const params = patchedParams(chain.params, this.#patches);
    const { input } = replayEpochInput(
      snapshot,
      { block, lastEpochBlock: view.lastStep, emission },
      chain.ownerUid,
    );
    this.#carryState(view, input.bonds, input.validatorPermit);
    const result = RUNNERS[this.#arithmetic](input, params);
    this.#bonds = Float64Array.from(result.bonds);
    this.#permit = Uint8Array.from(result.validatorPermit);
    this.#hotkeys = view.hotkeys;
    return {
      status: 'ran',
      epoch: this.#epochs++,
      block,
      view,
      params,
      result,
      emission,
      chainAfter,
      assumed: chain.assumed,
    };
  }

  /** Replaces the chain's bonds and permits in the input with the counterfactual's own, where they fit. */
  #carryState(view: SubnetView, bonds: Float64Array, permit: Uint8Array): void {
    const { n } = view;
    if (this.#bonds === null || this.#permit === null || this.#hotkeys.length !== n) return;
    bonds.set(this.#bonds);
    permit.set(this.#permit);
    for (let uid = 0; uid < n; uid++) {
      if (this.#hotkeys[uid] === view.hotkeys[uid]) continue;
      permit[uid] = 0;
      bonds.fill(0, uid * n, uid * n + n);
      for (let i = 0; i < n; i++) bonds[i * n + uid] = 0;
    }
  }
}
