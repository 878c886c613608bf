import { applySell, quoteSell, type SwapQuote } from '../pool/swap.ts';
import type { NetworkConfig } from './config.ts';
import type { NetworkState, SubnetMarket } from './state.ts';

/** RootClaimableThreshold: claims below 0.0005 alpha are skipped. */
export const ROOT_CLAIM_THRESHOLD = 500_000;
/** NumRootClaim: coldkeys auto-claimed per block. */
const CLAIMS_PER_BLOCK = 5;

/**
 * Root stakers' auto-claims (emissions.md §1.2 step 7), with claim type Swap (the default): each block
 * 5 of the root coldkeys claim, so we claim 5/coldkeys of the subnet's claimable alpha, sell it to the
 * pool without a fee and add the TAO to root stake. Simplified: root stakers are one aggregate holder
 * whose coldkeys claim in equal parts; Keep / KeepSubnets claim types are not modelled.
 */
export function claimRootDividends(
  net: NetworkState,
  m: SubnetMarket,
  config: NetworkConfig,
  quote: SwapQuote,
): void {
  if (m.rootClaimable < ROOT_CLAIM_THRESHOLD) return;
  const claim = Math.floor(m.rootClaimable * Math.min(1, CLAIMS_PER_BLOCK / config.root.coldkeys));
  if (claim < ROOT_CLAIM_THRESHOLD) return;
  quoteSell(m.pool, claim, 0, quote);
  if (quote.rejected !== null) return;
  applySell(m.pool, quote);
  m.rootClaimable -= claim;
  m.alphaOut -= claim;
  net.ledger.rootStake += quote.amountOut;
  m.protocolFlow -= quote.amountOut;
}
