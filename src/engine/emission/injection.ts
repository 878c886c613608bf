/**
 * Subnet terms of one block (emissions.md §1 e, §2.5; run_coinbase.rs `get_subnet_terms`): how much of
 * the subnet's TAO emission T goes into the pool as tao_in with alpha_in beside it at the spot price,
 * and how much is left as excess TAO that chain-buys alpha.
 *
 * Cap rules on alpha_in, by era:
 * - `alpha_emission` (2025-02): alpha_in = min(T/p, A), tao_in = T, no excess and no chain buy;
 *   p = 0 → alpha_in = A (the chain's `checked_div(price).unwrap_or(alpha_emission)`);
 * - `alpha_emission_buy` (2025-11): cap A; the excess chain-buys alpha, which is recycled;
 * - `min_alpha_emission_block_emission` (2025-12-12): cap min(A, E); bought alpha recycled
 *   (kept as SubnetProtocolAlpha from 2026-06-01: pass boughtAlpha 'kept');
 * - `root_proportion` (2026-06-22, current): cap ρ·A; bought alpha kept as SubnetProtocolAlpha.
 * For the capped rules alpha_in = T/p, and if it exceeds the cap: alpha_in = cap, tao_in = cap·p.
 * p = 0 → alpha_in = 0 and tao_in = T (the chain's `safe_div_or(price, 0)`; 0 never exceeds the cap).
 *
 * Rounding: the chain keeps these in U96F32 and floors each when it mints; we floor tao_in and
 * alpha_in and give the excess the rest, so taoIn + excessTao === T exactly (integer when T is).
 */
export type InjectionCapRule =
  | 'alpha_emission'
  | 'alpha_emission_buy'
  | 'min_alpha_emission_block_emission'
  | 'root_proportion';

/** What happens to alpha bought with the excess TAO: none bought, recycled, or kept by the protocol. */
export type BoughtAlphaFate = 'none' | 'recycled' | 'kept';

export interface SubnetTermsInput {
  /** T_i: the subnet's TAO emission this block (rao). */
  taoEmission: number;
  /** p_i: spot price, TAO per alpha. */
  price: number;
  /** A_i: alpha emission this block (rao), = alpha_out. */
  alphaEmission: number;
  /** ρ_i (root_proportion rule). */
  rootProportion: number;
  /** E: the block's TAO emission (rao; min_alpha_emission_block_emission rule). */
  blockEmission: number;
}

export interface SubnetTerms {
  taoIn: number;
  alphaIn: number;
  /** TAO that chain-buys alpha (0 when nothing is bought). */
  excessTao: number;
  boughtAlpha: BoughtAlphaFate;
}

const DEFAULT_FATE: Record<InjectionCapRule, BoughtAlphaFate> = {
  alpha_emission: 'none',
  alpha_emission_buy: 'recycled',
  min_alpha_emission_block_emission: 'recycled',
  root_proportion: 'kept',
};

export function subnetTerms(
  rule: InjectionCapRule,
  input: SubnetTermsInput,
  out?: SubnetTerms,
  boughtAlpha: BoughtAlphaFate = DEFAULT_FATE[rule],
): SubnetTerms {
  const { taoEmission: tao, price, alphaEmission } = input;
  const target = out ?? { taoIn: 0, alphaIn: 0, excessTao: 0, boughtAlpha };
  if (rule === 'alpha_emission') {
    target.alphaIn = Math.floor(price > 0 ? Math.min(tao / price, alphaEmission) : alphaEmission);
    target.taoIn = tao;
    target.excessTao = 0;
    target.boughtAlpha = 'none';
    return target;
  }
  // The cap by rule (inlined by hand: a double returned from a call is a heap allocation).
  const cap =
    rule === 'root_proportion'
      ? Math.max(0, Math.min(1, input.rootProportion)) * alphaEmission
      : rule === 'min_alpha_emission_block_emission'
        ? Math.min(alphaEmission, input.blockEmission)
        : alphaEmission;
  let alphaIn = price > 0 ? tao / price : 0;
  let taoIn = tao;
  if (alphaIn > cap) {
    alphaIn = cap;
    taoIn = Math.min(tao, Math.floor(cap * price));
  }
  target.alphaIn = Math.floor(alphaIn);
  target.taoIn = taoIn;
  target.excessTao = tao - taoIn;
  target.boughtAlpha = target.excessTao > 0 ? boughtAlpha : 'none';
  return target;
}
