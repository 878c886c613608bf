/**
 * Each subnet's share of the block's TAO emission, T_i = E·share_i (emissions.md §1 b–c, §2.4, §8).
 * Share rules by era:
 * - `price_ema` (2025-02): ps_i = EMAprice_i / Σ EMAprice (`get_shares_price_ema`);
 * - `flow` (2025-11): user-flow EMA S_i, z_i = max(S_i − L, 0), share = z^p / Σ z^p (`get_shares_flow`);
 * - `net_flow` (2026-05-27): as `flow` on S_i − norm·P_i, norm = min(1, ΣS⁺/ΣP⁺) (0 if ΣP⁺ = 0),
 *   and S_i − P_i where P_i ≤ 0 (the chain scales only a positive protocol flow);
 * - `price_ema_burn` (2026-06, current): w_i = ps_i·(1 − min(1, MinerBurned_i)), share = w/Σw, falling
 *   back to the plain price shares when Σw = 0 (`get_shares`).
 * Then subnets with TAO emission disabled get 0 and the others are renormalised
 * (`get_subnet_block_emissions`). Subnets outside the emit set (§1 a) get 0 and count in no sum.
 *
 * All-zero inputs: every share is 0, so nothing is emitted this block — as on chain, where the
 * checked_div by a zero total gives 0 and the unspent coinbase credit is recycled. Shares therefore sum
 * to 1 or are all 0.
 */
import { FLOW_NORM_EXPONENT, TAO_FLOW_CUTOFF } from './constants.ts';

export type ShareRule = 'price_ema' | 'flow' | 'net_flow' | 'price_ema_burn';

export interface ShareInputs {
  /** SubnetMovingPrice per subnet (price rules). */
  emaPrice?: ArrayLike<number>;
  /** MinerBurned: fraction of last epoch's miner incentive withheld from owner hotkeys (price_ema_burn). */
  minerBurned?: ArrayLike<number>;
  /** User-flow EMA S_i in rao (flow rules). */
  userFlowEma?: ArrayLike<number>;
  /** Protocol-flow EMA P_i in rao (net_flow). */
  protocolFlowEma?: ArrayLike<number>;
  /** In the emit set (§1 a); absent → every subnet. */
  emit?: ArrayLike<boolean>;
  /** SubnetEmissionEnabled (§1 c); absent → every subnet. */
  emissionEnabled?: ArrayLike<boolean>;
  /** TaoFlowCutoff (default 0). */
  flowCutoff?: number;
  /** FlowNormExponent p (default 1). */
  flowExponent?: number;
}

/** Writes share_i into `out` (one entry per subnet) and returns it. */
export function subnetShares(rule: ShareRule, inputs: ShareInputs, out: Float64Array): Float64Array {
  switch (rule) {
    case 'price_ema':
      priceShares(inputs, out);
      break;
    case 'price_ema_burn':
      priceBurnShares(inputs, out);
      break;
    case 'flow':
    case 'net_flow':
      flowShares(rule === 'net_flow', inputs, out);
      break;
  }
  dropDisabled(inputs.emissionEnabled, out);
  return out;
}

function emits(inputs: ShareInputs, i: number): boolean {
  return inputs.emit === undefined || inputs.emit[i];
}

/** Divide by the sum, or zero everything when the sum is not positive. */
function normalise(out: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < out.length; i++) sum += out[i];
  if (sum > 0 && Number.isFinite(sum)) for (let i = 0; i < out.length; i++) out[i] /= sum;
  else out.fill(0);
}

function priceShares(inputs: ShareInputs, out: Float64Array): void {
  const price = required(inputs.emaPrice, 'emaPrice', out.length);
  for (let i = 0; i < out.length; i++) out[i] = emits(inputs, i) && price[i] > 0 ? price[i] : 0;
  normalise(out);
}

function priceBurnShares(inputs: ShareInputs, out: Float64Array): void {
  priceShares(inputs, out);
  const burned = inputs.minerBurned;
  if (burned === undefined) return;
  let sum = 0;
  for (let i = 0; i < out.length; i++) sum += out[i] * (1 - Math.min(1, Math.max(0, burned[i])));
  // Σw = 0 (every emitting subnet burns all its incentive): keep the plain price shares.
  if (!(sum > 0)) return;
  for (let i = 0; i < out.length; i++) out[i] = (out[i] * (1 - Math.min(1, Math.max(0, burned[i])))) / sum;
}

function flowShares(net: boolean, inputs: ShareInputs, out: Float64Array): void {
  const user = required(inputs.userFlowEma, 'userFlowEma', out.length);
  const protocol = net ? required(inputs.protocolFlowEma, 'protocolFlowEma', out.length) : undefined;
  let norm = 0;
  if (protocol !== undefined) {
    let userPositive = 0;
    let protocolPositive = 0;
    for (let i = 0; i < out.length; i++) {
      if (!emits(inputs, i)) continue;
      userPositive += Math.max(user[i], 0);
      protocolPositive += Math.max(protocol[i], 0);
    }
    norm = protocolPositive > 0 ? Math.min(1, userPositive / protocolPositive) : 0;
  }
  // net_i, and L = max(cutoff, min_i min(net_i, 0)) over the emit set.
  let lower = 0;
  for (let i = 0; i < out.length; i++) {
    if (!emits(inputs, i)) continue;
    const p = protocol === undefined ? 0 : protocol[i];
    out[i] = user[i] - (p > 0 ? norm * p : p);
    lower = Math.min(lower, out[i]);
  }
  lower = Math.max(inputs.flowCutoff ?? TAO_FLOW_CUTOFF, lower);
  let max = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = emits(inputs, i) && out[i] > lower ? out[i] - lower : 0;
    max = Math.max(max, out[i]);
  }
  if (!(max > 0)) {
    out.fill(0);
    return;
  }
  // z^p / Σz^p is unchanged by scaling z; scaling by the max keeps z^p finite for large p or flows.
  const exponent = inputs.flowExponent ?? FLOW_NORM_EXPONENT;
  for (let i = 0; i < out.length; i++) out[i] = exponent === 1 ? out[i] / max : (out[i] / max) ** exponent;
  normalise(out);
}

function dropDisabled(enabled: ArrayLike<boolean> | undefined, out: Float64Array): void {
  if (enabled === undefined) return;
  let anyDisabled = false;
  for (let i = 0; i < out.length; i++) {
    if (!enabled[i]) {
      anyDisabled = anyDisabled || out[i] !== 0;
      out[i] = 0;
    }
  }
  if (anyDisabled) normalise(out);
}

function required(values: ArrayLike<number> | undefined, name: string, n: number): ArrayLike<number> {
  if (values === undefined || values.length < n) {
    throw new RangeError(`subnetShares: ${name} needs one entry per subnet (${n})`);
  }
  return values;
}
