import type { SubnetConfig } from '../config.ts';
import { type AlphaSplit, splitAlphaOut } from '../emission/alpha-split.ts';
import { blockEmissionRao } from '../emission/block-emission.ts';
import { type SubnetTerms, type SubnetTermsInput, subnetTerms } from '../emission/injection.ts';
import { rootProportion } from '../emission/root-proportion.ts';
import { rootSellFlag } from '../emission/root-sell.ts';
import { subnetShares } from '../emission/subnet-shares.ts';
import { addProtocolLiquidity } from '../pool/liquidity.ts';
import { spotPrice } from '../pool/pool.ts';
import { applyBuy, applySell, emptyQuote, quoteBuy, quoteSell } from '../pool/swap.ts';
import type { SubnetState } from '../state.ts';
import type { NetworkConfig } from './config.ts';
import type { NetworkState, SubnetMarket } from './state.ts';

/** Per-block scratch of the coinbase, allocated once per run. */
export interface CoinbaseScratch {
  emaPrice: Float64Array;
  minerBurned: Float64Array;
  userFlowEma: Float64Array;
  protocolFlowEma: Float64Array;
  emit: boolean[];
  emissionEnabled: boolean[];
  shares: Float64Array;
  terms: SubnetTerms;
  termsInput: SubnetTermsInput;
  split: AlphaSplit;
  quote: ReturnType<typeof emptyQuote>;
}

/** Scratch for `subnets` modelled subnets plus one entry standing for the network's other subnets. */
export function createCoinbaseScratch(subnets: number): CoinbaseScratch {
  subnets += 1;
  return {
    emaPrice: new Float64Array(subnets),
    minerBurned: new Float64Array(subnets),
    userFlowEma: new Float64Array(subnets),
    protocolFlowEma: new Float64Array(subnets),
    emit: new Array(subnets).fill(false),
    emissionEnabled: new Array(subnets).fill(false),
    shares: new Float64Array(subnets),
    terms: { taoIn: 0, alphaIn: 0, excessTao: 0, boughtAlpha: 'none' },
    termsInput: { taoEmission: 0, price: 0, alphaEmission: 0, rootProportion: 0, blockEmission: 0 },
    split: { owner: 0, server: 0, validator: 0, root: 0 },
    quote: emptyQuote(),
  };
}

/**
 * run_coinbase (emissions.md §1 steps a–g) for one block: the block emission E from total issuance,
 * subnet shares, each subnet's terms (root proportion, injection cap), the pool injection and chain buy,
 * and the split of alpha_out into the pending buckets. TAO that nobody receives is never minted (the
 * chain mints E and recycles what is unspent: the same total issuance).
 *
 * Simplified: the chain re-weights the pool for the injection before the chain buy and adds the
 * reserves after it; we buy first and then add with the re-weighting, so the buy sees the weights of
 * the previous block (they differ by the injection's re-weighting, which keeps the price: tiny).
 */
