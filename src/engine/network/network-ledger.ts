import { RaoTotal } from './rao-total.ts';
import type { NetworkLedger } from './state.ts';

/**
 * The network ledger. TotalIssuance, the TAO minted and the outside wallets' TAO live in RaoTotals (the
 * coinbase adds to them every block); their bigint properties read and write those, so every other
 * reader and writer keeps the exact bigint arithmetic it had.
 */
class Ledger implements NetworkLedger {
  readonly totals: NetworkLedger['totals'];
  initialIssuance: bigint;
  recycledTao: bigint;
  feeSink: number;
  rootStake: number;

  constructor(start: { totalIssuance: bigint; outside: bigint; rootStake: number }) {
    this.totals = {
      issuance: new RaoTotal(start.totalIssuance),
      minted: new RaoTotal(0n),
      outside: new RaoTotal(start.outside),
    };
    this.initialIssuance = start.totalIssuance;
    this.recycledTao = 0n;
    this.feeSink = 0;
    this.rootStake = start.rootStake;
  }

  get totalIssuance(): bigint {
    return this.totals.issuance.get();
  }
  set totalIssuance(value: bigint) {
    this.totals.issuance.set(value);
  }
  get mintedTao(): bigint {
    return this.totals.minted.get();
  }
  set mintedTao(value: bigint) {
    this.totals.minted.set(value);
  }
  get outside(): bigint {
    return this.totals.outside.get();
  }
  set outside(value: bigint) {
    this.totals.outside.set(value);
  }
}

/** The ledger at block 0: nothing minted, recycled or paid in fees yet. */
export function createNetworkLedger(start: {
  totalIssuance: bigint;
  outside: bigint;
  rootStake: number;
}): NetworkLedger {
  return new Ledger(start);
}
