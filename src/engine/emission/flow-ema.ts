/**
 * Per-block TAO-flow EMA (emissions.md §2.4; subnet_emissions.rs `get_ema_flow`,
 * `update_ema_protocol_flow`): S ← (1 − a)·S + a·flow, then the block's flow counter resets to 0.
 * a = FlowEmaSmoothingFactor / i64::MAX ≈ 3.209e-6 (half-life ≈ 216 000 blocks ≈ 30 days).
 * The same update serves the user flow S_i and the protocol flow P_i of the net-flow rule.
 * Flows are signed rao (stakes and registration burns in, unstakes out).
 */
import { FLOW_EMA_ALPHA } from './constants.ts';

export function updateFlowEma(ema: number, blockFlow: number, smoothing = FLOW_EMA_ALPHA): number {
  return (1 - smoothing) * ema + smoothing * blockFlow;
}

/** In place over all subnets: ema[i] ← update(ema[i], blockFlow[i]); then blockFlow is zeroed. */
export function updateFlowEmas(ema: Float64Array, blockFlow: Float64Array, smoothing = FLOW_EMA_ALPHA): void {
  for (let i = 0; i < ema.length; i++) {
    ema[i] = (1 - smoothing) * ema[i] + smoothing * blockFlow[i];
    blockFlow[i] = 0;
  }
}