export function runCoinbase(
  net: NetworkState,
  subnets: SubnetState[],
  configs: SubnetConfig[],
  config: NetworkConfig,
  block: number,
  s: CoinbaseScratch,
): void {
  const { ledger, markets } = net;
  const E = blockEmissionRao(ledger.totals.issuance.toNumber());
  net.blockEmission = E;
  const count = markets.length;
  for (let k = 0; k < count; k++) {
    const m = markets[k];
    s.emaPrice[k] = m.movingPrice;
    s.minerBurned[k] = m.minerBurned;
    s.userFlowEma[k] = m.flowEma;
    s.protocolFlowEma[k] = m.protocolFlowEma;
    s.emit[k] = m.active && m.startBlock <= block;
    s.emissionEnabled[k] = m.emissionEnabled;
  }
  // The other subnets as one entry: every share rule is linear in its inputs at the default exponent.
  const others = config.otherSubnets;
  const otherCount = net.registry.otherSubnets;
  s.emaPrice[count] = otherCount * others.movingPrice;
  s.minerBurned[count] = 0;
  s.userFlowEma[count] = otherCount * others.flowEma;
  s.protocolFlowEma[count] = 0;
  s.emit[count] = otherCount > 0;
  s.emissionEnabled[count] = otherCount > 0;
  subnetShares(config.rules.shareRule, s, s.shares);
  const rules = config.rules;
  // The root-sell flag came with claimable root dividends (2025-11); before, root alpha was always sold.
  const sellRootNow = rules.rootDividends === 'sold_each_block';
  const rootSell = sellRootNow || rootSellFlag(s.emaPrice, s.emit);
  // What the other subnets receive leaves the model: their pools' TAO is held outside it.
  net.otherShare = s.shares[count];
  const outsideTao = Math.floor(E * s.shares[count]);
  ledger.totals.outside.add(outsideTao);
  let minted = outsideTao;
  for (let k = 0; k < count; k++) {
    const m = markets[k];
    m.share = s.shares[k];
    m.taoIn = 0;
    m.alphaIn = 0;
    m.excessTao = 0;
    m.alphaEmission = 0;
    m.ownerCutBlock = 0;
    m.rootAlphaBlock = 0;
    if (!s.emit[k]) continue;
    const issuance = m.pool.alpha + m.alphaOut;
    const A = blockEmissionRao(issuance);
    const rho = rootProportion(ledger.rootStake, issuance, config.taoWeight);
    const input = s.termsInput;
    input.taoEmission = Math.floor(E * s.shares[k]);
    input.price = spotPrice(m.pool);
    input.alphaEmission = A;
    input.rootProportion = rho;
    input.blockEmission = E;
    minted += inject(m, subnetTerms(rules.injectionCap, input, s.terms), s);
    emitAlphaOut(subnets[k], configs[k].ownerCut, m, A, rho, rootSell, sellRootNow, s);
  }
  ledger.totals.issuance.add(minted);
  ledger.totals.minted.add(minted);
}

/** §1 f: chain buy with the excess TAO (no fee), then the injection. Returns the TAO minted. */
function inject(m: SubnetMarket, terms: SubnetTerms, s: CoinbaseScratch): number {
  let minted = 0;
  if (terms.excessTao > 0) {
    const q = quoteBuy(m.pool, terms.excessTao, 0, s.quote);
    if (q.rejected === null) {
      applyBuy(m.pool, q);
      minted += terms.excessTao;
      m.excessTao = terms.excessTao;
      if (terms.boughtAlpha === 'kept') {
        m.protocolAlpha += q.amountOut;
        m.alphaOut += q.amountOut;
      } else {
        m.recycledAlpha += q.amountOut; // bought and destroyed: issuance falls
      }
      m.protocolFlow += terms.excessTao;
    }
  }
  if ((terms.taoIn > 0 || terms.alphaIn > 0) && addProtocolLiquidity(m.pool, terms.taoIn, terms.alphaIn)) {
    minted += terms.taoIn;
    m.mintedAlpha += terms.alphaIn;
    m.taoIn = terms.taoIn;
    m.alphaIn = terms.alphaIn;
    m.protocolFlow += terms.taoIn;
  }
  return minted;
}

/** §1 g: A_i into SubnetAlphaOut and the pending buckets (root alpha per the era and the root-sell flag). */
function emitAlphaOut(
  subnet: SubnetState,
  ownerCut: number,
  m: SubnetMarket,
  A: number,
  rho: number,
  rootSell: boolean,
  sellRootNow: boolean,
  s: CoinbaseScratch,
): void {
  if (A <= 0) return;
  m.alphaOut += A;
  m.mintedAlpha += A;
  subnet.alphaOutIssued += A;
  m.alphaEmission = A;
  const split = splitAlphaOut(A, ownerCut, rho, s.split);
  subnet.pendingOwner += split.owner;
  subnet.pendingServer += split.server;
  subnet.pendingValidator += split.validator;
  m.ownerCutBlock = split.owner;
  m.rootAlphaBlock = split.root;
  if (split.root === 0) return;
  if (!rootSell || sellRootNow) m.rootStakersAlpha += split.root;
  if (!rootSell) {
    m.alphaOut -= split.root; // recycled: never reaches PendingRootAlphaDivs
    m.recycledAlpha += split.root;
  } else if (sellRootNow) {
    const q = quoteSell(m.pool, split.root, 0, s.quote);
    if (q.rejected === null) {
      applySell(m.pool, q);
      m.alphaOut -= split.root;
      m.pendingRootTao += q.amountOut;
    } else {
      m.rootStakersAlpha -= split.root; // not sold after all: it waits in the bucket
      m.pendingRoot += split.root;
    }
  } else {
    m.pendingRoot += split.root;
  }
}
