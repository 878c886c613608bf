import { spotPrice } from '../pool/pool.ts';
import type { SubnetState } from '../state.ts';
import type { NetworkState, SubnetMarket } from './state.ts';

/**
 * The economy's conservation laws (issue 4's test mode checks them after every block):
 * - TAO: total issuance = issuance at the start + TAO minted by coinbase, and every TAO is in a pool, on
 *   root, in a staker's or an outside wallet, in the block authors' fee sink, or waiting as root TAO;
 * - alpha, per subnet: pool + outstanding = issuance at the start + minted − recycled, and outstanding
 *   = stakes + departed stakes + pending buckets + protocol alpha + root claimable + owner + burned +
 *   outside holders';
 * - prices positive and finite, shares summing to 1 (or all 0), every amount a whole, finite rao ≥ 0.
 * Sums are exact (bigint). Returns the broken laws, [] when all hold. Amounts are float64 rao, exact
 * below 2^53 (9 007 199 whole units): a subnet whose alpha goes beyond that rounds by a few rao per
 * operation, which these exact checks report (with a note saying so).
 */
/** 2^53 rao: above it float64 amounts are no longer exact integers. */
const BIG = 2n ** 53n;

export function ledgerProblems(net: NetworkState, subnets: SubnetState[]): string[] {
  const problems: string[] = [];
  const rao = (what: string, x: number): bigint => {
    if (!Number.isInteger(x) || x < 0) problems.push(`${what} is ${x}, not a whole number of rao ≥ 0`);
    return BigInt(Math.round(Number.isFinite(x) ? x : 0));
  };
  const { ledger, markets } = net;
  if (ledger.totalIssuance !== ledger.initialIssuance + ledger.mintedTao - ledger.recycledTao) {
    problems.push(
      `total issuance ${ledger.totalIssuance} ≠ start ${ledger.initialIssuance} + minted ${ledger.mintedTao} − recycled ${ledger.recycledTao}`,
    );
  }
  let tao = rao('root stake', ledger.rootStake) + rao('fee sink', ledger.feeSink) + ledger.outside;
  if (ledger.outside < 0n) problems.push(`outside wallets hold ${ledger.outside} rao`);
  for (let k = 0; k < net.stakers.count; k++) tao += rao(`staker ${k} balance`, net.stakers.balance[k]);
  let shareSum = net.otherShare;
  markets.forEach((m, k) => {
    const netuid = subnets[k].netuid;
    tao += rao(`subnet ${netuid} pool TAO`, m.pool.tao) + rao(`subnet ${netuid} root TAO`, m.pendingRootTao);
    shareSum += m.share;
    if (m.active) alphaProblems(m, subnets[k], rao, problems); // none before registration or after dissolving
  });
  if (tao !== ledger.totalIssuance)
    problems.push(
      `TAO held ${tao} ≠ total issuance ${ledger.totalIssuance}${tao > BIG && ledger.rootStake > 2 ** 53 ? ' (root stake above 2^53 rao: float64 rounding)' : ''}`,
    );
  if (!(Math.abs(shareSum - 1) < 1e-9 || shareSum === 0)) problems.push(`subnet shares sum to ${shareSum}`);
  return problems;
}

function alphaProblems(
  m: SubnetMarket,
  subnet: SubnetState,
  rao: (what: string, x: number) => bigint,
  problems: string[],
): void {
  const id = `subnet ${subnet.netuid}`;
  const issued = rao(`${id} pool alpha`, m.pool.alpha) + rao(`${id} alpha out`, m.alphaOut);
  const expected = rao(`${id} initial issuance`, m.initialIssuance) + rao(`${id} minted`, m.mintedAlpha);
  if (issued !== expected - rao(`${id} recycled`, m.recycledAlpha)) {
    const note = issued > BIG ? ' (above 2^53 rao: float64 rounding)' : '';
    problems.push(
      `${id}: pool + outstanding alpha ${issued} ≠ start + minted − recycled ${expected - BigInt(m.recycledAlpha)}${note}`,
    );
  }
  let held = 0n;
  for (let uid = 0; uid < subnet.n; uid++)
    held += rao(`${id} uid ${uid} stake`, subnet.neurons.stakeAlpha[uid]);
  held += rao(`${id} departed stake`, subnet.departedStake);
  held +=
    rao(`${id} pending server`, subnet.pendingServer) +
    rao(`${id} pending validator`, subnet.pendingValidator);
  held += rao(`${id} pending owner`, subnet.pendingOwner) + rao(`${id} pending root`, m.pendingRoot);
  held += rao(`${id} protocol alpha`, m.protocolAlpha) + rao(`${id} root claimable`, m.rootClaimable);
  held += rao(`${id} owner alpha`, m.ownerAlpha) + rao(`${id} burned`, m.burnedAlpha);
  held += rao(`${id} outside alpha`, m.outsideAlpha);
  if (held !== rao(`${id} alpha out`, m.alphaOut))
    problems.push(`${id}: alpha held ${held} ≠ alpha out ${m.alphaOut}`);
  const price = spotPrice(m.pool);
  if (!(price > 0 && Number.isFinite(price))) problems.push(`${id}: spot price ${price}`);
  if (!(m.movingPrice >= 0 && m.movingPrice <= 1)) problems.push(`${id}: moving price ${m.movingPrice}`);
}
